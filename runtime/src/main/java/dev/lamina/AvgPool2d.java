package dev.lamina;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Average pooling: each output pixel is the mean of a {@code value × value} window of its channel,
 * windows {@link #stride()} apart (PyTorch's {@code AvgPool2d} without padding). A {@link Dropout}
 * on the same field applies to its output.
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.FIELD)
public @interface AvgPool2d {
  /**
   * The side of the window.
   *
   * @return the window's height and width, in pixels; positive
   */
  int value();

  /**
   * {@return the step between windows; 0 (the default) means the window's side, so windows tile the
   * image}
   */
  int stride() default 0;
}
