package dev.lamina.processor.model;

import dev.lamina.nn.Shape;

/**
 * A layer's output as shape inference sees it: its number of values per sample and, when it is an
 * image, its (channels, height, width). A dense layer after an image reads it flattened.
 *
 * @param size values per sample (a long, so that an overflowing size can be reported)
 * @param image the output as an image; null when it is flat
 */
public record LayerShape(long size, Shape image) {
  public static LayerShape flat(long size) {
    return new LayerShape(size, null);
  }

  public static LayerShape of(Shape image) {
    return new LayerShape((long) image.channels() * image.height() * image.width(), image);
  }

  public boolean isImage() {
    return image != null;
  }
}
