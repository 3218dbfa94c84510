package dev.lamina;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a network. The annotated class's {@link Layer} fields are its layers, in declaration
 * order; the first must be the {@link Input}. The processor generates {@code <ClassName>Net} beside
 * it.
 *
 * <pre>{@code
 * @Model(loss = Loss.SOFTMAX_CROSS_ENTROPY)
 * class FashionMlp {
 *   @Input(784) Layer pixels;
 *   @Dense(units = 256) @Activation(RELU) @Dropout(keep = 0.5) Layer hidden;
 *   @Dense(units = 10) Layer logits;
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.TYPE)
public @interface Model {
  /**
   * The training loss, applied to the last layer's output.
   *
   * @return the loss, softmax cross-entropy by default
   */
  Loss loss() default Loss.SOFTMAX_CROSS_ENTROPY;

  /**
   * Label smoothing ε for {@link Loss#SOFTMAX_CROSS_ENTROPY}, as in PyTorch's {@code
   * CrossEntropyLoss(label_smoothing=ε)}: the target distribution is (1 − ε)·one-hot + ε/K.
   * Must be in [0, 1).
   *
   * @return ε, 0 (no smoothing) by default
   */
  double labelSmoothing() default 0.0;

  /**
   * δ of {@link Loss#HUBER}, as in PyTorch's {@code HuberLoss(delta=δ)}: the error size where the
   * loss turns from ½d² to δ(|d| − ½δ), so errors beyond δ pull linearly, with a gradient of at
   * most δ. Set it near the error you still trust, in the targets' units. Must be finite and
   * > 0, and is for {@link Loss#HUBER} only.
   *
   * @return δ, 1 by default
   */
  double huberDelta() default 1.0;
}
