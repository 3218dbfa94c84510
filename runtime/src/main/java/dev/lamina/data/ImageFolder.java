package dev.lamina.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Images in a folder per class, {@code root/<class>/**.png|jpg|jpeg}, as torchvision's {@code
 * ImageFolder} and Keras's {@code image_dataset_from_directory} read them: classes are the
 * sub-folder names, sorted, label i being the i-th; files are taken in sorted path order (sub-
 * folders included); other files are ignored. Each image becomes {@code channels × height ×
 * width} features, channel-major (C, H, W) as Lamina's image inputs expect, scaled to [0, 1]
 * (as torchvision's {@code ToTensor}); images of another size are resized bilinearly.
 *
 * <pre>{@code
 * ImageFolder.Images images = ImageFolder.builder().grayscale().size(28, 28).build()
 *     .load(Path.of("photos"));
 * Dataset data = images.dataset();           // 784 features per image
 * List<String> names = images.classNames();  // label i is names.get(i)
 * }</pre>
 */
public final class ImageFolder {
  private static final List<String> EXTENSIONS = List.of(".png", ".jpg", ".jpeg");

  private final int channels;
  private final int height;
  private final int width;

  private ImageFolder(Builder b) {
    this.channels = b.channels;
    this.height = b.height;
    this.width = b.width;
  }

  /** {@return a builder for RGB images; {@link Builder#size} must be set} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The images found under {@code root}, with their class names.
   *
   * @param dataset the images as samples ({@code channels × height × width} floats in [0, 1]) with
   *     their class labels
   * @param classNames the class folders' names, sorted; label i is {@code classNames.get(i)}
   * @param files each sample's file, in sample order
   */
  public record Images(Dataset dataset, List<String> classNames, List<Path> files) {
    /** Copies the lists. */
    public Images {
      classNames = List.copyOf(classNames);
      files = List.copyOf(files);
    }
  }

  /**
   * Reads every image under {@code root}'s class folders. Fails, returning nothing, when there
   * are no class folders, a class has no image, or an image cannot be decoded (naming the file).
   *
   * @param root the directory whose subdirectories are the classes
   * @return the images, their class names and files
   * @throws IOException if the folders are not laid out so, or an image cannot be read, naming it
   */
  public Images load(Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      throw new DataFormatException(root, "expected a directory with one sub-folder of images per"
          + " class (root/<class>/*.png), found " + (Files.exists(root) ? "a file" : "nothing"));
    }
    List<Path> classDirs;
    try (Stream<Path> s = Files.list(root)) {
      classDirs = s.filter(Files::isDirectory).sorted().toList();
    }
    if (classDirs.isEmpty()) {
      throw new DataFormatException(root, "expected one sub-folder of images per class"
          + " (root/<class>/*.png), found no sub-folders");
    }
    List<String> names = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    for (Path dir : classDirs) {
      List<Path> images;
      try (Stream<Path> s = Files.walk(dir)) {
        images = s.filter(Files::isRegularFile).filter(ImageFolder::isImage).sorted().toList();
      }
      if (images.isEmpty()) {
        throw new DataFormatException(dir, "the class folder \"" + dir.getFileName() + "\" has"
            + " no images; expected files ending in " + EXTENSIONS + " (remove the folder, or"
            + " add its images)");
      }
      for (Path image : images) {
        files.add(image);
        labels.add(names.size());
      }
      names.add(dir.getFileName().toString());
    }
    int size = channels * height * width;
    float[] x = new float[files.size() * size];
    for (int i = 0; i < files.size(); i++) {
      read(files.get(i), x, i * size);
    }
    int[] y = labels.stream().mapToInt(Integer::intValue).toArray();
    return new Images(Dataset.of(x, y, size, names.size()), names, files);
  }

  /** Decodes one image into {@code out} at {@code offset}: (C, H, W), each value in [0, 1]. */
  private void read(Path file, float[] out, int offset) throws IOException {
    BufferedImage image;
    try {
      image = ImageIO.read(file.toFile());
    } catch (IOException | RuntimeException e) {
      throw new DataFormatException(file, "cannot decode the image (" + e.getMessage() + ");"
          + " expected a PNG or JPEG file", e);
    }
    if (image == null) {
      throw new DataFormatException(file, "cannot decode the image: no PNG or JPEG reader"
          + " recognizes its content");
    }
    float[] pixels = ImagePixels.channels(image, channels);
    ImagePixels.resize(pixels, channels, image.getHeight(), image.getWidth(), out, offset,
        height, width);
  }

  private static boolean isImage(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return EXTENSIONS.stream().anyMatch(name::endsWith);
  }

  /** Settings of an {@link ImageFolder}: grayscale or RGB, and the size images are resized to. */
  public static final class Builder {
    private int channels = 3;
    private int height;
    private int width;

    private Builder() {}

    /**
     * One channel: color images become their luma, 0.299 R + 0.587 G + 0.114 B (as PIL's "L").
     *
     * @return this builder
     */
    public Builder grayscale() {
      this.channels = 1;
      return this;
    }

    /**
     * Three channels, R, G, B (the default); gray images repeat their value in each.
     *
     * @return this builder
     */
    public Builder rgb() {
      this.channels = 3;
      return this;
    }

    /**
     * The size every image is resized to: the model's input height and width.
     *
     * @param height the height in pixels, > 0
     * @param width the width in pixels, > 0
     * @return this builder
     */
    public Builder size(int height, int width) {
      if (height <= 0 || width <= 0) {
        throw new IllegalArgumentException("height and width must be > 0, got " + height + " × "
            + width);
      }
      this.height = height;
      this.width = width;
      return this;
    }

    /**
     * {@return the loader}
     *
     * @throws IllegalStateException if {@link #size} was not set
     */
    public ImageFolder build() {
      if (height == 0) {
        throw new IllegalStateException("size(height, width) is required: the model's input"
            + " size, e.g. size(28, 28)");
      }
      return new ImageFolder(this);
    }
  }
}
