package dev.lamina.train;

import static dev.lamina.testing.NumericAssertions.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lamina.nn.Parameter;
import dev.lamina.nn.ParameterKind;
import dev.lamina.nn.Parameters;
import dev.lamina.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Clipping by global norm and by value against {@code torch.nn.utils.clip_grad_norm_} and {@code
 * clip_grad_value_} on three gradients (committed fixture, scripts/training_fixtures.py): a limit
 * that clips, one that does not, and the same in parts, as the trainer's threads run it.
 */
class GradientClippingPyTorchTest {
  private static final double ABS = 1e-7;
  private static final double REL = 1e-6;

  @Test
  void clippingMatchesPyTorch() {
    Fixtures.Node fixture = Fixtures.load("clipping");
    List<Fixtures.Node> gradients = fixture.get("gradients").elements();
    for (Fixtures.Node c : fixture.get("cases").elements()) {
      double limit = c.get("limit").doubleValue();
      GradientClipping clipping = c.get("kind").string().equals("norm")
          ? GradientClipping.byNorm(limit) : GradientClipping.byValue(limit);
      for (int parts : new int[] {1, 4}) {
        Parameters parameters = parameters(gradients);
        float scale = clipping.scale(parameters);
        for (int part = 0; part < parts; part++) {
          clipping.clip(parameters, scale, part, parts);
        }
        for (int i = 0; i < gradients.size(); i++) {
          assertClose(clipping + " gradient " + i + " in " + parts + " parts",
              c.get("after").at(i).floats(), parameters.list().get(i).gradient(), ABS, REL);
        }
      }
    }
  }

  @Test
  void theNormIsPyTorchsTotalNorm() {
    Fixtures.Node fixture = Fixtures.load("clipping");
    Parameters parameters = parameters(fixture.get("gradients").elements());
    double norm = fixture.get("norm").doubleValue();
    // maxNorm / (norm + 1e-6) recovers the norm the scale was taken from
    float scale = GradientClipping.byNorm(1).scale(parameters);
    assertClose("global norm", norm, 1 / (double) scale - 1e-6, 1e-5, 1e-6);
    assertEquals(1f, GradientClipping.byNorm(norm * 2).scale(parameters), "no clipping below");
  }

  private static Parameters parameters(List<Fixtures.Node> gradients) {
    List<Parameter> list = new ArrayList<>();
    for (int i = 0; i < gradients.size(); i++) {
      float[] g = gradients.get(i).floats();
      Parameter p = new Parameter("p" + i, ParameterKind.WEIGHT, new int[] {g.length}, g.length,
          1, true);
      System.arraycopy(g, 0, p.gradient(), 0, g.length);
      list.add(p);
    }
    return new Parameters(list);
  }
}
