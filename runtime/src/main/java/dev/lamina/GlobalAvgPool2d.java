package dev.lamina;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Global average pooling: the mean of each channel over the whole image, (C, H, W) → (C, 1, 1),
 * as PyTorch's {@code AdaptiveAvgPool2d(1)}. A dense layer after it reads C values. A {@link
 * Dropout} on the same field applies to its output.
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.FIELD)
public @interface GlobalAvgPool2d {}
