package dev.lamina.train;

import dev.lamina.io.Terminal;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Objects;

/**
 * A progress bar, one line per epoch: {@code Epoch 3/10 [=====>    ] 234/469 loss 0.41}, redrawn
 * in place at most ten times a second on a terminal, then finished with the validation figures.
 * Written to a file or a pipe it prints only each epoch's finished line, no {@code \r} frames.
 */
public final class ProgressBar implements TrainingListener {
  private static final int WIDTH = 30;
  private static final long REDRAW_NANOS = 100_000_000;
  private final PrintStream out;
  private final boolean redraw;
  private long lastDraw;
  /** Whether a bar is drawn on the current line, which a message must start below. */
  private boolean open;

  /**
   * Redraws the bar during an epoch only when {@code out} is a terminal ({@link Terminal}).
   *
   * @param out where to print, e.g. {@code System.out}
   */
  public ProgressBar(PrintStream out) {
    this(out, Terminal.isTerminal(out));
  }

  /**
   * Redraws the bar during an epoch when {@code redraw} is true; otherwise prints one line per
   * epoch when it ends.
   *
   * @param out where to print
   * @param redraw true to redraw the bar after each batch
   */
  public ProgressBar(PrintStream out, boolean redraw) {
    this.out = Objects.requireNonNull(out, "out");
    this.redraw = redraw;
  }

  @Override
  public void onEpochStart(int epoch, int epochs, int batches) {
    lastDraw = 0;
  }

  @Override
  public void onBatch(int epoch, int batch, int batches, double loss) {
    if (!redraw) {
      return;
    }
    long now = System.nanoTime();
    if (batch < batches && now - lastDraw < REDRAW_NANOS) {
      return;
    }
    lastDraw = now;
    int done = (int) ((long) WIDTH * batch / batches);
    String bar = "=".repeat(done) + (done < WIDTH ? ">" + " ".repeat(WIDTH - done - 1) : "");
    out.printf(Locale.ROOT, "\rEpoch %d [%s] %d/%d loss %.4f", epoch, bar, batch, batches, loss);
    open = true;
    out.flush();
  }

  @Override
  public void onEpochEnd(EpochStats s, int epochs) {
    out.print(open ? "\r" : "");
    open = false;
    String validation = s.validated() ? String.format(Locale.ROOT, " | val loss %.4f val acc %.4f",
        s.validationLoss(), s.validationAccuracy()) : ""; // a run without validation data
    out.printf(Locale.ROOT, "Epoch %d/%d [%s] loss %.4f acc %.4f%s | %.1fs %,.0f samples/s%n",
        s.epoch(), epochs, "=".repeat(WIDTH), s.trainLoss(), s.trainAccuracy(), validation,
        s.seconds(), s.samplesPerSecond());
  }

  /** Says why training ended, unless it simply ran every epoch without restoring weights. */
  @Override
  public void onTrainingEnd(TrainingEnd end) {
    if (end.reason() == TrainingEnd.Reason.COMPLETED && !end.restored()) {
      return;
    }
    String what = switch (end.reason()) {
      case COMPLETED -> "Completed";
      case EARLY_STOPPED -> "Stopped early";
      case NON_FINITE_LOSS, NON_FINITE_WEIGHTS -> "Stopped";
      case INTERRUPTED -> "Interrupted";
      case STOPPED -> "Stopped by a listener";
    };
    out.printf(Locale.ROOT, "%s%s at epoch %d: %s%s%n", open ? System.lineSeparator() : "", what,
        end.epoch(), end.message(),
        end.restored() && end.reason() != TrainingEnd.Reason.NON_FINITE_LOSS
            && end.reason() != TrainingEnd.Reason.NON_FINITE_WEIGHTS
            ? "; restored the weights of epoch " + end.bestEpoch() : "");
  }
}
