package dev.lamina;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The element-wise sum of two or more earlier layers of one shape: a residual block's output, its
 * branch added to its shortcut, as Keras's {@code Add} or {@code x + f(x)} in PyTorch. An {@link
 * Activation} on the same field applies to the sum (ReLU after the sum is the ResNet block), a
 * {@link Dropout} or {@link GaussianNoise} to its output.
 *
 * <pre>{@code
 * @Conv2d(filters = 32, kernel = 3, padding = 1) @BatchNorm @Activation(RELU) Layer stem;
 * @Conv2d(filters = 32, kernel = 3, padding = 1) @BatchNorm @Activation(RELU) Layer conv1;
 * @Conv2d(filters = 32, kernel = 3, padding = 1) @BatchNorm(gamma = 0) Layer conv2;
 * @Add({"stem", "conv2"}) @Activation(RELU) Layer block;   // relu(stem + conv2)
 * }</pre>
 *
 * <p>The shapes must be equal; when a branch changes them, give the shortcut a 1×1 convolution
 * with the same stride and filters ({@link From} shows one). The processor checks the names and the
 * shapes when the class compiles.
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.FIELD)
public @interface Add {
  /** {@return the names of the layers summed: two or more earlier layer fields} */
  String[] value();
}
