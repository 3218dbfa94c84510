package dev.lamina.report;

import dev.lamina.metrics.ConfusionMatrix;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * A confusion matrix as an image: one cell per (true, predicted) pair holding its count, shaded
 * by the share of the true class's samples it holds (white 0, dark blue 1), so a good classifier
 * shows a dark diagonal whatever the class sizes. Rows are true classes, columns predictions.
 */
public final class ConfusionMatrixChart {
  /** Where the grid starts and how big a cell is, in pixels; tests read cells from these. */
  static final int LEFT = 130;
  static final int TOP = 70;
  static final int CELL = 44;
  private static final Color DARK = new Color(0x08306b);

  private ConfusionMatrixChart() {}

  /**
   * The chart of {@code matrix}, with {@code classNames} (one per class) on both axes.
   *
   * @param title the text above the chart
   * @param matrix the counts drawn, one cell per (true, predicted) pair
   * @param classNames one name per class, in class order
   * @return the picture, to write with {@link PngFiles#write}
   */
  public static BufferedImage draw(String title, ConfusionMatrix matrix, List<String> classNames) {
    int k = matrix.classes();
    if (classNames.size() != k) {
      throw new IllegalArgumentException("classNames must have one name per class, " + k
          + ", got " + classNames.size());
    }
    BufferedImage image = new BufferedImage(LEFT + k * CELL + 20, TOP + k * CELL + 40,
        BufferedImage.TYPE_INT_RGB);
    Graphics2D g = ChartCanvas.start(image, false);
    try {
      ChartCanvas.title(g, title, 10);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
      g.drawString("predicted →", LEFT, TOP - 24);
      g.drawString("true ↓", 10, TOP - 8);
      long[][] counts = matrix.counts();
      for (int t = 0; t < k; t++) {
        long rowTotal = 0;
        for (long c : counts[t]) {
          rowTotal += c;
        }
        drawLabel(g, classNames.get(t), 10, TOP + t * CELL + CELL / 2 + 4, LEFT - 16);
        for (int p = 0; p < k; p++) {
          double share = rowTotal == 0 ? 0 : (double) counts[t][p] / rowTotal;
          Color fill = shade(share);
          int x = LEFT + p * CELL;
          int y = TOP + t * CELL;
          g.setColor(fill);
          g.fillRect(x, y, CELL, CELL);
          g.setColor(ChartCanvas.GRID);
          g.drawRect(x, y, CELL, CELL);
          g.setColor(share > 0.5 ? Color.WHITE : Color.BLACK);
          String text = Long.toString(counts[t][p]);
          FontMetrics m = g.getFontMetrics();
          g.drawString(text, x + (CELL - m.stringWidth(text)) / 2, y + CELL / 2 + 4);
        }
      }
      g.setColor(Color.BLACK);
      for (int p = 0; p < k; p++) {
        drawLabel(g, classNames.get(p), LEFT + p * CELL + 2, TOP - 6, CELL - 4);
      }
    } finally {
      g.dispose();
    }
    return image;
  }

  /** White at share 0 to dark blue at share 1, linearly in each channel. */
  static Color shade(double share) {
    double s = Math.max(0, Math.min(1, share));
    return new Color(
        (int) Math.round(255 + (DARK.getRed() - 255) * s),
        (int) Math.round(255 + (DARK.getGreen() - 255) * s),
        (int) Math.round(255 + (DARK.getBlue() - 255) * s));
  }

  /** {@code text} at (x, y), shortened with an ellipsis to fit {@code width} pixels. */
  private static void drawLabel(Graphics2D g, String text, int x, int y, int width) {
    g.setColor(Color.BLACK);
    FontMetrics m = g.getFontMetrics();
    String shown = text;
    while (shown.length() > 1 && m.stringWidth(shown + "…") > width && m.stringWidth(shown) > width) {
      shown = shown.substring(0, shown.length() - 1);
    }
    g.drawString(shown.equals(text) ? text : shown + "…", x, y);
  }
}
