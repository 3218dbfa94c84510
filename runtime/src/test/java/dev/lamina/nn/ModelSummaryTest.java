package dev.lamina.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lamina.DropoutMode;
import dev.lamina.Init;
import dev.lamina.Loss;
import dev.lamina.NormPlacement;
import dev.lamina.Nonlinearity;
import dev.lamina.RunningStats;
import dev.lamina.init.InitSpec;
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
        _______________________________________________________________________________________________________________________________________________________________
         Layer (type)             Output shape  Params  Activation      Init                            Normalization                                  Dropout
        ===============================================================================================================================================================
         pixels (Input)           (784)         0       -               -                               -                                              keep 0.9
         hidden (Dense, no bias)  (100)         78,600  relu            he (std 0.0505)                 batch (before act, eps 0.00001, momentum 0.1)  keep 0.5 classic
         mixed (Dense)            (30)          3,090   leaky_relu 0.2  normal(mean = 0.0, std = 0.05)  layer (after act, eps 0.001)                   -
         logits (Dense)           (10)          310     identity        xavier (std 0.224)              -                                              -
        ===============================================================================================================================================================
        Total params: 82,201 (321.1 KiB)
        Trainable params: 82,000
        Non-trainable params: 201
        Weight decay applies to 81,700 params: hidden.weight, mixed.weight, logits.weight
        Not decayed: hidden.gamma, hidden.beta, mixed.bias, mixed.gamma, mixed.beta, logits.bias""";
    assertEquals(expected, ModelSummary.of(new ReferenceNetwork(SPEC, 1)).toString());
  }

  @Test
  void describesImageLayers() {
    Shape image = new Shape(1, 8, 8);
    ImageSpec conv = ImageSpec.conv(image, 4, 3, 1, 1, 1);
    ImageSpec pool = ImageSpec.pool(conv.out(), 2, 2);
    ImageSpec conv2 = ImageSpec.conv(pool.out(), 6, 3, 2, 0, 1);
    NetworkSpec spec = new NetworkSpec("Images", Loss.SOFTMAX_CROSS_ENTROPY, 0, List.of(
        LayerSpec.input("in", image.size(), 1, DropoutMode.INVERTED).withImage(ImageSpec.input(image)),
        LayerSpec.conv("c1", conv, true, InitSpec.of(Init.AUTO), InitSpec.constant(0.1),
            Nonlinearity.RELU, 0, 1, DropoutMode.INVERTED)
            .withNorm(NormSpec.group(2, NormPlacement.BEFORE_ACTIVATION, 1e-5)),
        LayerSpec.pool("p", LayerSpec.Type.MAX_POOL, pool, 1, DropoutMode.INVERTED),
        LayerSpec.conv("c2", conv2, false, InitSpec.of(Init.AUTO), InitSpec.zeros(),
            Nonlinearity.TANH, 0, 1, DropoutMode.INVERTED),
        LayerSpec.dense("out", 3, conv2.out().size(), true, Init.XAVIER, 0,
            Nonlinearity.IDENTITY, 0, 1, DropoutMode.INVERTED)));
    // Cells, with the column padding squeezed to one space.
    List<String> lines = ModelSummary.of(spec).toString().lines()
        .map(l -> l.replaceAll(" {2,}", " | ")).toList();
    assertEquals(List.of(
        " in (Input) | (1, 8, 8) | 0 | - | - | - | -",
        " c1 (Conv2d 3x3, padding 1) | (4, 8, 8) | 48 | relu | he (std 0.471), bias constant(0.1)"
            + " | group (2 groups, before act, eps 0.00001) | -",
        " p (MaxPool2d 2x2) | (4, 4, 4) | 0 | - | - | - | -",
        " c2 (Conv2d 3x3, stride 2, no bias) | (6, 1, 1) | 216 | tanh | xavier (std 0.149) | - | -",
        " out (Dense) | (3) | 21 | identity | xavier (std 0.471) | - | -"), lines.subList(4, 9));
  }

  @Test
  void describesASpecBeforeAnyNetworkExists() {
    String fromSpec = ModelSummary.of(SPEC).toString();
    String fromNetwork = ModelSummary.of(new ReferenceNetwork(SPEC, 1)).toString();
    assertEquals(fromNetwork.replace(" (dev.lamina.nn.ReferenceNetwork)", ""), fromSpec);
  }
}
