package dev.lamina.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderTest {
  @TempDir Path root;

  /** 300 Fashion-MNIST test images written as PNGs, one folder per class, read back exactly. */
  @Test
  void fashionMnistWrittenAsPngsReadsBackTheSamePixelsAndLabels() throws IOException {
    Path images = DataSource.SYSTEM_DIRECTORY.resolve("t10k-images-idx3-ubyte.gz");
    Path labelsFile = DataSource.SYSTEM_DIRECTORY.resolve("t10k-labels-idx1-ubyte.gz");
    assumeTrue(Files.exists(images) && Files.exists(labelsFile), "skipped: Fashion-MNIST is not"
        + " in " + DataSource.SYSTEM_DIRECTORY + "; apt-get install dataset-fashion-mnist");
    Idx.Images idx = Idx.readImages(images);
    int[] labels = Idx.readLabels(labelsFile);
    int count = 300;
    List<String> classes = new ArrayList<>();
    for (int c = 0; c < 10; c++) {
      // "0-T-shirt-top" ... "9-Ankle boot": sorted names keep the label order
      classes.add(c + "-" + FashionMnist.CLASS_NAMES[c].replace('/', '-'));
    }
    for (int i = 0; i < count; i++) {
      BufferedImage png = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
      png.getRaster().setDataElements(0, 0, 28, 28,
          java.util.Arrays.copyOfRange(idx.pixels(), i * 784, (i + 1) * 784));
      Path dir = Files.createDirectories(root.resolve(classes.get(labels[i])));
      ImageIO.write(png, "png", dir.resolve(String.format("%05d.png", i)).toFile());
    }

    ImageFolder.Images read = ImageFolder.builder().grayscale().size(28, 28).build().load(root);

    assertEquals(classes, read.classNames());
    Dataset data = read.dataset();
    assertEquals(count, data.size());
    assertEquals(784, data.featureSize());
    float[] x = new float[784];
    for (int s = 0; s < count; s++) {
      // files are in class-folder order, then by name: find each one's source index
      String name = read.files().get(s).getFileName().toString();
      int i = Integer.parseInt(name.substring(0, 5));
      assertEquals(labels[i], data.label(s), name);
      data.copyFeatures(s, x, 0);
      for (int p = 0; p < 784; p++) {
        assertEquals((idx.pixels()[i * 784 + p] & 0xFF) / 255f, x[p], name + " pixel " + p);
      }
    }
  }

  @Test
  void colorImagesGiveChannelMajorRgbOrTheirLuma() throws IOException {
    BufferedImage image = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
    image.setRGB(0, 0, 0xFF0000);
    image.setRGB(1, 0, 0x3366CC);
    Path dir = Files.createDirectories(root.resolve("only"));
    ImageIO.write(image, "png", dir.resolve("a.png").toFile());
    Files.writeString(dir.resolve("notes.txt"), "not an image: ignored");

    Dataset rgb = ImageFolder.builder().size(1, 2).build().load(root).dataset();
    Dataset gray = ImageFolder.builder().grayscale().size(1, 2).build().load(root).dataset();

    assertArrayEquals(new float[] {1, 0x33 / 255f, 0, 0x66 / 255f, 0, 0xCC / 255f},
        rgb.features());
    assertArrayEquals(new float[] {0.299f, (float) ((0.299 * 0x33 + 0.587 * 0x66
        + 0.114 * 0xCC) / 255)}, gray.features(), 1e-6f);
  }

  @Test
  void imagesOfAnotherSizeAreResizedBilinearly() throws IOException {
    BufferedImage image = new BufferedImage(2, 2, BufferedImage.TYPE_BYTE_GRAY);
    image.getRaster().setPixels(0, 0, 2, 2, new int[] {0, 255, 255, 0});
    Path dir = Files.createDirectories(root.resolve("c"));
    ImageIO.write(image, "png", dir.resolve("a.png").toFile());

    float[] x = ImageFolder.builder().grayscale().size(4, 4).build().load(root).dataset()
        .features();

    // align_corners=False: output pixel centers at 0.5, 1.5, ... map to -0.25, 0.25, 0.75, 1.25
    // (clamped), so the weights of the right column are 0, 0.25, 0.75, 1
    float[] w = {0, 0.25f, 0.75f, 1};
    for (int y = 0; y < 4; y++) {
      for (int xx = 0; xx < 4; xx++) {
        float expected = (1 - w[y]) * w[xx] + w[y] * (1 - w[xx]);
        assertEquals(expected, x[y * 4 + xx], 1e-6f, "pixel " + y + ", " + xx);
      }
    }
  }

  @Test
  void badFoldersAndFilesAreNamed() throws IOException {
    ImageFolder folder = ImageFolder.builder().size(8, 8).build();
    DataFormatException none = assertThrows(DataFormatException.class, () -> folder.load(root));
    assertTrue(none.getMessage().contains("found no sub-folders"), none.getMessage());

    Path empty = Files.createDirectories(root.resolve("cats"));
    DataFormatException noImages = assertThrows(DataFormatException.class,
        () -> folder.load(root));
    assertTrue(noImages.getMessage().startsWith(empty + ": the class folder \"cats\" has no"
        + " images"), noImages.getMessage());

    Path broken = Files.writeString(empty.resolve("broken.png"), "not a png");
    DataFormatException bad = assertThrows(DataFormatException.class, () -> folder.load(root));
    assertTrue(bad.getMessage().startsWith(broken + ": cannot decode the image"),
        bad.getMessage());
  }
}
