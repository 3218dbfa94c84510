package demo;

import dev.lamina.Activation;
import dev.lamina.Dense;
import dev.lamina.Dropout;
import dev.lamina.Input;
import dev.lamina.Layer;
import dev.lamina.Loss;
import dev.lamina.Model;
import dev.lamina.Nonlinearity;

@Model(loss = Loss.SOFTMAX_CROSS_ENTROPY)
class Tiny {
  @Input(4) Layer pixels;
  @Dense(units = 8) @Activation(Nonlinearity.TANH) @Dropout(keep = 0.9) Layer hidden;
  @Dense(units = 3) Layer logits;
}
