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
 * @param kind which normalization, or NONE
 * @param placement before or after the activation
 * @param eps added to the variance before its square root, > 0
 * @param momentum BATCH's weight of the newest batch in the running statistics, in (0, 1]; 0 for
 *     the other kinds
 * @param runningStats how BATCH estimates the statistics it uses at inference
 */
public record NormSpec(Kind kind, NormPlacement placement, double eps, double momentum,
    RunningStats runningStats, int groups, double gamma) {
  /** Which normalization. */
  public enum Kind {
    /** None. */
    NONE,
    /** Batch normalization. */
    BATCH,
    /** Layer normalization. */
    LAYER,
    /** Instance normalization (image layers). */
    INSTANCE,
    /** Group normalization (image layers). */
    GROUP
  }

  public static final NormSpec NONE =
      new NormSpec(Kind.NONE, NormPlacement.BEFORE_ACTIVATION, 0, 0, RunningStats.EXPONENTIAL);

  /**
   * Checks the constants.
   *
   * @throws IllegalArgumentException if eps is not positive, BATCH's momentum is outside (0, 1],
   *     groups do not match the kind, or γ is not finite
   */
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

  /**
   * A normalization whose γ starts at 1.
   *
   * @param kind which normalization
   * @param placement before or after the activation
   * @param eps added to the variance, > 0
   * @param momentum BATCH's running-statistics momentum
   * @param runningStats how BATCH estimates its inference statistics
   * @param groups GROUP's number of groups; 0 otherwise
   */
  public NormSpec(Kind kind, NormPlacement placement, double eps, double momentum,
      RunningStats runningStats, int groups) {
    this(kind, placement, eps, momentum, runningStats, groups, 1);
  }

  /**
   * A normalization without groups.
   *
   * @param kind which normalization
   * @param placement before or after the activation
   * @param eps added to the variance, > 0
   * @param momentum BATCH's running-statistics momentum
   * @param runningStats how BATCH estimates its inference statistics
   */
  public NormSpec(Kind kind, NormPlacement placement, double eps, double momentum,
      RunningStats runningStats) {
    this(kind, placement, eps, momentum, runningStats, 0);
  }

  /**
   * {@return a batch normalization}
   *
   * @param placement before or after the activation
   * @param eps added to the variance, > 0
   * @param momentum the newest batch's weight in the running statistics, in (0, 1]
   * @param stats how the inference statistics are estimated
   */
  public static NormSpec batch(NormPlacement placement, double eps, double momentum, RunningStats stats) {
    return new NormSpec(Kind.BATCH, placement, eps, momentum, stats);
  }

  /**
   * {@return a layer normalization}
   *
   * @param placement before or after the activation
   * @param eps added to the variance, > 0
   */
  public static NormSpec layer(NormPlacement placement, double eps) {
    return new NormSpec(Kind.LAYER, placement, eps, 0, RunningStats.EXPONENTIAL);
  }

  /**
   * {@return an instance normalization}
   *
   * @param placement before or after the activation
   * @param eps added to the variance, > 0
   */
  public static NormSpec instance(NormPlacement placement, double eps) {
    return new NormSpec(Kind.INSTANCE, placement, eps, 0, RunningStats.EXPONENTIAL);
  }

  /**
   * {@return a group normalization}
   *
   * @param groups the number of groups, > 0; it must divide the layer's channels
   * @param placement before or after the activation
   * @param eps added to the variance, > 0
   */
  public static NormSpec group(int groups, NormPlacement placement, double eps) {
    return new NormSpec(Kind.GROUP, placement, eps, 0, RunningStats.EXPONENTIAL, groups);
  }

  /**
   * This normalization with γ starting at {@code gamma}.
   *
   * @param gamma the start value, finite
   * @return a copy
   */
  public NormSpec withGamma(double gamma) {
    return new NormSpec(kind, placement, eps, momentum, runningStats, groups, gamma);
  }

  /** {@return whether there is a normalization (kind not NONE)} */
  public boolean isPresent() {
    return kind != Kind.NONE;
  }

  /** {@return whether it normalizes the sums before the activation} */
  public boolean beforeActivation() {
    return placement == NormPlacement.BEFORE_ACTIVATION;
  }

  /**
   * Channels that share statistics in one sample of a layer with {@code channels} channels: 1
   * for INSTANCE, channels / groups for GROUP.
   *
   * @param channels the layer's channels
   * @return the count
   * @throws IllegalStateException for a kind without channel groups
   */
  public int channelsPerGroup(int channels) {
    return switch (kind) {
      case INSTANCE -> 1;
      case GROUP -> channels / groups;
      default -> throw new IllegalStateException(kind + " has no channel groups");
    };
  }
}
