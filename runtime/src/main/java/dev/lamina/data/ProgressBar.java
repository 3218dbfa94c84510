package dev.lamina.data;

import java.io.PrintStream;
import java.util.Locale;

/**
 * One line of progress, redrawn in place with a carriage return:
 * {@code name [##########          ]  50%  13.2 / 26.4 MB}. It is redrawn only when the percentage
 * changes (or, with an unknown total, every megabyte), so a log file gets at most ~100 updates.
 */
final class ProgressBar {
  private static final int WIDTH = 30;
  private static final double MEGABYTE = 1 << 20;

  private final PrintStream out;
  private final String label;
  private final long total;
  private long shownStep = -1;

  /** {@code total} is the expected number of bytes, or negative when unknown. */
  ProgressBar(PrintStream out, String label, long total) {
    this.out = out;
    this.label = label;
    this.total = total;
  }

  void update(long done) {
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
      line = String.format(Locale.ROOT, "\r%s [%s%s] %3d%% %6.1f / %.1f MB", label,
          "#".repeat(filled), " ".repeat(WIDTH - filled), Math.min(100, done * 100 / total),
          done / MEGABYTE, total / MEGABYTE);
    } else {
      line = String.format(Locale.ROOT, "\r%s %6.1f MB", label, done / MEGABYTE);
    }
    out.print(line);
    out.flush();
  }
}
