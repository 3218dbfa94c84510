package dev.lamina;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Layer normalization of a {@link Dense} layer: each sample is normalized over the layer's units
 * with its own mean and biased variance, then scaled and shifted per unit by a learned γ and β.
 * It does not depend on the batch, so training and inference compute the same thing.
 *
 * <p>On a {@link Conv2d} layer each sample is normalized over all of its channels and pixels, with
 * γ and β per value, as PyTorch's {@code LayerNorm([C, H, W])}.
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.FIELD)
public @interface LayerNorm {
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
