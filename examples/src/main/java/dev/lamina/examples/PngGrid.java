package dev.lamina.examples;

import dev.lamina.report.PngFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A PNG of grey images on a grid, each pixel drawn as a {@code zoom × zoom} square (values in
 * [0, 1] from black to white, clipped), with a gap between cells and a wider one after the first
 * column. Written atomically ({@link PngFiles}).
 */
final class PngGrid {
  private static final int GAP = 2;
  private static final int BACKGROUND = 0x3060A0;

  private final int rows;
  private final int columns;
  private final int height;
  private final int width;
  private final int zoom;
  private final BufferedImage image;

  PngGrid(int rows, int columns, int height, int width, int zoom) {
    this.rows = rows;
    this.columns = columns;
    this.height = height;
    this.width = width;
    this.zoom = zoom;
    image = new BufferedImage(x(columns), y(rows), BufferedImage.TYPE_INT_RGB);
    for (int py = 0; py < image.getHeight(); py++) {
      for (int px = 0; px < image.getWidth(); px++) {
        image.setRGB(px, py, BACKGROUND);
      }
    }
  }

  /** Draws the {@code height × width} grey image at {@code pixels[offset ..]} into a cell. */
  void draw(int row, int column, float[] pixels, int offset) {
    if (row < 0 || row >= rows || column < 0 || column >= columns) {
      throw new IndexOutOfBoundsException("cell (" + row + ", " + column + ") of " + rows + "×" + columns);
    }
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        float v = Math.min(1, Math.max(0, pixels[offset + y * width + x]));
        int g = Math.round(v * 255);
        int rgb = g << 16 | g << 8 | g;
        for (int dy = 0; dy < zoom; dy++) {
          for (int dx = 0; dx < zoom; dx++) {
            image.setRGB(x(column) + x * zoom + dx, y(row) + y * zoom + dy, rgb);
          }
        }
      }
    }
  }

  void write(Path path) throws IOException {
    PngFiles.write(image, path);
  }

  /** The left edge of a column: a gap before each cell, three after the first column. */
  private int x(int column) {
    return GAP + column * (width * zoom + GAP) + (column > 0 ? 3 * GAP : 0);
  }

  private int y(int row) {
    return GAP + row * (height * zoom + GAP);
  }
}
