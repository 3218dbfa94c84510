package dev.lamina;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Group normalization of a {@link Conv2d} layer: the channels are split into {@link #value()}
 * groups of consecutive channels, and each group of each sample is normalized over its channels,
 * height and width, then scaled and shifted per channel by a learned γ and β — PyTorch's {@code
 * GroupNorm(groups, C)}. One group is layer normalization with per-channel γ; as many groups as
 * channels is instance normalization. It does not depend on the batch.
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.FIELD)
public @interface GroupNorm {
  /**
   * The number of groups; must divide the layer's channel count. 32 is the paper's default.
   *
   * @return the group count, > 0
   */
  int value();

  /**
   * Added to the variance before its square root; must be > 0.
   *
   * @return ε, 1e-5 by default
   */
  double eps() default 1e-5;

  /**
   * {@return whether the layer's sums are normalized before or after its activation; before by
   * default}
   */
  NormPlacement placement() default NormPlacement.BEFORE_ACTIVATION;
}
