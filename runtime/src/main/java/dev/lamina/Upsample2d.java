package dev.lamina;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Nearest-neighbour upsampling: each pixel of each channel repeated in a {@code value × value}
 * block, so the height and width grow {@code value} times (PyTorch's {@code
 * Upsample(scale_factor=value, mode="nearest")}). Its gradient sums each block. It has no weights
 * and no activation; a {@link Dropout} on the same field applies to its output.
 *
 * <pre>{@code @Upsample2d(2) Layer up;   // (16, 7, 7) → (16, 14, 14)}</pre>
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.FIELD)
public @interface Upsample2d {
  /**
   * The factor.
   *
   * @return how many times the height and width grow; positive
   */
  int value();
}
