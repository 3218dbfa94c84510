package dev.lamina.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Fashion-MNIST: 60,000 training and 10,000 test images of clothing, 28 × 28 grey pixels each,
 * in 10 classes. Pixels are scaled to [0, 1] and flattened row by row into 784 features.
 */
public final class FashionMnist {
  /** The class names, indexed by label. */
  public static final String[] CLASS_NAMES = {
    "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
    "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"
  };

  /** The training images' file name (a {@code .gz} suffix is also found). */
  public static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
  /** The training labels' file name. */
  public static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
  /** The test images' file name (a {@code .gz} suffix is also found). */
  public static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
  /** The test labels' file name. */
  public static final String TEST_LABELS = "t10k-labels-idx1-ubyte";

  /** The four files, each of which may also be gzipped with ".gz" added to its name. */
  public static final List<String> FILE_NAMES =
      List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS);

  /** An image's height in pixels. */
  public static final int ROWS = 28;
  /** An image's width in pixels. */
  public static final int COLUMNS = 28;
  /** Values per sample: 784. */
  public static final int FEATURES = ROWS * COLUMNS;
  /**
   * The number of classes: T-shirt/top, trouser, pullover, dress, coat, sandal, shirt, sneaker,
   * bag, ankle boot.
   */
  public static final int CLASSES = 10;

  /** {@code SCALE[b]} is pixel value b as a feature: b / 255. */
  private static final float[] SCALE = new float[256];

  static {
    for (int b = 0; b < 256; b++) {
      SCALE[b] = b / 255f;
    }
  }

  private final Path directory;
  private final Dataset train;
  private final Dataset test;

  private FashionMnist(Path directory, Dataset train, Dataset test) {
    this.directory = directory;
    this.train = train;
    this.test = test;
  }

  /**
   * Finds the files as {@code source} says (downloading them if it must) and loads them.
   *
   * @param source where to look, and whether to download
   * @return the training and test sets
   * @throws DatasetNotFoundException if the files are nowhere and cannot be downloaded
   * @throws IOException if a file cannot be read or is malformed
   */
  public static FashionMnist load(DataSource source) throws IOException {
    return load(source.locate());
  }

  /**
   * Loads the four files from exactly {@code directory}.
   *
   * @param directory the directory that holds the four files, plain or gzipped
   * @return the training and test sets
   * @throws IOException if a file is missing, cannot be read or is malformed
   */
  public static FashionMnist load(Path directory) throws IOException {
    return new FashionMnist(
        directory,
        read(file(directory, TRAIN_IMAGES), file(directory, TRAIN_LABELS)),
        read(file(directory, TEST_IMAGES), file(directory, TEST_LABELS)));
  }

  /**
   * The directory the files were loaded from.
   *
   * @return the directory
   */
  public Path directory() {
    return directory;
  }

  /**
   * The training set (60,000 samples in the official files).
   *
   * @return the samples: 784 pixel values in [0, 1] (byte / 255) and a class in [0, 10)
   */
  public Dataset train() {
    return train;
  }

  /**
   * The test set (10,000 samples in the official files).
   *
   * @return the samples, as {@link #train()}'s
   */
  public Dataset test() {
    return test;
  }

  private static Path file(Path directory, String name) throws DatasetNotFoundException {
    return DataFiles.find(directory, name).orElseThrow(() -> new DatasetNotFoundException(
        directory + " has neither " + name + " nor " + name + ".gz"));
  }

  private static Dataset read(Path imagesFile, Path labelsFile) throws IOException {
    Idx.Images images = Idx.readImages(imagesFile);
    if (images.rows() != ROWS || images.columns() != COLUMNS) {
      throw new IdxFormatException(imagesFile, "expected Fashion-MNIST's " + ROWS + " × "
          + COLUMNS + " images, found " + images.rows() + " × " + images.columns());
    }
    int[] labels = Idx.readLabels(labelsFile);
    if (labels.length != images.count()) {
      throw new IdxFormatException(labelsFile, "has " + labels.length + " labels but "
          + imagesFile + " has " + images.count() + " images; the two files must have one"
          + " label per image (are they from different data sets?)");
    }
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] >= CLASSES) {
        throw new IdxFormatException(labelsFile, "label " + i + " is " + labels[i]
            + ", expected 0.." + (CLASSES - 1));
      }
    }
    byte[] pixels = images.pixels();
    float[] features = new float[pixels.length];
    for (int i = 0; i < pixels.length; i++) {
      features[i] = SCALE[pixels[i] & 0xFF];
    }
    return Dataset.of(features, labels, FEATURES, CLASSES);
  }
}
