package dev.lamina;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Overrides the trainer's weight decay for one {@link Dense} layer. The trainer sets the decay
 * ({@code Trainer.Builder.weightDecay}); by default it applies to every layer's weights and to no
 * bias, γ or β. This annotation scales it for this layer, or extends it to the layer's bias.
 *
 * <pre>{@code
 * @Dense(units = 10) @Decay(0) Layer logits;                   // no decay on this layer
 * @Dense(units = 256) @Decay(value = 2, bias = true) Layer h;  // twice the decay, bias included
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.FIELD)
public @interface Decay {
  /**
   * Multiplies the trainer's decay strengths for this layer: 0 turns decay off, 2 doubles it.
   *
   * @return the factor, ≥ 0; 1 by default
   */
  double value() default 1.0;

  /**
   * {@return whether the layer's bias is decayed too, with the same factor; biases are not by
   * default}
   */
  boolean bias() default false;
}
