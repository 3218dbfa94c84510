package dev.lamina;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Batch normalization of a {@link Dense} layer: while training, each unit is normalized with the
 * mean and the biased variance of the mini-batch, then scaled and shifted by a learned γ (starts
 * at 1) and β (starts at 0); at inference the running statistics take the batch's place. A layer
 * with batch normalization before its activation has no bias unless asked for: β does its job.
 * γ and β are not weight-decayed. Training needs at least 2 samples per batch.
 *
 * <p>On a {@link Conv2d} layer each channel is normalized over the batch and all of its pixels,
 * with one γ and β per channel, as PyTorch's {@code BatchNorm2d}; one sample is then enough.
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.FIELD)
public @interface BatchNorm {
  /**
   * Added to the variance before its square root; must be > 0.
   *
   * @return ε, 1e-5 by default as in PyTorch
   */
  double eps() default 1e-5;

  /**
   * Weight of the newest batch in {@link RunningStats#EXPONENTIAL}; in (0, 1]. PyTorch's default.
   *
   * @return the momentum, 0.1 by default
   */
  double momentum() default 0.1;

  /**
   * {@return how the mean and variance used at inference are estimated during training; an
   * exponential moving average by default}
   */
  RunningStats runningStats() default RunningStats.EXPONENTIAL;

  /**
   * {@return whether the layer's sums are normalized before or after its activation; before by
   * default}
   */
  NormPlacement placement() default NormPlacement.BEFORE_ACTIVATION;

  /**
   * The value γ starts at. 0 on the last batch normalization of a residual branch (the one whose
   * output an {@link Add} sums with the shortcut) makes each block start as the identity, so a
   * deep residual network starts as a shallow one: torchvision's {@code zero_init_residual}.
   * Elsewhere it would silence the layer, and the processor warns.
   *
   * @return γ's start value, 1 by default
   */
  double gamma() default 1.0;
}
