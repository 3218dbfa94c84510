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
  /** Number of input features of a flat input. */
  int value() default 0;

  int channels() default 0;

  int height() default 0;

  int width() default 0;
}
