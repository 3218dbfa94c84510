package dev.lamina.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Every epoch's {@link EpochStats}, in order, and how training ended: the numbers behind the
 * learning curves. {@code dev.lamina.report.HistoryFiles} writes it as CSV or JSON files and
 * {@code dev.lamina.report.LearningCurveChart} draws it.
 */
public final class History {
  private final List<EpochStats> epochs = new ArrayList<>();
  private TrainingEnd end;

  /** An empty history: no epoch, not ended. The trainer fills one per run. */
  public History() {}

  void add(EpochStats stats) {
    epochs.add(stats);
  }

  void end(TrainingEnd end) {
    this.end = end;
  }

  /** {@return every epoch's figures so far, in order (unmodifiable)} */
  public List<EpochStats> epochs() {
    return Collections.unmodifiableList(epochs);
  }

  /**
   * {@return the latest epoch's figures}
   *
   * @throws IllegalStateException if no epoch has run
   */
  public EpochStats last() {
    if (epochs.isEmpty()) {
      throw new IllegalStateException("no epoch has run");
    }
    return epochs.get(epochs.size() - 1);
  }

  /**
   * How training ended: why, at which epoch, the best epoch and which weights the network has.
   *
   * @return the end
   * @throws IllegalStateException while training runs
   */
  public TrainingEnd end() {
    if (end == null) {
      throw new IllegalStateException("training has not ended yet");
    }
    return end;
  }

  /**
   * Whether {@link #end()} is known: false while training runs.
   *
   * @return true once training has ended
   */
  public boolean hasEnded() {
    return end != null;
  }

  /**
   * Seconds spent training, validation excluded.
   *
   * @return the sum of the epochs' seconds
   */
  public double trainSeconds() {
    return epochs.stream().mapToDouble(EpochStats::seconds).sum();
  }

  /**
   * Training samples per second over all epochs.
   *
   * @return the rate, samples per second
   */
  public double samplesPerSecond() {
    double seconds = trainSeconds();
    double samples = epochs.stream().mapToDouble(e -> e.samplesPerSecond() * e.seconds()).sum();
    return seconds == 0 ? 0 : samples / seconds;
  }

  /**
   * One header line, then one line per epoch: {@code epoch,train_loss,train_accuracy,
   * validation_loss,validation_accuracy,learning_rate,seconds}: the time last, as the only
   * column that differs between two runs of the same seed. Numbers in full precision, '.' as the decimal
   * point whatever the locale.
   *
   * @return the CSV text
   */
  public String toCsv() {
    StringBuilder s = new StringBuilder(
        "epoch,train_loss,train_accuracy,validation_loss,validation_accuracy,learning_rate,"
            + "seconds\n");
    for (EpochStats e : epochs) {
      s.append(e.epoch()).append(',').append(number(e.trainLoss())).append(',')
          .append(number(e.trainAccuracy())).append(',').append(number(e.validationLoss()))
          .append(',').append(number(e.validationAccuracy())).append(',')
          .append(number(e.learningRate())).append(',').append(number(e.seconds()))
          .append('\n');
    }
    return s.toString();
  }

  /**
   * {@code {"epochs": [{"epoch": 1, "train_loss": ..., ...}, ...], "end": {"reason":
   * "EARLY_STOPPED", "epoch": 12, "best_epoch": 7, ...}}}; {@code "end"} is null while training
   * runs, and non-finite numbers are null.
   *
   * @return the JSON text
   */
  public String toJson() {
    StringBuilder s = new StringBuilder("{\"epochs\": [");
    for (int i = 0; i < epochs.size(); i++) {
      EpochStats e = epochs.get(i);
      s.append(i == 0 ? "\n  " : ",\n  ")
          .append("{\"epoch\": ").append(e.epoch())
          .append(", \"train_loss\": ").append(json(e.trainLoss()))
          .append(", \"train_accuracy\": ").append(json(e.trainAccuracy()))
          .append(", \"validation_loss\": ").append(json(e.validationLoss()))
          .append(", \"validation_accuracy\": ").append(json(e.validationAccuracy()))
          .append(", \"seconds\": ").append(json(e.seconds()))
          .append(", \"learning_rate\": ").append(json(e.learningRate())).append('}');
    }
    s.append(epochs.isEmpty() ? "],\n" : "\n],\n").append("\"end\": ");
    if (end == null) {
      s.append("null");
    } else {
      s.append("{\"reason\": \"").append(end.reason()).append('"')
          .append(", \"epoch\": ").append(end.epoch())
          .append(", \"steps\": ").append(end.steps())
          .append(", \"best_epoch\": ").append(end.bestEpoch())
          .append(", \"metric\": ").append(quote(end.metric()))
          .append(", \"best_value\": ").append(json(end.bestValue()))
          .append(", \"restored\": ").append(end.restored())
          .append(", \"message\": ").append(quote(end.message())).append('}');
    }
    return s.append("}\n").toString();
  }

  private static String number(double v) {
    return Double.isFinite(v) ? Double.toString(v) : Double.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity";
  }

  private static String json(double v) {
    return Double.isFinite(v) ? Double.toString(v) : "null";
  }

  private static String quote(String text) {
    StringBuilder s = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> s.append("\\\"");
        case '\\' -> s.append("\\\\");
        case '\n' -> s.append("\\n");
        default -> s.append(c < 0x20 ? String.format(Locale.ROOT, "\\u%04x", (int) c) : c);
      }
    }
    return s.append('"').toString();
  }
}
