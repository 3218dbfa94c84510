package dev.lamina;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Standardizes the {@link Input}: each feature becomes {@code (x - mean) / std}, with the mean and
 * the (population) standard deviation of the training set, like scikit-learn's {@code
 * StandardScaler} or Keras's {@code Normalization} layer after {@code adapt()}. A feature that
 * never varies is only shifted (std taken as 1).
 *
 * <p>The statistics are non-trainable state ({@code <input>.mean}, {@code <input>.std}, {@code
 * <input>.count}), fitted from the training set when a {@code Trainer} starts on a network whose
 * statistics are not fitted yet (or explicitly with {@code InputScaling.fit}), saved and loaded
 * with the model, and applied in training and inference alike: a saved model takes raw rows.
 *
 * <pre>{@code
 * @Input(30) @Standardize Layer features;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.FIELD)
public @interface Standardize {}
