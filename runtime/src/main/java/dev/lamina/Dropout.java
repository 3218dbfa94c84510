package dev.lamina;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Dropout on a layer's output while training: each unit is kept with probability {@code keep}
 * and zeroed otherwise, with a fresh Bernoulli mask for every sample and step.
 *
 * <p><b>{@code keep} is the probability of keeping a unit</b>, as in the original paper — not
 * the drop probability that PyTorch's {@code nn.Dropout(p)} and Keras's {@code Dropout(rate)}
 * take. PyTorch's {@code Dropout(p=0.2)} is {@code @Dropout(keep = 0.8)}.
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.FIELD)
public @interface Dropout {
  /**
   * Probability of keeping a unit, in (0, 1]: about 0.5 for hidden layers, 0.8 for inputs.
   *
   * @return the keep probability
   */
  double keep();

  /**
   * Where the 1/keep correction goes; inverted by default, as in PyTorch and Keras.
   *
   * @return the mode, {@link DropoutMode#INVERTED} by default
   */
  DropoutMode mode() default DropoutMode.INVERTED;
}
