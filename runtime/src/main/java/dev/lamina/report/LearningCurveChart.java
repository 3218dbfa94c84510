package dev.lamina.report;

import dev.lamina.train.EpochStats;
import dev.lamina.train.History;
import dev.lamina.train.TrainingEnd;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * Learning curves as a PNG: training and validation loss on the left, accuracy on the right, per
 * epoch, with a dashed line at the best epoch (the point early stopping keeps) and, when training
 * stopped early, a dotted line where it stopped; when the learning rate changed from epoch to
 * epoch, the loss plot also shows it, in grey, scaled to the plot's height (0 at the bottom, the
 * largest rate at the top, labelled on the right). Drawn with java.awt off screen, so it works on a
 * machine without a display.
 *
 * <pre>{@code
 * LearningCurveChart.of(result.history()).title("784-512-512-10, no regularization").write(path);
 * }</pre>
 */
public final class LearningCurveChart {
  static final Color TRAIN = new Color(0x1f77b4);
  static final Color VALIDATION = new Color(0xff7f0e);
  private static final Color BEST = new Color(0x2ca02c);
  private static final Color STOP = new Color(0xd62728);
  static final Color RATE = new Color(0x7f7f7f);
  private static final int MARGIN = 56;
  private static final int TOP = 52;
  /** Room under the plots for the tick labels, the axis name and the legend. */
  private static final int BOTTOM = 64;

  private final History history;
  private final String title;
  private final int width;
  private final int height;

  private LearningCurveChart(History history, String title, int width, int height) {
    this.history = history;
    this.title = title;
    this.width = width;
    this.height = height;
  }

  /**
   * A 1000 × 420 chart of {@code history}, untitled.
   *
   * @param history the run whose loss and accuracy per epoch are drawn
   * @return the chart
   */
  public static LearningCurveChart of(History history) {
    Objects.requireNonNull(history, "history");
    if (history.epochs().isEmpty()) {
      throw new IllegalArgumentException("history has no epochs to draw; train for at least one");
    }
    return new LearningCurveChart(history, "", 1000, 420);
  }

  /**
   * Sets the title drawn above the chart.
   *
   * @param title the title
   * @return this chart
   */
  public LearningCurveChart title(String title) {
    return new LearningCurveChart(history, Objects.requireNonNull(title, "title"), width, height);
  }

  /**
   * Image size in pixels; at least 400 × 240.
   *
   * @param width the width, ≥ 400
   * @param height the height, ≥ 240
   * @return this chart
   */
  public LearningCurveChart size(int width, int height) {
    if (width < 400 || height < 240) {
      throw new IllegalArgumentException(
          "size must be at least 400 × 240 pixels, got " + width + " × " + height);
    }
    return new LearningCurveChart(history, title, width, height);
  }

  /**
   * Draws the chart.
   *
   * @return the chart as an image of the set size
   */
  public BufferedImage render() {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = ChartCanvas.start(image, true);
    try {
      ChartCanvas.title(g, title.isEmpty() ? caption() : title + " — " + caption(), MARGIN);
      g.setFont(g.getFont().deriveFont(Font.PLAIN, 12f));
      int panel = (width - 3 * MARGIN / 2) / 2;
      List<EpochStats> epochs = history.epochs();
      Panel loss = new Panel(MARGIN, TOP, panel - MARGIN / 2, height - TOP - BOTTOM, "loss", epochs,
          EpochStats::trainLoss, EpochStats::validationLoss);
      Panel accuracy = new Panel(MARGIN + panel + MARGIN / 2, TOP, panel - MARGIN / 2,
          height - TOP - BOTTOM, "accuracy", epochs, EpochStats::trainAccuracy,
          EpochStats::validationAccuracy);
      for (Panel p : List.of(loss, accuracy)) {
        p.draw(g);
        markers(g, p);
      }
      if (rateVaries()) {
        loss.rates(g);
      }
      legend(g);
    } finally {
      g.dispose();
    }
    return image;
  }

  /**
   * Writes the PNG to {@code file} atomically (a temporary file, then a rename).
   *
   * @param file where to write the PNG
   * @throws IOException if the file cannot be written
   */
  public void write(Path file) throws IOException {
    PngFiles.write(render(), file);
  }

  /** "best epoch 7, stopped at 12 (EARLY_STOPPED)" or "12 epochs". */
  String caption() {
    if (!history.hasEnded()) {
      return history.epochs().size() + " epochs";
    }
    TrainingEnd end = history.end();
    String best = end.metric().equals("none") ? ""
        : "best epoch " + end.bestEpoch() + " by " + end.metric() + ", ";
    return best + "ended at epoch " + end.epoch() + " ("
        + end.reason().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")";
  }

  /** The best epoch (dashed) when a metric was watched, and the stop (dotted) when it stopped early. */
  private void markers(Graphics2D g, Panel p) {
    if (!history.hasEnded()) {
      return;
    }
    TrainingEnd end = history.end();
    if (!end.metric().equals("none") && end.bestEpoch() > 0) {
      p.vertical(g, end.bestEpoch(), BEST, new float[] {6, 4}, "best " + end.bestEpoch(), 0);
    }
    if (end.reason() != TrainingEnd.Reason.COMPLETED && end.epoch() != end.bestEpoch()) {
      p.vertical(g, end.epoch(), STOP, new float[] {2, 3}, "stop " + end.epoch(), 1);
    }
  }

  /** Whether the epochs trained at different learning rates. */
  boolean rateVaries() {
    return history.epochs().stream().mapToDouble(EpochStats::learningRate)
        .filter(Double::isFinite).distinct().count() > 1;
  }

