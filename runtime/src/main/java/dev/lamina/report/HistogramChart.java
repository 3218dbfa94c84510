package dev.lamina.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

/**
 * Histograms side by side: one row of labeled panels (e.g. the activations of every layer of a
 * network), or a grid of such rows in small, unlabeled form for an overview. Each panel's bars
 * are scaled to its own tallest bin, so it shows the distribution's shape; values outside the
 * panel's range are drawn as a red bar beyond its edge with their share written beside it.
 * Runs headless ({@code -Djava.awt.headless=true}).
 */
public final class HistogramChart {
  private static final Color BAR = new Color(0x1f77b4);
  private static final Color OUTSIDE = new Color(0xd62728);
  private static final Color AXIS = new Color(0x999999);
  private static final Color NOTE = new Color(0x555555);
  private static final int MARGIN = 16;

  /**
   * One panel: a title above ("layer 3"), a note below ("std 0.21"; a newline starts a second line), and the histogram.
   *
   * @param title the text above the panel
   * @param note the text below it, one or two lines; empty for none
   * @param histogram the bars drawn
   */
  public record Panel(String title, String note, Histogram histogram) {}

  private HistogramChart() {}

  /**
   * One titled row of labeled panels, each {@code panelWidth × panelHeight} pixels of bars.
   *
   * @param title the text above the row
   * @param panels the panels, left to right
   * @param panelWidth each panel's width in pixels
   * @param panelHeight each panel's height in pixels
   * @return the picture
   */
  public static BufferedImage row(String title, List<Panel> panels, int panelWidth,
      int panelHeight) {
    int gap = 18;
    int width = 2 * MARGIN + panels.size() * (panelWidth + gap) - gap;
    int height = 34 + 16 + panelHeight + 48;
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = ChartCanvas.start(image, false);
    try {
      ChartCanvas.title(g, title, MARGIN);
      g.setFont(g.getFont().deriveFont(Font.PLAIN, 11f));
      for (int i = 0; i < panels.size(); i++) {
        Panel p = panels.get(i);
        int x = MARGIN + i * (panelWidth + gap);
        int y = 34 + 16;
        g.setColor(Color.BLACK);
        centered(g, p.title(), x + panelWidth / 2, y - 5);
        bars(g, p.histogram(), x, y, panelWidth, panelHeight, true);
        g.setColor(NOTE);
        String[] lines = p.note().split("\n");
        for (int k = 0; k < lines.length; k++) {
          centered(g, lines[k], x + panelWidth / 2, y + panelHeight + 27 + 13 * k);
        }
      }
    } finally {
      g.dispose();
    }
    return image;
  }

  /**
   * A titled grid: {@code cells.get(r).get(c)} is the row of panels drawn small in row r, column
   * c, under the column's name and beside the row's; each cell's caption goes below it.
   *
   * @param title the text above the grid
   * @param rowNames one name per row, drawn at its left
   * @param columnNames one name per column, drawn above it
   * @param cells per row, per column, the panels of that cell
   * @param captions per row, per column, the text below that cell
   * @param panelWidth each panel's width in pixels
   * @param panelHeight each panel's height in pixels
   * @return the picture
   */
  public static BufferedImage grid(String title, List<String> rowNames, List<String> columnNames,
      List<List<List<Panel>>> cells, List<List<String>> captions, int panelWidth,
      int panelHeight) {
    int panels = cells.get(0).get(0).size();
    int gap = 3;
    int cellWidth = panels * (panelWidth + gap) - gap;
    int cellGap = 22;
    int left = 70;
    int top = 56;
    int cellHeight = panelHeight + 34;
    int width = left + columnNames.size() * (cellWidth + cellGap) - cellGap + MARGIN;
    int height = top + rowNames.size() * cellHeight + MARGIN;
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = ChartCanvas.start(image, false);
    try {
      ChartCanvas.title(g, title, MARGIN);
      g.setFont(g.getFont().deriveFont(Font.BOLD, 12f));
      for (int c = 0; c < columnNames.size(); c++) {
        centered(g, columnNames.get(c), left + c * (cellWidth + cellGap) + cellWidth / 2, top - 10);
      }
      for (int r = 0; r < rowNames.size(); r++) {
        int y = top + r * cellHeight;
        g.setFont(g.getFont().deriveFont(Font.BOLD, 12f));
        g.setColor(Color.BLACK);
        g.drawString(rowNames.get(r), MARGIN, y + panelHeight / 2 + 4);
        g.setFont(g.getFont().deriveFont(Font.PLAIN, 10f));
        for (int c = 0; c < columnNames.size(); c++) {
          int x = left + c * (cellWidth + cellGap);
          List<Panel> row = cells.get(r).get(c);
          for (int i = 0; i < row.size(); i++) {
            bars(g, row.get(i).histogram(), x + i * (panelWidth + gap), y, panelWidth,
                panelHeight, false);
          }
          g.setColor(NOTE);
          centered(g, captions.get(r).get(c), x + cellWidth / 2, y + panelHeight + 14);
        }
      }
    } finally {
      g.dispose();
    }
    return image;
  }

