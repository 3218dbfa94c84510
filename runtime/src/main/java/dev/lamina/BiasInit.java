package dev.lamina;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How a layer's biases start, when not at zero: e.g. {@code @BiasInit(value = Init.CONSTANT,
 * constant = 0.01)} to start ReLU units slightly active. Every {@link Init} but {@link Init#AUTO}
 * and {@link Init#ORTHOGONAL} applies; the variance-scaling ones use the layer's fans with their
 * own fan mode and gain. Needs a {@link Dense} with a bias.
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.FIELD)
public @interface BiasInit {
  /** {@return the biases' initializer} */
  Init value();

  /** {@return mean of {@link Init#NORMAL} and {@link Init#TRUNCATED_NORMAL}} */
  double mean() default Init.DEFAULT_MEAN;

  /**
   * {@return standard deviation of {@link Init#NORMAL} and {@link Init#TRUNCATED_NORMAL}; positive}
   */
  double std() default Init.DEFAULT_STD;

  /** {@return lower bound of {@link Init#UNIFORM}; must be below {@link #high()}} */
  double low() default Init.DEFAULT_LOW;

  /** {@return upper bound of {@link Init#UNIFORM}} */
  double high() default Init.DEFAULT_HIGH;

  /** {@return the value of {@link Init#CONSTANT}} */
  double constant() default Init.DEFAULT_CONSTANT;
}
