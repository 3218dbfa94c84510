package dev.lamina.data;

import static dev.lamina.data.IdxFiles.gzip;
import static dev.lamina.data.IdxFiles.images;
import static dev.lamina.data.IdxFiles.labels;
import static dev.lamina.data.IdxFiles.write;
import static dev.lamina.data.IdxTest.assertContains;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FashionMnistTest {
  @TempDir Path dir;

  @Test
  void loadsPlainAndGzippedFilesAsScaledFeatures() throws IOException {
    byte[] pixels = new byte[2 * 784];
    pixels[0] = (byte) 255;
    pixels[1] = 51;
    pixels[784 + 783] = (byte) 128;
    write(dir.resolve(FashionMnist.TRAIN_IMAGES), images(2, 28, 28, pixels));
    write(dir.resolve(FashionMnist.TRAIN_LABELS + ".gz"), gzip(labels(9, 0)));
    write(dir.resolve(FashionMnist.TEST_IMAGES + ".gz"), gzip(images(1, 28, 28, new byte[784])));
    write(dir.resolve(FashionMnist.TEST_LABELS), labels(3));

    FashionMnist data = FashionMnist.load(dir);

    Dataset train = data.train();
    assertEquals(dir, data.directory());
    assertEquals(2, train.size());
    assertEquals(784, train.featureSize());
    assertEquals(10, train.classes());
    assertArrayEquals(new int[] {9, 0}, train.labels());
    float[] features = train.features();
    assertEquals(1f, features[0]);
    assertEquals(0.2f, features[1]);
    assertEquals(0f, features[2]);
    assertEquals(128 / 255f, features[784 + 783]);
    assertEquals(1, data.test().size());
    assertEquals(3, data.test().label(0));
  }

  @Test
  void imageAndLabelCountsMustAgree() throws IOException {
    IdxFiles.writeFashionMnist(dir, 5, 3);
    Path labelsFile =
        write(dir.resolve(FashionMnist.TRAIN_LABELS + ".gz"), gzip(labels(1, 2, 3, 4)));

    String message =
        assertThrows(IdxFormatException.class, () -> FashionMnist.load(dir)).getMessage();

    assertContains(message, labelsFile.toString(), "has 4 labels but",
        dir.resolve(FashionMnist.TRAIN_IMAGES + ".gz") + " has 5 images");
  }

  @Test
  void imagesMustBe28By28() throws IOException {
    IdxFiles.writeFashionMnist(dir, 5, 3);
    Path imagesFile = write(dir.resolve(FashionMnist.TEST_IMAGES + ".gz"),
        gzip(images(3, 32, 32, new byte[3 * 32 * 32])));

    assertContains(assertThrows(IdxFormatException.class, () -> FashionMnist.load(dir))
        .getMessage(), imagesFile.toString(), "expected Fashion-MNIST's 28 × 28 images, found"
        + " 32 × 32");
  }

  @Test
  void labelsMustBeBelow10() throws IOException {
    IdxFiles.writeFashionMnist(dir, 5, 3);
    Path labelsFile = write(dir.resolve(FashionMnist.TEST_LABELS + ".gz"), gzip(labels(0, 1, 10)));

    assertContains(assertThrows(IdxFormatException.class, () -> FashionMnist.load(dir))
        .getMessage(), labelsFile.toString(), "label 2 is 10, expected 0..9");
  }

  @Test
  void missingFileIsNamed() throws IOException {
    write(dir.resolve(FashionMnist.TRAIN_IMAGES), IdxFiles.randomImages(1, 1));

    assertContains(assertThrows(DatasetNotFoundException.class, () -> FashionMnist.load(dir))
        .getMessage(), dir + " has neither train-labels-idx1-ubyte nor"
        + " train-labels-idx1-ubyte.gz");
  }

  @Test
  void classNames() {
    assertArrayEquals(new String[] {"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
        "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"}, FashionMnist.CLASS_NAMES);
  }
}
