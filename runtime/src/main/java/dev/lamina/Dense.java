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
 *
 * <p>The weights start as {@link #init()} says; each of the other initialization members is read
 * only by the initializers named in its comment (the processor warns when one is set without
 * effect). Biases start at zero unless a {@link BiasInit} says otherwise.
 *
 * <pre>{@code
 * @Dense(units = 256, init = Init.HE_UNIFORM, fanMode = FanMode.OUT) @Activation(RELU) Layer h;
 * @Dense(units = 100, init = Init.NORMAL, std = 0.05) @BiasInit(value = Init.CONSTANT, constant = 0.1) Layer g;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.FIELD)
public @interface Dense {
  /**
   * Number of output units; must be positive.
   *
   * @return the units, > 0
   */
  int units();

  /**
   * How the weights start. {@link Init#AUTO} picks He for the ReLU family, Xavier otherwise.
   *
   * @return the initializer of the weights
   */
  Init init() default Init.AUTO;

  /** {@return the fan of Xavier, LeCun and He (and their uniform forms); AUTO is each one's own} */
  FanMode fanMode() default FanMode.AUTO;

  /** {@return the gain of Xavier, LeCun, He and orthogonal; AUTO is each one's own} */
  Gain gain() default Gain.AUTO;

  /** {@return mean of {@link Init#NORMAL} and {@link Init#TRUNCATED_NORMAL}} */
  double mean() default Init.DEFAULT_MEAN;

  /**
   * {@return standard deviation (not variance) of {@link Init#NORMAL} and {@link
   * Init#TRUNCATED_NORMAL}; must be positive}
   */
  double std() default Init.DEFAULT_STD;

  /** {@return lower bound of {@link Init#UNIFORM}; must be below {@link #high()}} */
  double low() default Init.DEFAULT_LOW;

  /** {@return upper bound of {@link Init#UNIFORM}} */
  double high() default Init.DEFAULT_HIGH;

  /** {@return the value of {@link Init#CONSTANT}} */
  double constant() default Init.DEFAULT_CONSTANT;

  /**
   * {@return whether the layer adds a learned bias (zeros unless a {@link BiasInit} says
   * otherwise)}
   */
  boolean bias() default true;
}
