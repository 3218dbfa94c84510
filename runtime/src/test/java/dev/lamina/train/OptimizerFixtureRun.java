package dev.lamina.train;

import static dev.lamina.testing.NumericAssertions.assertClose;

import dev.lamina.nn.Parameter;
import dev.lamina.nn.ParameterKind;
import dev.lamina.nn.Parameters;
import dev.lamina.testing.Fixtures;
import dev.lamina.testing.NumericAssertions.Diff;
import java.util.List;
import java.util.function.Function;

/**
 * Replays one optimizer run of a committed PyTorch fixture (one tensor, its initial values, a
 * gradient per step, the values after each step) and compares Lamina's update after every step.
 */
final class OptimizerFixtureRun {
  private static final double ABS = 1e-6;
  private static final double REL = 1e-5;

  private OptimizerFixtureRun() {}

  /**
   * Checks run {@code name} of fixture {@code fixtureName}, its optimizer built by {@code
   * optimizer}; with {@code parts} > 1 each update is split in parts as the trainer's threads run
   * it.
   */
  static void check(String fixtureName, String name, int parts,
      Function<Fixtures.Node, Optimizer> optimizer) {
    Fixtures.Node fixture = Fixtures.load(fixtureName);
    Fixtures.Node run = fixture.get("optimizers").elements().stream()
        .filter(r -> r.get("name").string().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError(fixtureName + ".json has no run " + name));
    int size = fixture.get("size").intValue();
    Parameter p = new Parameter("w", ParameterKind.WEIGHT, new int[] {size}, size, 1, true);
    System.arraycopy(fixture.floats("initial"), 0, p.values(), 0, size);
    Optimizer built = optimizer.apply(run);
    Optimizer.Stepper stepper = built.start(new Parameters(List.of(p)));
    List<Fixtures.Node> gradients = fixture.get("gradients").elements();
    double worst = 0;
    for (int step = 0; step < gradients.size(); step++) {
      System.arraycopy(gradients.get(step).floats(), 0, p.gradient(), 0, size);
      if (parts == 1) {
        stepper.step();
      } else {
        stepper.begin();
        for (int part = 0; part < parts; part++) {
          stepper.update(part, parts);
        }
      }
      Diff diff = assertClose(built + " in " + parts + " parts after step " + (step + 1),
          run.get("after").at(step).floats(), p.values(), ABS, REL);
      worst = Math.max(worst, diff.maxAbs());
    }
    System.out.printf("%s vs PyTorch over %d steps in %d parts: max |diff| %.3g%n",
        built, gradients.size(), parts, worst);
  }
}
