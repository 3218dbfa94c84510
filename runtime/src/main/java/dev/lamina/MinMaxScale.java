package dev.lamina;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Scales each feature of the {@link Input} to [0, 1] over the training set: {@code (x - min) /
 * (max - min)}, like scikit-learn's {@code MinMaxScaler}; values outside the training range map
 * outside [0, 1]. A feature that never varies is only shifted. The minimum and maximum are
 * non-trainable state ({@code <input>.min}, {@code <input>.max}, {@code <input>.count}), fitted,
 * saved and applied as {@link Standardize}'s statistics are.
 *
 * <pre>{@code
 * @Input(13) @MinMaxScale Layer features;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.FIELD)
public @interface MinMaxScale {}
