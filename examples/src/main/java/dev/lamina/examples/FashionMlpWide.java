package dev.lamina.examples;

import static dev.lamina.Nonlinearity.RELU;

import dev.lamina.Activation;
import dev.lamina.Dense;
import dev.lamina.Dropout;
import dev.lamina.Init;
import dev.lamina.Input;
import dev.lamina.Layer;
import dev.lamina.Loss;
import dev.lamina.Model;

/**
 * The MLP of {@code fashion-mlp --recipe best} ({@link BestRecipe}): 784-1024-512-10, He init,
 * ReLU, more dropout than {@link FashionMlp} since it is four times as wide and trains longer.
 */
@Model(loss = Loss.SOFTMAX_CROSS_ENTROPY)
class FashionMlpWide {
  @Input(784) @Dropout(keep = 0.9) Layer pixels;
  @Dense(units = 1024, init = Init.HE) @Activation(RELU) @Dropout(keep = 0.7) Layer hidden1;
  @Dense(units = 512, init = Init.HE) @Activation(RELU) @Dropout(keep = 0.7) Layer hidden2;
  @Dense(units = 10, init = Init.XAVIER) Layer logits;
}
