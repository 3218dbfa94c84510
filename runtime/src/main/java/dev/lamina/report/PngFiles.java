package dev.lamina.report;

import dev.lamina.io.AtomicFiles;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Writes images as PNG files, atomically: a reader never sees half a chart. */
public final class PngFiles {
  private PngFiles() {}

  /**
   * Writes {@code image} to {@code file} as a PNG, replacing the file whole ({@link AtomicFiles}).
   *
   * @param image the picture
   * @param file where to write it
   * @throws IOException if the file cannot be written
   */
  public static void write(BufferedImage image, Path file) throws IOException {
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    if (!ImageIO.write(image, "png", png)) {
      throw new IOException("this JDK has no PNG writer for " + file);
    }
    AtomicFiles.write(file, png.toByteArray());
  }
}
