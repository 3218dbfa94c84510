package dev.lamina.examples;

import dev.lamina.augment.Augmentation;
import dev.lamina.augment.AugmentationSpec;
import dev.lamina.augment.Augmenter;
import dev.lamina.data.Dataset;
import dev.lamina.data.FashionMnist;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bin/lamina augment-preview}: a PNG with one Fashion-MNIST training image per row, the
 * original on the left and beside it the versions augmentation makes of it in the first epochs,
 * so a user can see whether the class survives.
 */
final class AugmentPreviewCommand implements Command {
  @Override
  public String name() {
    return "augment-preview";
  }

  @Override
  public String summary() {
    return "write a PNG of Fashion-MNIST images beside their augmented versions";
  }

  @Override
  public String usage() {
    return FashionAugmentation.usage("fashion") + "\n" + """
          --out FILE      the PNG to write (default augment-preview.png)
          --samples N     images, one per row: the first of each class in turn (default 10)
          --versions N    augmented versions of each, as in epochs 1..N (default 8)
          --zoom N        screen pixels per image pixel (default 3)
          --seed N        augmentation seed (default 42)
          --data DIR      directory holding the Fashion-MNIST files""";
  }

  @Override
  public Map<String, Object> run(Options options, PrintStream out) throws Exception {
    Augmentation augmentation = FashionAugmentation.parse(options.string("--augment", "fashion"));
    Path path = options.path("--out").orElse(Path.of("augment-preview.png"));
    int samples = options.integer("--samples", 10, 1);
    int versions = options.integer("--versions", 8, 1);
    int zoom = options.integer("--zoom", 3, 1);
    long seed = options.longValue("--seed", 42);
    Outputs.checkFile("--out", path);
    FashionMnist data = FashionData.load(options);
    if (augmentation.mixes()) {
      out.println("(mixup blends samples of a batch; the preview shows the per-sample transforms)");
    }

    Dataset train = data.train();
    int[] picks = firstOfEachClass(train, samples);
    System.setProperty("java.awt.headless", "true");
    PngGrid grid = new PngGrid(samples, versions + 1, 28, 28, zoom);
    Augmenter augmenter = new Augmenter(augmentation);
    float[] original = new float[train.featureSize()];
    float[] augmented = new float[train.featureSize()];
    for (int row = 0; row < samples; row++) {
      train.copyFeatures(picks[row], original, 0);
      grid.draw(row, 0, original, 0);
      for (int v = 1; v <= versions; v++) {
        // The version epoch v would train on, if the sample sat at position picks[row].
        augmenter.apply(augmented, 0, original, 0,
            Augmentation.sampleSeed(seed, v, picks[row]));
        grid.draw(row, v, augmented, 0);
      }
    }
    grid.write(path);
    out.printf(Locale.ROOT, "Wrote %s: %d images (rows) × original + %d augmented versions%n"
        + "augmentation: %s%n", path, samples, versions, augmentation);

    Map<String, Object> json = new LinkedHashMap<>();
    json.put("path", path.toAbsolutePath().toString());
    json.put("samples", samples);
    json.put("versions", versions);
    json.put("augmentation", AugmentationSpec.of(augmentation));
    return json;
  }

  /** Indices of the first training images of classes 0, 1, 2, ... in turn, {@code n} in all. */
  static int[] firstOfEachClass(Dataset data, int n) {
    int[] picks = new int[n];
    int[] seen = new int[data.classes()];
    for (int row = 0; row < n; row++) {
      int wanted = row % data.classes();
      int skip = seen[wanted]++;
      int found = -1;
      for (int i = 0; i < data.size() && found < 0; i++) {
        if (data.label(i) == wanted && skip-- == 0) {
          found = i;
        }
      }
      if (found < 0) {
        throw new Options.UsageException("--samples " + n + " asks for more images of class "
            + wanted + " than the data has");
      }
      picks[row] = found;
    }
    return picks;
  }
}
