package dev.lamina;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A 2-d convolution with {@link #filters()} square kernels over the previous layer's image (the
 * {@link Input} given as channels, height and width, or another image layer). An {@link
 * Activation}, a normalization ({@link BatchNorm} per channel, {@link LayerNorm}, {@link
 * InstanceNorm}, {@link GroupNorm}) and a {@link Dropout} on the same field apply to its output,
 * as on a {@link Dense} layer. The output side is {@code ⌊(in + 2·padding − dilation·(kernel − 1)
 * − 1) / stride⌋ + 1}, as in PyTorch's {@code Conv2d}; the processor computes every shape and
 * rejects a window that does not fit.
 *
 * <pre>{@code
 * @Input(channels = 1, height = 28, width = 28) Layer image;
 * @Conv2d(filters = 32, kernel = 3, padding = 1) @BatchNorm @Activation(RELU) Layer conv1;  // (32, 28, 28)
 * @MaxPool2d(2) Layer pool1;                                                                 // (32, 14, 14)
 * }</pre>
 *
 * <p>The weights start as {@link #init()} says, with fan-in = input channels × kernel² and fan-out
 * = filters × kernel² (PyTorch's); the other initialization members are those of {@link Dense}.
 * The weight is stored (kernel, kernel, input channels, filters), TensorFlow's layout: like a dense
 * layer's (fan-in, units), over the values of a window.
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.FIELD)
public @interface Conv2d {
  /**
   * Output channels: the number of kernels; must be positive.
   *
   * @return the number of filters, > 0
   */
  int filters();

  /**
   * The side of each square kernel, in taps.
   *
   * @return the kernel's height and width, > 0
   */
  int kernel();

  /**
   * The step between two windows, in pixels.
   *
   * @return the stride, > 0; 1 by default
   */
  int stride() default 1;

  /**
   * Zeros added on each side of the input; {@code (kernel − 1) / 2} keeps an odd kernel's size at stride 1.
   *
   * @return the padding on each side, ≥ 0; 0 by default
   */
  int padding() default 0;

  /**
   * The step between a kernel's taps; 1 is a plain convolution.
   *
   * @return the dilation, > 0; 1 by default
   */
  int dilation() default 1;

  /**
   * How the weights start. {@link Init#AUTO} picks He for the ReLU family, Xavier otherwise.
   *
   * @return the initializer of the kernels
   */
  Init init() default Init.AUTO;

  /** {@return the fan of Xavier, LeCun and He (and their uniform forms); AUTO is each one's own} */
  FanMode fanMode() default FanMode.AUTO;

  /** {@return the gain of Xavier, LeCun, He and orthogonal; AUTO is each one's own} */
  Gain gain() default Gain.AUTO;

  /** {@return mean of {@link Init#NORMAL} and {@link Init#TRUNCATED_NORMAL}} */
  double mean() default Init.DEFAULT_MEAN;

  /**
   * {@return standard deviation of {@link Init#NORMAL} and {@link Init#TRUNCATED_NORMAL}; must be
   * positive}
   */
  double std() default Init.DEFAULT_STD;

  /** {@return lower bound of {@link Init#UNIFORM}; must be below {@link #high()}} */
  double low() default Init.DEFAULT_LOW;

  /** {@return upper bound of {@link Init#UNIFORM}} */
  double high() default Init.DEFAULT_HIGH;

  /** {@return the value of {@link Init#CONSTANT}} */
  double constant() default Init.DEFAULT_CONSTANT;

  /**
   * Whether the layer adds a learned bias per filter; as on {@link Dense}, off by default right
   * before a batch normalization, which cancels it.
   *
   * @return true for a bias
   */
  boolean bias() default true;
}
