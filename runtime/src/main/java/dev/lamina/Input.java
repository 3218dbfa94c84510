package dev.lamina;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The network's input: exactly one per model, on its first layer field. Give either a flat size,
 * {@code @Input(784)}, or an image shape, {@code @Input(channels = 1, height = 28, width = 28)};
 * samples are stored channel-major (C, H, W) and dense layers see them flattened.
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.FIELD)
public @interface Input {
  /**
   * Number of input features of a flat input.
   *
   * @return the feature count, > 0 for a flat input; 0 (the default) for an image input
   */
  int value() default 0;

  /**
   * {@return the channels of an image input (1 for grey, 3 for colour), > 0; 0 (the default) for a
   * flat input}
   */
  int channels() default 0;

  /** {@return the height of an image input in pixels, > 0; 0 (the default) for a flat input} */
  int height() default 0;

  /** {@return the width of an image input in pixels, > 0; 0 (the default) for a flat input} */
  int width() default 0;
}
