package dev.lamina;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Instance normalization of a {@link Conv2d} layer: each channel of each sample is normalized over
 * its own height × width with its mean and biased variance, then scaled and shifted per channel by
 * a learned γ (starts at 1) and β (starts at 0) — PyTorch's {@code InstanceNorm2d(C, affine=True)}.
 * It does not depend on the batch, so training and inference compute the same thing.
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.FIELD)
public @interface InstanceNorm {
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
