package dev.lamina.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.FanMode;
import dev.lamina.Init;
import dev.lamina.init.InitSpec;
import dev.lamina.nn.LayerSpec;
import dev.lamina.nn.Network;
import dev.lamina.nn.Parameter;
import org.junit.jupiter.api.Test;

/**
 * Fans end to end, from the annotations: an image input reaches the first dense layer as
 * channels × height × width inputs, each later layer's fan-in is the previous one's units, and
 * the drawn weights have the standard deviation their initializer gives those fans.
 */
class InitFansTest {
  @Test
  void everyLayerHasTheFansOfItsShape() {
    Network net = new InitTestModels_ImageInputNet(3);
    int[][] fans = {{192, 50}, {50, 20}, {20, 10}};
    String[] names = {"a", "b", "c"};
    for (int l = 0; l < 3; l++) {
      LayerSpec layer = net.spec().layers().get(l + 1);
      Parameter w = net.parameters().get(names[l] + ".weight");
      assertEquals(fans[l][0], layer.fanIn(), names[l] + " fan_in in the spec");
      assertEquals(fans[l][0], w.fanIn(), names[l] + ".weight fan_in");
      assertEquals(fans[l][1], w.fanOut(), names[l] + ".weight fan_out");
    }
  }

  @Test
  void theProcessorResolvesEachFanMode() {
    var layers = InitTestModels_ImageInputNet.SPEC.layers();
    assertEquals(FanMode.AVERAGE, layers.get(1).weightInit().fanMode());
    assertEquals(FanMode.OUT, layers.get(2).weightInit().fanMode());
    assertEquals(FanMode.IN, layers.get(3).weightInit().fanMode());
    assertEquals(InitSpec.constant(0.01), layers.get(2).biasInit());
    assertEquals(InitSpec.zeros(), layers.get(1).biasInit());
    assertEquals(Init.LECUN_UNIFORM, layers.get(3).init());
  }

  @Test
  void drawnWeightsHaveTheStdOfTheirFans() {
    Network net = new InitTestModels_ImageInputNet(3);
    // Xavier over (192 + 50) / 2, He over fan_out = 20, LeCun uniform over fan_in = 20.
    double[] expected = {Math.sqrt(2.0 / (192 + 50)), Math.sqrt(2.0 / 20), Math.sqrt(1.0 / 20)};
    String[] names = {"a", "b", "c"};
    for (int l = 0; l < 3; l++) {
      float[] w = net.parameters().get(names[l] + ".weight").values();
      double sum = 0;
      double squares = 0;
      for (float v : w) {
        sum += v;
        squares += (double) v * v;
      }
      double mean = sum / w.length;
      double std = Math.sqrt(squares / w.length - mean * mean);
      // The sample std's relative standard error is about 1/sqrt(2n); allow five of them.
      double limit = 5 / Math.sqrt(2.0 * w.length) * expected[l];
      assertTrue(Math.abs(std - expected[l]) <= limit, names[l] + ": std " + std + " is "
          + Math.abs(std - expected[l]) + " from " + expected[l] + ", over " + limit);
    }
    float[] bias = net.parameters().get("b.bias").values();
    for (float b : bias) {
      assertEquals(0.01f, b, "b's biases start at the @BiasInit constant");
    }
  }
}
