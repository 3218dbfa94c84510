package dev.lamina.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** What every chart starts with: a white image drawn off screen, and a title in the same style. */
final class ChartCanvas {
  /** The light grey of grid lines. */
  static final Color GRID = new Color(0xe6e6e6);

  private ChartCanvas() {}

  /**
   * A graphics on {@code image}, painted white, with smooth text and, when {@code smoothShapes},
   * smooth lines; the caller disposes of it.
   */
  static Graphics2D start(BufferedImage image, boolean smoothShapes) {
    Graphics2D g = image.createGraphics();
    if (smoothShapes) {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    }
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, image.getWidth(), image.getHeight());
    return g;
  }

  /** The chart's title, bold, at the top left from {@code x}; leaves the bold font set. */
  static void title(Graphics2D g, String title, int x) {
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    g.drawString(title, x, 22);
  }
}
