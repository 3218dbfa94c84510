package dev.lamina.init;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.DropoutMode;
import dev.lamina.FanMode;
import dev.lamina.Gain;
import dev.lamina.Init;
import dev.lamina.Loss;
import dev.lamina.Nonlinearity;
import dev.lamina.nn.Initializers;
import dev.lamina.nn.LayerSpec;
import dev.lamina.nn.NetworkSpec;
import dev.lamina.nn.Parameters;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** How a network's parameters are initialized: per-layer specs, biases, seeds and bad input. */
class InitializersTest {
  private static NetworkSpec network(InitSpec weights, InitSpec biases) {
    return new NetworkSpec("net", Loss.SOFTMAX_CROSS_ENTROPY, 0, List.of(
        LayerSpec.input("x", 60, 1, DropoutMode.INVERTED),
        LayerSpec.dense("h", 50, 60, true, weights, biases, Nonlinearity.TANH, 0.01, 1,
            DropoutMode.INVERTED),
        LayerSpec.dense("y", 40, 50, true, Init.AUTO, 0, Nonlinearity.IDENTITY, 0.01, 1,
            DropoutMode.INVERTED)));
  }

  private static Parameters initialized(NetworkSpec spec, long seed) {
    Parameters p = spec.newParameters();
    Initializers.initialize(spec, p, seed);
    return p;
  }

  @Test
  void theSameSeedGivesTheSameBitsAndAnotherSeedOthers() {
    NetworkSpec spec = network(InitSpec.scaled(Init.HE_UNIFORM, FanMode.OUT, Gain.AUTO),
        InitSpec.normal(0.1, 0.02));
    assertTrue(initialized(spec, 7).bitEquals(initialized(spec, 7)));
    assertFalse(initialized(spec, 7).bitEquals(initialized(spec, 8)));
  }

  @Test
  void biasesStartAsTheirInitSaysAndZeroWithout() {
    Parameters p = initialized(network(InitSpec.zeros(), InitSpec.constant(0.25)), 1);
    for (float b : p.get("h.bias").values()) {
      assertEquals(0.25f, b);
    }
    for (float b : p.get("y.bias").values()) {
      assertEquals(0f, b, "a layer without a bias init starts its biases at zero");
    }
    float[] drawn = initialized(network(InitSpec.zeros(), InitSpec.uniform(0.5, 0.75)), 1)
        .get("h.bias").values();
    Sample s = Sample.of(drawn);
    assertTrue(s.min() >= 0.5 && s.max() < 0.75 && s.std() > 0.03,
        "uniform(0.5, 0.75) biases spread over [" + s.min() + ", " + s.max() + "]");
  }

  @Test
  void changingOneLayersInitLeavesTheOthersValues() {
    Parameters a = initialized(network(InitSpec.scaled(Init.XAVIER, FanMode.AUTO, Gain.AUTO),
        InitSpec.zeros()), 3);
    Parameters b = initialized(network(InitSpec.normal(0, 0.3), InitSpec.constant(1)), 3);
    assertArrayEquals(a.get("y.weight").values(), b.get("y.weight").values());
  }

  @Test
  void autoIsHeForTheReluFamilyAndXavierOtherwise() {
    assertEquals(Init.HE, InitSpec.resolve(Init.AUTO, Nonlinearity.RELU));
    assertEquals(Init.HE, InitSpec.resolve(Init.AUTO, Nonlinearity.LEAKY_RELU));
    assertEquals(Init.XAVIER, InitSpec.resolve(Init.AUTO, Nonlinearity.TANH));
    assertEquals(Init.XAVIER, InitSpec.resolve(Init.AUTO, Nonlinearity.SIGMOID));
    assertEquals(Init.XAVIER, InitSpec.resolve(Init.AUTO, Nonlinearity.IDENTITY));
    InitSpec resolved = InitSpec.of(Init.AUTO).resolve(Nonlinearity.TANH);
    assertEquals(FanMode.AVERAGE, resolved.fanMode());
    assertEquals(FanMode.IN, InitSpec.of(Init.AUTO).resolve(Nonlinearity.RELU).fanMode());
  }

  @Test
  void badParametersNameTheArgumentTheValueAndTheFix() {
    var std = assertThrows(IllegalArgumentException.class, () -> InitSpec.normal(0, -0.1));
    assertEquals("std of NORMAL must be > 0, got -0.1; std is the standard deviation (not the "
        + "variance), e.g. 0.01", std.getMessage());
    var bounds = assertThrows(IllegalArgumentException.class, () -> InitSpec.uniform(1, 1));
    assertEquals("low of UNIFORM must be below high, got low = 1.0, high = 1.0",
        bounds.getMessage());
    var scaled = assertThrows(IllegalArgumentException.class,
        () -> InitSpec.scaled(Init.NORMAL, FanMode.AUTO, Gain.AUTO));
    assertTrue(scaled.getMessage().contains("got NORMAL"), scaled.getMessage());
    var nan = assertThrows(IllegalArgumentException.class, () -> InitSpec.constant(Double.NaN));
    assertTrue(nan.getMessage().contains("constant = NaN"), nan.getMessage());
    var fans = assertThrows(IllegalArgumentException.class, () -> Fans.dense(0, 3));
    assertTrue(fans.getMessage().contains("in = 0"), fans.getMessage());
    var size = assertThrows(IllegalArgumentException.class, () -> Draws.fill(new float[5], 2, 3,
        InitSpec.zeros(), Fans.dense(2, 3), Nonlinearity.RELU, 0, new SplittableRandom(1)));
    assertEquals("values must hold rows × cols = 2 × 3 floats, got 5", size.getMessage());
  }

  @Test
  void anOrthogonalBiasIsRefusedWithTheLayersName() {
    NetworkSpec spec = network(InitSpec.zeros(),
        InitSpec.scaled(Init.ORTHOGONAL, FanMode.AUTO, Gain.AUTO));
    var e = assertThrows(IllegalArgumentException.class, () -> initialized(spec, 1));
    assertTrue(e.getMessage().startsWith("biasInit of h must not be ORTHOGONAL"), e.getMessage());
  }

  @Test
  void theConvenienceFactoryKeepsItsMeaning() {
    LayerSpec normal = LayerSpec.dense("d", 4, 3, true, Init.NORMAL, 0.2, Nonlinearity.RELU, 0.01,
        1, DropoutMode.INVERTED);
    assertEquals(InitSpec.normal(0, 0.2), normal.weightInit());
    assertEquals(InitSpec.zeros(), normal.biasInit());
    assertEquals(Init.NORMAL, normal.init());
    assertEquals(0.2, normal.std());
  }
}
