package com.example;

import static dev.lamina.Nonlinearity.RELU;

import dev.lamina.Activation;
import dev.lamina.Dense;
import dev.lamina.Dropout;
import dev.lamina.Init;
import dev.lamina.Input;
import dev.lamina.Layer;
import dev.lamina.Loss;
import dev.lamina.Model;

@Model(loss = Loss.SOFTMAX_CROSS_ENTROPY)
class FashionMlp {
  @Input(784) @Dropout(keep = 0.9) Layer pixels;
  @Dense(units = 256, init = Init.HE) @Activation(RELU) @Dropout(keep = 0.8) Layer hidden1;
  @Dense(units = 128, init = Init.HE) @Activation(RELU) @Dropout(keep = 0.8) Layer hidden2;
  @Dense(units = 10, init = Init.XAVIER) Layer logits;
}
