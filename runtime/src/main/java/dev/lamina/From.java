package dev.lamina;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The layer this one reads, named by its field, instead of the field above it: a branch of a
 * graph. The named layer must be declared earlier in the class. The shortcut of a residual block
 * that changes shape is the usual use, a 1×1 convolution with stride reading the block's input:
 *
 * <pre>{@code
 * @Add({"shortcut", "conv2"}) @Activation(RELU) Layer block1;
 * @Conv2d(filters = 64, kernel = 3, stride = 2, padding = 1) @BatchNorm @Activation(RELU) Layer conv3;
 * @Conv2d(filters = 64, kernel = 3, padding = 1) @BatchNorm(gamma = 0) Layer conv4;
 * @From("block1") @Conv2d(filters = 64, kernel = 1, stride = 2) @BatchNorm Layer projection;
 * @Add({"projection", "conv4"}) @Activation(RELU) Layer block2;
 * }</pre>
 *
 * <p>Without it a layer reads the field above it, so a chain needs no {@code @From} at all.
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.FIELD)
public @interface From {
  /** {@return the name of an earlier layer field} */
  String value();
}
