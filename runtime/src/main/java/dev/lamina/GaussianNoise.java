package dev.lamina;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Additive Gaussian noise on a layer's output while training: each element gets a fresh draw of
 * N(0, std²) for every sample and step; inference adds nothing. On the {@link Input} it perturbs
 * the data the network sees; on a {@link Dense} layer it is added after the activation (and after
 * normalization placed after it), before the layer's {@link Dropout}. Gradients pass through the
 * noise unchanged.
 *
 * <pre>{@code
 * @Input(784) @GaussianNoise(0.2) Layer pixels;    // pixels are in [0, 1]
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.FIELD)
public @interface GaussianNoise {
  /**
   * The standard deviation of the noise (not its variance); must be > 0 and finite.
   *
   * @return the noise's standard deviation, in the units of the layer's input
   */
  double value();
}
