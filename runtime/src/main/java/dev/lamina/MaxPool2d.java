package dev.lamina;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Max pooling: each output pixel is the largest value of a {@code value × value} window of its
 * channel, windows {@link #stride()} apart (PyTorch's {@code MaxPool2d} without padding). The
 * gradient goes to the first largest value of each window. A {@link Dropout} on the same field
 * applies to its output.
 *
 * <pre>{@code @MaxPool2d(2) Layer pool;   // (32, 28, 28) → (32, 14, 14)}</pre>
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.FIELD)
public @interface MaxPool2d {
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
