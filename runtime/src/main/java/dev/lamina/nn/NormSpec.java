package dev.lamina.nn;

import dev.lamina.NormPlacement;
import dev.lamina.RunningStats;

/**
 * A dense layer's normalization: none, batch (per unit, over the batch) or layer (per sample,
 * over the units), where it sits, and its constants.
 */
public record NormSpec(Kind kind, NormPlacement placement, double eps, double momentum,
    RunningStats runningStats) {
  public enum Kind {
    NONE,
    BATCH,
    LAYER
  }

  public static final NormSpec NONE =
      new NormSpec(Kind.NONE, NormPlacement.BEFORE_ACTIVATION, 0, 0, RunningStats.EXPONENTIAL);

  public NormSpec {
    if (kind != Kind.NONE && !(eps > 0)) {
      throw new IllegalArgumentException("eps must be > 0, got " + eps);
    }
    if (kind == Kind.BATCH && runningStats == RunningStats.EXPONENTIAL
        && !(momentum > 0 && momentum <= 1)) {
      throw new IllegalArgumentException("momentum must be in (0, 1], got " + momentum);
    }
  }

  public static NormSpec batch(NormPlacement placement, double eps, double momentum, RunningStats stats) {
    return new NormSpec(Kind.BATCH, placement, eps, momentum, stats);
  }

  public static NormSpec layer(NormPlacement placement, double eps) {
    return new NormSpec(Kind.LAYER, placement, eps, 0, RunningStats.EXPONENTIAL);
  }

  public boolean isPresent() {
    return kind != Kind.NONE;
  }

  public boolean beforeActivation() {
    return placement == NormPlacement.BEFORE_ACTIVATION;
  }
}
