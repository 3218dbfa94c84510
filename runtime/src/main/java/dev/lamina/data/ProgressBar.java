package dev.lamina.data;

import dev.lamina.io.Terminal;
import java.io.PrintStream;
import java.util.Locale;

/**
 * One line of progress, {@code name [##########          ]  50%  13.2 / 26.4 MB}. On a terminal
 * it is redrawn in place with a carriage return when the percentage changes (or, with an unknown
 * total, every megabyte); elsewhere only its final state is printed, one line per file.
 */
class ProgressBar {
  /** Draws nothing: downloads whose messages go to System.Logger have no bar. */
  private static final ProgressBar NONE = new ProgressBar(null, "", -1, false) {
    @Override
    void update(long done) {}

    @Override
    void finish(long done) {}

    @Override
    void abandon() {}
  };

  private static final int WIDTH = 30;
  private static final double MEGABYTE = 1 << 20;

  private final PrintStream out;
  private final String label;
  private final long total;
  private final boolean redraw;
  private long shownStep = -1;

  /** {@code total} is the expected number of bytes, or negative when unknown. */
  ProgressBar(PrintStream out, String label, long total, boolean redraw) {
    this.out = out;
    this.label = label;
    this.total = total;
    this.redraw = redraw;
  }

  /** A bar on {@code out}, redrawn only if it is a terminal; none when {@code out} is null. */
  static ProgressBar on(PrintStream out, String label, long total) {
    return out == null ? NONE : new ProgressBar(out, label, total, Terminal.isTerminal(out));
  }

  void update(long done) {
    if (!redraw) {
      return;
    }
    long step = total > 0 ? Math.min(100, done * 100 / total) : done >> 20;
    if (step != shownStep) {
      shownStep = step;
      draw(done);
    }
  }

  /** Draws the final state and ends the line. */
  void finish(long done) {
    draw(done);
    out.println();
    out.flush();
  }

  /** Ends the line after a failure, if anything was drawn. */
  void abandon() {
    if (shownStep >= 0) {
      out.println();
      out.flush();
    }
  }

  private void draw(long done) {
    String line;
    if (total > 0) {
      int filled = (int) Math.min(WIDTH, done * WIDTH / total);
      line = String.format(Locale.ROOT, "%s%s [%s%s] %3d%% %6.1f / %.1f MB", prefix(), label,
          "#".repeat(filled), " ".repeat(WIDTH - filled), Math.min(100, done * 100 / total),
          done / MEGABYTE, total / MEGABYTE);
    } else {
      line = String.format(Locale.ROOT, "%s%s %6.1f MB", prefix(), label, done / MEGABYTE);
    }
    out.print(line);
    out.flush();
  }

  /** A carriage return to draw over the previous frame, when redrawing. */
  private String prefix() {
    return redraw ? "\r" : "";
  }
}
