package dev.lamina.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Ensemble accuracy against the number of members k, as a PNG: the soft and the hard vote of the
 * first k members, each member's own accuracy (a grey dot at its position) and the members' mean
 * (dashed). Drawn with java.awt off screen, so it works without a display.
 *
 * <pre>{@code
 * EnsembleAccuracyChart.of(soft, hard, members).title("Bagging, Fashion-MNIST MLP").write(path);
 * }</pre>
 */
public final class EnsembleAccuracyChart {
  private static final Color SOFT = new Color(0x1f77b4);
  private static final Color HARD = new Color(0xff7f0e);
  private static final Color MEMBER = new Color(0x7f7f7f);
  private static final int WIDTH = 760;
  private static final int HEIGHT = 460;
  private static final int LEFT = 70;
  private static final int RIGHT = 24;
  private static final int TOP = 66;
  private static final int BOTTOM = 56;

  private final double[] soft;
  private final double[] hard;
  private final double[] members;
  private final String title;

  private EnsembleAccuracyChart(double[] soft, double[] hard, double[] members, String title) {
    this.soft = soft;
    this.hard = hard;
    this.members = members;
    this.title = title;
  }

  /**
   * {@code soft.get(k - 1)} and {@code hard.get(k - 1)} are the accuracies of the first k
   * members' votes; {@code members.get(i)} is member i's own. All three have one value per member.
   *
   * @param soft the accuracy of the averaged probabilities of the first k members, for k = 1, 2,
   *     ...
   * @param hard the accuracy of the majority vote of the first k members
   * @param members each member's own accuracy
   * @return the chart, untitled
   */
  public static EnsembleAccuracyChart of(List<Double> soft, List<Double> hard, List<Double> members) {
    if (soft.isEmpty() || soft.size() != hard.size() || soft.size() != members.size()) {
      throw new IllegalArgumentException("soft, hard and members must have one accuracy per"
          + " member, got " + soft.size() + ", " + hard.size() + " and " + members.size());
    }
    return new EnsembleAccuracyChart(array(soft), array(hard), array(members), "");
  }

  /**
   * Sets the title drawn above the chart.
   *
   * @param title the title
   * @return this chart
   */
  public EnsembleAccuracyChart title(String title) {
    return new EnsembleAccuracyChart(soft, hard, members, title);
  }

  /**
   * Draws the chart and writes it to {@code file} as a PNG, atomically.
   *
   * @param file where to write the PNG
   * @throws IOException if the file cannot be written
   */
  public void write(Path file) throws IOException {
    PngFiles.write(draw(), file);
  }

  /**
   * The picture.
   *
   * @return the chart as an image
   */
  public BufferedImage draw() {
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = ChartCanvas.start(image, true);
    try {
      double[] range = range();
      axes(g, range);
      g.setColor(MEMBER);
      for (int i = 0; i < members.length; i++) {
        dot(g, x(i + 1), y(members[i], range), 5);
      }
      dashed(g, y(mean(members), range));
      line(g, soft, range, SOFT);
      line(g, hard, range, HARD);
      legend(g);
      g.setColor(Color.BLACK);
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
      g.drawString(title, LEFT, 28);
    } finally {
      g.dispose();
    }
    return image;
  }

  /** The accuracy range shown: every value, padded, in whole tenths of a percent. */
  private double[] range() {
    double lo = 1;
    double hi = 0;
    for (double[] series : new double[][] {soft, hard, members}) {
      for (double v : series) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    double pad = Math.max(0.002, (hi - lo) * 0.1);
    return new double[] {Math.floor((lo - pad) * 1000) / 1000, Math.ceil((hi + pad) * 1000) / 1000};
  }

  private void axes(Graphics2D g, double[] range) {
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    double step = niceStep((range[1] - range[0]) / 6);
    for (double v = Math.ceil(range[0] / step) * step; v <= range[1] + 1e-12; v += step) {
      int y = y(v, range);
      g.setColor(ChartCanvas.GRID);
      g.drawLine(LEFT, y, WIDTH - RIGHT, y);
      g.setColor(Color.DARK_GRAY);
      String label = String.format(Locale.ROOT, "%.1f%%", v * 100);
      g.drawString(label, LEFT - 8 - g.getFontMetrics().stringWidth(label), y + 4);
    }
    int every = Math.max(1, soft.length / 12);
    for (int k = 1; k <= soft.length; k += every) {
      String label = Integer.toString(k);
      g.drawString(label, x(k) - g.getFontMetrics().stringWidth(label) / 2, HEIGHT - BOTTOM + 18);
    }
    g.drawString("members k", (LEFT + WIDTH - RIGHT) / 2 - 30, HEIGHT - 14);
    g.setColor(Color.BLACK);
    g.drawRect(LEFT, TOP, WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM);
  }

  private void line(Graphics2D g, double[] values, double[] range, Color color) {
    g.setColor(color);
    g.setStroke(new BasicStroke(2.2f));
    Path2D path = new Path2D.Double();
    for (int i = 0; i < values.length; i++) {
      if (i == 0) {
        path.moveTo(x(1), y(values[0], range));
      } else {
        path.lineTo(x(i + 1), y(values[i], range));
      }
    }
    g.draw(path);
    g.setStroke(new BasicStroke(1));
    for (int i = 0; i < values.length; i++) {
      dot(g, x(i + 1), y(values[i], range), 6);
    }
  }

  private void dashed(Graphics2D g, int y) {
    g.setColor(MEMBER);
    g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
        new float[] {6, 5}, 0));
    g.drawLine(LEFT + 1, y, WIDTH - RIGHT - 1, y);
    g.setStroke(new BasicStroke(1));
  }

  private void legend(Graphics2D g) {
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    String[] names = {"soft vote (mean probability)", "hard vote (majority)",
        "members, and their mean (dashed)"};
    Color[] colors = {SOFT, HARD, MEMBER};
    int x = LEFT;
    int y = TOP - 12;
    for (int i = 0; i < names.length; i++) {
      g.setColor(colors[i]);
      g.fillRect(x, y - 9, 14, 10);
      g.setColor(Color.DARK_GRAY);
      g.drawString(names[i], x + 20, y);
      x += 20 + g.getFontMetrics().stringWidth(names[i]) + 24;
    }
  }

  private static void dot(Graphics2D g, int x, int y, int size) {
    g.fillOval(x - size / 2, y - size / 2, size, size);
  }

  private int x(int k) {
    int span = WIDTH - LEFT - RIGHT - 40;
    return LEFT + 20 + (soft.length == 1 ? span / 2 : (k - 1) * span / (soft.length - 1));
  }

  private static int y(double v, double[] range) {
    double t = (v - range[0]) / (range[1] - range[0]);
    return (int) Math.round(HEIGHT - BOTTOM - t * (HEIGHT - TOP - BOTTOM));
  }

  private static double niceStep(double raw) {
    double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * magnitude >= raw) {
        return m * magnitude;
      }
    }
    return 10 * magnitude;
  }

  private static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum / values.length;
  }

  private static double[] array(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
