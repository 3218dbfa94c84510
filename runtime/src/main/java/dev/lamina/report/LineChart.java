package dev.lamina.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Several named series of (x, y) points on one set of axes, as a PNG: for comparing runs, such as
 * the validation accuracy per epoch of a lab's configurations. Drawn off screen with java.awt.
 *
 * <pre>{@code
 * LineChart.titled("Validation accuracy").axes("epoch", "accuracy", true)
 *     .series("with BN", epochs, accuracies).write(path, 800, 480);
 * }</pre>
 */
public final class LineChart {
  private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xff7f0e),
      new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b),
      new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf)};
  private static final int LEFT = 64;
  private static final int TOP = 40;
  private static final int LEGEND = 230;

  private record Series(String name, double[] x, double[] y) {}

  private final String title;
  private final List<Series> series = new ArrayList<>();
  private String xLabel = "";
  private String yLabel = "";
  private boolean integerX = true;

  private LineChart(String title) {
    this.title = title;
  }

  /**
   * {@return an empty chart with {@code title} above it}
   *
   * @param title the title
   */
  public static LineChart titled(String title) {
    return new LineChart(title);
  }

  /**
   * Axis labels; x values are drawn as whole numbers unless {@code integerX} is false.
   *
   * @param xLabel the label under the x axis
   * @param yLabel the label beside the y axis
   * @param integerX true to label x ticks as whole numbers (epochs, trials)
   * @return this chart
   */
  public LineChart axes(String xLabel, String yLabel, boolean integerX) {
    this.xLabel = xLabel;
    this.yLabel = yLabel;
    this.integerX = integerX;
    return this;
  }

  /**
   * Adds a line, drawn in the next colour and named in the legend.
   *
   * @param name the legend's text for it
   * @param x the x values, as many as {@code y} (copied)
   * @param y the y values (copied)
   * @return this chart
   * @throws IllegalArgumentException if the arrays differ in length or are empty
   */
  public LineChart series(String name, double[] x, double[] y) {
    if (x.length != y.length || x.length == 0) {
      throw new IllegalArgumentException("series " + name + " needs as many x as y values, and at"
          + " least one; got " + x.length + " and " + y.length);
    }
    series.add(new Series(name, x.clone(), y.clone()));
    return this;
  }

  /**
   * Draws the chart.
   *
   * @param width the width in pixels, at least 394 (the axes and the legend take room)
   * @param height the height in pixels, at least 180
   * @return the picture
   * @throws IllegalArgumentException if the size is smaller
   * @throws IllegalStateException if no series was added
   */
  public BufferedImage render(int width, int height) {
    if (width < LEFT + LEGEND + 100 || height < TOP + 140) {
      throw new IllegalArgumentException("size must be at least " + (LEFT + LEGEND + 100) + " × "
          + (TOP + 140) + " pixels (the axes and the legend take room), got " + width + " × "
          + height);
    }
    if (series.isEmpty()) {
      throw new IllegalStateException("a chart needs at least one series");
    }
    double xLo = Double.POSITIVE_INFINITY, xHi = Double.NEGATIVE_INFINITY;
    double yLo = Double.POSITIVE_INFINITY, yHi = Double.NEGATIVE_INFINITY;
    for (Series s : series) {
      for (int i = 0; i < s.x.length; i++) {
        xLo = Math.min(xLo, s.x[i]);
        xHi = Math.max(xHi, s.x[i]);
        if (Double.isFinite(s.y[i])) {
          yLo = Math.min(yLo, s.y[i]);
          yHi = Math.max(yHi, s.y[i]);
        }
      }
    }
    int plotW = width - LEFT - LEGEND;
    int plotH = height - TOP - 48;
    PlotArea plot = new PlotArea(LEFT, TOP, plotW, plotH, ChartAxis.of(xLo, xHi, integerX),
        ChartAxis.ofValues(yLo, yHi));
    ChartAxis v = plot.vertical();
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = ChartCanvas.start(image, true);
    try {
      ChartCanvas.title(g, title, LEFT);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
      for (double t : v.ticks()) {
        int y = plot.y(t);
        g.setColor(ChartCanvas.GRID);
        g.drawLine(LEFT, y, LEFT + plotW, y);
        g.setColor(Color.DARK_GRAY);
        g.drawString(v.format(t), 8, y + 4);
      }
      for (double t : plot.horizontal().ticks()) {
        g.setColor(Color.DARK_GRAY);
        g.drawString(plot.horizontal().format(t), plot.x(t) - 6, TOP + plotH + 16);
      }
      g.drawRect(LEFT, TOP, plotW, plotH);
      g.drawString(xLabel, LEFT + plotW / 2 - 20, TOP + plotH + 36);
      g.drawString(yLabel, LEFT, TOP - 6);
      for (int k = 0; k < series.size(); k++) {
        Series s = series.get(k);
        g.setColor(PALETTE[k % PALETTE.length]);
        g.setStroke(new BasicStroke(2f));
        int prevX = -1;
        int prevY = -1;
        for (int i = 0; i < s.x.length; i++) {
          if (!Double.isFinite(s.y[i])) {
            prevX = -1;
            continue;
          }
          int x = plot.x(s.x[i]);
          int y = plot.y(Math.max(v.min(), Math.min(v.max(), s.y[i])));
          g.fillOval(x - 3, y - 3, 6, 6);
          if (prevX >= 0) {
            g.drawLine(prevX, prevY, x, y);
          }
          prevX = x;
          prevY = y;
        }
        int ly = TOP + 14 + 20 * k;
        g.drawLine(LEFT + plotW + 16, ly - 4, LEFT + plotW + 40, ly - 4);
        g.setColor(Color.DARK_GRAY);
        g.drawString(s.name, LEFT + plotW + 46, ly);
      }
    } finally {
      g.dispose();
    }
    return image;
  }

  /**
   * Writes a {@code width × height} PNG to {@code file} atomically.
   *
   * @param file where to write the PNG
   * @param width the width in pixels, at least 394
   * @param height the height in pixels, at least 180
   * @throws IOException if the file cannot be written
   */
  public void write(Path file, int width, int height) throws IOException {
    PngFiles.write(render(width, height), file);
  }
}
