package dev.lamina.nn;

import dev.lamina.NormPlacement;
import dev.lamina.RunningStats;

/**
 * A layer's normalization, where it sits, and its constants. Each kind normalizes over a different
 * set of values (for an image layer's output (N, C, H, W)):
 *
 * <ul>
 *   <li>BATCH: per unit or channel, over the batch (and H, W); running statistics at inference;
 *   <li>LAYER: per sample, over all of its units (C, H, W);
 *   <li>INSTANCE: per sample and channel, over (H, W) — image layers only;
 *   <li>GROUP: per sample and group of {@code channels / groups} channels — image layers only.
 * </ul>
 *
 * @param groups GROUP's number of groups; 0 for the other kinds
 * @param gamma the value γ starts at: 1, or 0 for the last normalization of a residual branch,
 *     so that the block starts as the identity
 */
public record NormSpec(Kind kind, NormPlacement placement, double eps, double momentum,
    RunningStats runningStats, int groups, double gamma) {
  public enum Kind {
    NONE,
    BATCH,
    LAYER,
    INSTANCE,
    GROUP
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
    if ((kind == Kind.GROUP) != (groups > 0) || groups < 0) {
      throw new IllegalArgumentException("groups must be > 0 for GROUP and 0 otherwise, got "
          + groups + " for " + kind);
    }
    if (!Double.isFinite(gamma)) {
      throw new IllegalArgumentException("gamma must be finite, got " + gamma);
    }
  }

  /** A normalization whose γ starts at 1. */
  public NormSpec(Kind kind, NormPlacement placement, double eps, double momentum,
      RunningStats runningStats, int groups) {
    this(kind, placement, eps, momentum, runningStats, groups, 1);
  }

  /** A normalization without groups. */
  public NormSpec(Kind kind, NormPlacement placement, double eps, double momentum,
      RunningStats runningStats) {
    this(kind, placement, eps, momentum, runningStats, 0);
  }

  public static NormSpec batch(NormPlacement placement, double eps, double momentum, RunningStats stats) {
    return new NormSpec(Kind.BATCH, placement, eps, momentum, stats);
  }

  public static NormSpec layer(NormPlacement placement, double eps) {
    return new NormSpec(Kind.LAYER, placement, eps, 0, RunningStats.EXPONENTIAL);
  }

  public static NormSpec instance(NormPlacement placement, double eps) {
    return new NormSpec(Kind.INSTANCE, placement, eps, 0, RunningStats.EXPONENTIAL);
  }

  public static NormSpec group(int groups, NormPlacement placement, double eps) {
    return new NormSpec(Kind.GROUP, placement, eps, 0, RunningStats.EXPONENTIAL, groups);
  }

  /** This normalization with γ starting at {@code gamma}. */
  public NormSpec withGamma(double gamma) {
    return new NormSpec(kind, placement, eps, momentum, runningStats, groups, gamma);
  }

  public boolean isPresent() {
    return kind != Kind.NONE;
  }

  public boolean beforeActivation() {
    return placement == NormPlacement.BEFORE_ACTIVATION;
  }

  /**
   * Channels that share statistics in one sample of a layer with {@code channels} channels: 1
   * for INSTANCE, channels / groups for GROUP.
   */
  public int channelsPerGroup(int channels) {
    return switch (kind) {
      case INSTANCE -> 1;
      case GROUP -> channels / groups;
      default -> throw new IllegalStateException(kind + " has no channel groups");
    };
  }
}
