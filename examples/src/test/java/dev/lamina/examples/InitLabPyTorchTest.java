package dev.lamina.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.testing.Fixtures;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The lab's numbers against PyTorch running the same experiment ({@code
 * scripts/init_lab_pytorch.py --fixture}). The random numbers differ, so the comparison is in
 * distribution: for each activation, initializer and layer, the mean over {@link #SEEDS} Lamina
 * seeds of log10(std), mean/std and the saturated fraction must lie within {@link #Z} standard
 * errors of PyTorch's mean over its seeds, the standard error built from PyTorch's seed-to-seed
 * spread.
 */
class InitLabPyTorchTest {
  private static final int SEEDS = 3;
  private static final double Z = 4;
  /** Spreads below these are floored: a fraction that is always 0 still varies by a hair. */
  private static final double[] FLOORS = {0.002, 0.01, 0.002};
  private static final String[] STATS = {"log10_std", "mean_over_std", "saturated_frac"};

  @Test
  void everyLayerOfEveryPairAgreesWithPyTorch() {
    Fixtures.Node fixture = Fixtures.load("init_lab");
    int torchSeeds = fixture.get("seeds").intValue();
    double[][][] sums = new double[InitLab.PAIRS.size()][InitLab.DEPTH][3];
    for (long seed = 1; seed <= SEEDS; seed++) {
      List<InitLab.Run> runs = InitLab.run(seed);
      for (int p = 0; p < runs.size(); p++) {
        for (InitLab.LayerStats s : runs.get(p).layers()) {
          double[] f = {Math.log10(s.std()), s.mean() / s.std(), s.saturatedFraction()};
          for (int k = 0; k < 3; k++) {
            sums[p][s.layer() - 1][k] += f[k] / SEEDS;
          }
        }
      }
    }
    double worst = 0;
    String worstRow = "";
    int compared = 0;
    for (Fixtures.Node row : fixture.get("rows").elements()) {
      int p = pairIndex(row.get("activation").string(), row.get("init").string());
      int layer = row.get("layer").intValue();
      for (int k = 0; k < 3; k++) {
        double torchMean = row.get(STATS[k]).get("mean").doubleValue();
        double sd = Math.max(FLOORS[k], row.get(STATS[k]).get("sd").doubleValue());
        double se = sd * Math.sqrt(1.0 / SEEDS + 1.0 / torchSeeds);
        double z = Math.abs(sums[p][layer - 1][k] - torchMean) / se;
        compared++;
        if (z > worst) {
          worst = z;
          worstRow = String.format(Locale.ROOT, "%s/%s layer %d %s: Lamina %.5g, PyTorch %.5g "
              + "(sd %.3g)", row.get("activation").string(), row.get("init").string(), layer,
              STATS[k], sums[p][layer - 1][k], torchMean, sd);
        }
      }
    }
    System.out.printf(Locale.ROOT, "init lab vs PyTorch: %d comparisons, largest z %.2f (limit "
        + "%.1f) at %s%n", compared, worst, Z, worstRow);
    assertTrue(compared == 360, "the fixture must hold 120 rows of 3 statistics, got " + compared);
    assertTrue(worst <= Z, String.format(Locale.ROOT, "largest z %.2f > %.1f at %s", worst, Z,
        worstRow));
  }

  private static int pairIndex(String activation, String init) {
    for (int p = 0; p < InitLab.PAIRS.size(); p++) {
      InitLab.Pair pair = InitLab.PAIRS.get(p);
      if (pair.activationName().equals(activation) && pair.init().equals(init)) {
        return p;
      }
    }
    throw new IllegalArgumentException("the lab has no pair " + activation + "/" + init);
  }
}
