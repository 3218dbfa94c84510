package dev.lamina.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loads the real files from Debian's dataset-fashion-mnist package; skipped without it. */
class FashionMnistRealDataTest {
  @TempDir Path home;

  @Test
  void loadsTheDebianPackagesFiles() throws IOException {
    Path system = DataSource.SYSTEM_DIRECTORY;
    assumeTrue(DataFiles.missing(system, FashionMnist.FILE_NAMES).isEmpty(),
        () -> "skipped: Fashion-MNIST is not in " + system + " ("
            + DataFiles.status(system, FashionMnist.FILE_NAMES)
            + "); sudo apt-get install dataset-fashion-mnist to run this test");
    DataSource source = DataSource.builder().environment(Map.of()).home(home).noDownload().build();

    long start = System.nanoTime();
    FashionMnist data = FashionMnist.load(source);
    System.out.printf("Fashion-MNIST loaded from %s in %d ms%n",
        data.directory(), (System.nanoTime() - start) / 1_000_000);

    assertEquals(system, data.directory());
    assertBalanced(data.train(), 60_000);
    assertBalanced(data.test(), 10_000);
  }

  /** {@code size} samples, 784 features in [0, 1], each of the 10 classes equally often. */
  private static void assertBalanced(Dataset dataset, int size) {
    assertEquals(size, dataset.size());
    assertEquals(784, dataset.featureSize());
    assertEquals(10, dataset.classes());
    int[] perClass = new int[10];
    for (int label : dataset.labels()) {
      perClass[label]++;
    }
    for (int count : perClass) {
      assertEquals(size / 10, count);
    }
    float min = Float.MAX_VALUE;
    float max = -Float.MAX_VALUE;
    for (float x : dataset.features()) {
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
    assertEquals(0f, min);
    assertEquals(1f, max);
  }
}
