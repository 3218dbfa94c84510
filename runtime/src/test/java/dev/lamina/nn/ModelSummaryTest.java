package dev.lamina.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lamina.DropoutMode;
import dev.lamina.Init;
import dev.lamina.Loss;
import dev.lamina.NormPlacement;
import dev.lamina.Nonlinearity;
import dev.lamina.RunningStats;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelSummaryTest {
  static final NetworkSpec SPEC = new NetworkSpec("Demo", Loss.SOFTMAX_CROSS_ENTROPY, 0.1, List.of(
      LayerSpec.input("pixels", 784, 0.9, DropoutMode.INVERTED),
      LayerSpec.dense("hidden", 100, 784, false, Init.AUTO, 0, Nonlinearity.RELU, 0, 0.5,
          DropoutMode.CLASSIC).withNorm(
              NormSpec.batch(NormPlacement.BEFORE_ACTIVATION, 1e-5, 0.1, RunningStats.EXPONENTIAL)),
      LayerSpec.dense("mixed", 30, 100, true, Init.NORMAL, 0.05, Nonlinearity.LEAKY_RELU, 0.2, 1,
          DropoutMode.INVERTED).withNorm(NormSpec.layer(NormPlacement.AFTER_ACTIVATION, 1e-3)),
      LayerSpec.dense("logits", 10, 30, true, Init.XAVIER, 0, Nonlinearity.IDENTITY, 0, 1,
          DropoutMode.INVERTED)));

  @Test
  void countsEveryTensor() {
    ModelSummary s = ModelSummary.of(new ReferenceNetwork(SPEC, 1));
    // hidden: 784·100 weights + γ, β; mixed: 100·30 + 30 bias + γ, β; logits: 30·10 + 10.
    assertEquals(List.of(0L, 78_400L + 200, 3_000L + 30 + 60, 310L),
        s.rows().stream().map(ModelSummary.Row::parameters).toList());
    assertEquals(78_600 + 3_090 + 310, s.trainableParameters());
    assertEquals(100 + 100 + 1, s.nonTrainableParameters(), "running mean, variance, batches");
    assertEquals(List.of("hidden.weight", "mixed.weight", "logits.weight"), s.decayed());
  }

  @Test
  void printsLikeKerasSummary() {
    String expected = """
        Model: Demo (dev.lamina.nn.ReferenceNetwork), loss softmax_cross_entropy, label smoothing 0.1
        ___________________________________________________________________________________________________________________________________________________
         Layer (type)             Output shape  Params  Activation      Init                Normalization                                  Dropout
        ===================================================================================================================================================
         pixels (Input)           (784)         0       -               -                   -                                              keep 0.9
         hidden (Dense, no bias)  (100)         78,600  relu            he (std 0.0505)     batch (before act, eps 0.00001, momentum 0.1)  keep 0.5 classic
         mixed (Dense)            (30)          3,090   leaky_relu 0.2  normal (std 0.05)   layer (after act, eps 0.001)                   -
         logits (Dense)           (10)          310     identity        xavier (std 0.224)  -                                              -
        ===================================================================================================================================================
        Total params: 82,201 (321.1 KiB)
        Trainable params: 82,000
        Non-trainable params: 201
        Weight decay applies to 81,700 params: hidden.weight, mixed.weight, logits.weight
        Not decayed: hidden.gamma, hidden.beta, mixed.bias, mixed.gamma, mixed.beta, logits.bias""";
    assertEquals(expected, ModelSummary.of(new ReferenceNetwork(SPEC, 1)).toString());
  }

  @Test
  void describesASpecBeforeAnyNetworkExists() {
    String fromSpec = ModelSummary.of(SPEC).toString();
    String fromNetwork = ModelSummary.of(new ReferenceNetwork(SPEC, 1)).toString();
    assertEquals(fromNetwork.replace(" (dev.lamina.nn.ReferenceNetwork)", ""), fromSpec);
  }
}
