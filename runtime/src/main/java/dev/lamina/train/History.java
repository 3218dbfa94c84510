package dev.lamina.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Every epoch's {@link EpochStats}, in order. */
public final class History {
  private final List<EpochStats> epochs = new ArrayList<>();

  void add(EpochStats stats) {
    epochs.add(stats);
  }

  public List<EpochStats> epochs() {
    return Collections.unmodifiableList(epochs);
  }

  public EpochStats last() {
    if (epochs.isEmpty()) {
      throw new IllegalStateException("no epoch has run");
    }
    return epochs.get(epochs.size() - 1);
  }

  /** Seconds spent training, validation excluded. */
  public double trainSeconds() {
    return epochs.stream().mapToDouble(EpochStats::seconds).sum();
  }

  /** Training samples per second over all epochs. */
  public double samplesPerSecond() {
    double seconds = trainSeconds();
    double samples = epochs.stream().mapToDouble(e -> e.samplesPerSecond() * e.seconds()).sum();
    return seconds == 0 ? 0 : samples / seconds;
  }
}
