package dev.lamina;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A fully connected layer: {@code y = x·W + b} with W of shape (fan_in, units). An {@link
 * Activation} and a {@link Dropout} on the same field are applied to its output, in that order,
 * fused into the loop that computes it.
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.FIELD)
public @interface Dense {
  /** Number of output units; must be positive. */
  int units();

  /** How the weights start. {@link Init#AUTO} picks He for the ReLU family, Xavier otherwise. */
  Init init() default Init.AUTO;

  /** Standard deviation of {@link Init#NORMAL}; not used by other initializers. */
  double std() default 0.01;

  /** Whether the layer adds a learned bias (initialized to zero). */
  boolean bias() default true;
}