  private void legend(Graphics2D g) {
    int y = height - 10;
    int x = MARGIN;
    Object[][] items = {{TRAIN, "training", null}, {VALIDATION, "validation", null},
        {BEST, "best epoch", new float[] {6, 4}}, {STOP, "stopped", new float[] {2, 3}},
        {RATE, "learning rate", new float[] {4, 2}}};
    boolean validated = history.epochs().stream().anyMatch(EpochStats::validated);
    for (Object[] item : rateVaries() ? items : java.util.Arrays.copyOf(items, 4)) {
      if (item[1].equals("validation") && !validated) {
        continue; // a run without validation data has no such line
      }
      g.setColor((Color) item[0]);
      g.setStroke(item[2] == null ? new BasicStroke(2f)
          : new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, (float[]) item[2], 0));
      g.drawLine(x, y - 4, x + 24, y - 4);
      g.setColor(Color.DARK_GRAY);
      g.drawString((String) item[1], x + 30, y);
      x += 50 + g.getFontMetrics().stringWidth((String) item[1]);
    }
  }

  /** One plot: two series against the epoch, axes with round ticks. */
  private static final class Panel {
    private final PlotArea area;
    private final String label;
    private final List<EpochStats> epochs;
    private final ToDoubleFunction<EpochStats> train;
    private final ToDoubleFunction<EpochStats> validation;

    Panel(int x, int y, int w, int h, String label, List<EpochStats> epochs,
        ToDoubleFunction<EpochStats> train, ToDoubleFunction<EpochStats> validation) {
      this.label = label;
      this.epochs = epochs;
      this.train = train;
      this.validation = validation;
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (EpochStats e : epochs) {
        for (double v : new double[] {train.applyAsDouble(e), validation.applyAsDouble(e)}) {
          if (Double.isFinite(v)) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
          }
        }
      }
      this.area = new PlotArea(x, y, w, h,
          ChartAxis.of(epochs.get(0).epoch(), epochs.get(epochs.size() - 1).epoch(), true),
          ChartAxis.ofValues(lo, hi));
    }

    void draw(Graphics2D g) {
      int x = area.left();
      int y = area.top();
      int w = area.width();
      int h = area.height();
      g.setStroke(new BasicStroke(1f));
      for (double t : area.vertical().ticks()) {
        g.setColor(ChartCanvas.GRID);
        g.drawLine(x, area.y(t), x + w, area.y(t));
        g.setColor(Color.DARK_GRAY);
        String text = area.vertical().format(t);
        g.drawString(text, x - 6 - g.getFontMetrics().stringWidth(text), area.y(t) + 4);
      }
      for (double t : area.horizontal().ticks()) {
        g.setColor(Color.DARK_GRAY);
        g.drawLine(area.x(t), y + h, area.x(t), y + h + 4);
        String text = area.horizontal().format(t);
        g.drawString(text, area.x(t) - g.getFontMetrics().stringWidth(text) / 2, y + h + 17);
      }
      g.drawRect(x, y, w, h);
      g.drawString(label, x, y - 8);
      g.drawString("epoch", x + w - g.getFontMetrics().stringWidth("epoch"), y + h + 30);
      series(g, train, TRAIN);
      series(g, validation, VALIDATION);
    }

    /** A polyline with a dot per epoch; non-finite values leave a gap. */
    private void series(Graphics2D g, ToDoubleFunction<EpochStats> f, Color color) {
      g.setColor(color);
      g.setStroke(new BasicStroke(2f));
      int lastX = -1;
      int lastY = -1;
      for (EpochStats e : epochs) {
        double v = f.applyAsDouble(e);
        if (!Double.isFinite(v)) {
          lastX = -1;
          continue;
        }
        int cx = area.x(e.epoch());
        int cy = area.y(v);
        if (lastX >= 0) {
          g.drawLine(lastX, lastY, cx, cy);
        }
        if (epochs.size() <= 60) {
          g.fillOval(cx - 2, cy - 2, 5, 5);
        }
        lastX = cx;
        lastY = cy;
      }
    }

    /** The epochs' learning rates, scaled so that the largest touches the top, dashed grey. */
    void rates(Graphics2D g) {
      double max = epochs.stream().mapToDouble(EpochStats::learningRate)
          .filter(Double::isFinite).max().orElse(0);
      if (!(max > 0)) {
        return;
      }
      g.setColor(RATE);
      g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
          new float[] {4, 2}, 0));
      int bottom = area.top() + area.height();
      int lastX = -1;
      int lastY = -1;
      for (EpochStats e : epochs) {
        if (!Double.isFinite(e.learningRate())) {
          lastX = -1;
          continue;
        }
        int cx = area.x(e.epoch());
        int cy = bottom - (int) Math.round(e.learningRate() / max * area.height());
        if (lastX >= 0) {
          g.drawLine(lastX, lastY, cx, cy);
        }
        lastX = cx;
        lastY = cy;
      }
      String text = String.format(Locale.ROOT, "rate ≤ %.3g", max);
      g.drawString(text, area.left() + area.width() - g.getFontMetrics().stringWidth(text),
          area.top() - 8);
    }

    /** A vertical line at {@code epoch} labelled {@code text} on label row {@code row} (0, 1). */
    void vertical(Graphics2D g, int epoch, Color color, float[] dash, String text, int row) {
      int at = area.x(epoch);
      g.setColor(color);
      g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, dash, 0));
      g.drawLine(at, area.top(), at, area.top() + area.height());
      // The label goes right of the line, or left of it where it would leave the plot.
      int width = g.getFontMetrics().stringWidth(text);
      int left = at + 4 + width <= area.left() + area.width() ? at + 4 : at - 4 - width;
      g.drawString(text, left, area.top() + 14 + 15 * row);
    }
  }
}