  /** The bars of one histogram in the box (x, y, w, h), with range labels when {@code labeled}. */
  private static void bars(Graphics2D g, Histogram h, int x, int y, int w, int hgt,
      boolean labeled) {
    g.setColor(AXIS);
    g.setStroke(new BasicStroke(1));
    g.drawLine(x, y + hgt, x + w - 1, y + hgt);
    long total = Math.max(1, h.total());
    long peak = Math.max(1, Math.max(h.peak(), Math.max(h.below(), h.above())));
    g.setColor(BAR);
    for (int b = 0; b < h.bins(); b++) {
      int x0 = x + b * w / h.bins();
      int x1 = x + (b + 1) * w / h.bins();
      int bar = (int) Math.round((double) h.count(b) / peak * hgt);
      if (h.count(b) > 0) {
        bar = Math.max(bar, 1);
      }
      g.fillRect(x0, y + hgt - bar, Math.max(1, x1 - x0 - (w / h.bins() > 3 ? 1 : 0)), bar);
    }
    outside(g, h.below(), peak, total, x - 4, y, hgt, labeled, true);
    outside(g, h.above(), peak, total, x + w + 1, y, hgt, labeled, false);
    if (labeled) {
      g.setColor(NOTE);
      String lo = number(h.lo());
      String hi = number(h.hi());
      g.drawString(lo, x, y + hgt + 13);
      g.drawString(hi, x + w - g.getFontMetrics().stringWidth(hi), y + hgt + 13);
    }
  }

  /** A red bar just outside the panel for values beyond its range, and their share. */
  private static void outside(Graphics2D g, long count, long peak, long total, int x, int y,
      int hgt, boolean labeled, boolean left) {
    if (count == 0) {
      return;
    }
    int bar = Math.max(1, (int) Math.round((double) count / peak * hgt));
    g.setColor(OUTSIDE);
    g.fillRect(x, y + hgt - bar, 3, bar);
    if (labeled) {
      // Inside the panel's top corner on the bar's side, clear of the title above.
      String share = percent((double) count / total) + (left ? " below" : " above");
      FontMetrics m = g.getFontMetrics();
      int tx = left ? x + 6 : x - 3 - m.stringWidth(share);
      g.drawString(share, tx, y + m.getAscent());
    }
  }

  private static void centered(Graphics2D g, String s, int cx, int baseline) {
    g.drawString(s, cx - g.getFontMetrics().stringWidth(s) / 2, baseline);
  }

  static String number(double v) {
    return v == Math.rint(v) ? String.format(Locale.ROOT, "%d", (long) v)
        : String.format(Locale.ROOT, "%.2g", v);
  }

  static String percent(double f) {
    return f >= 0.995 ? "100%" : f >= 0.1 ? String.format(Locale.ROOT, "%.0f%%", 100 * f)
        : f >= 0.001 ? String.format(Locale.ROOT, "%.1f%%", 100 * f) : "<0.1%";
  }
}
