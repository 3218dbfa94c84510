package dev.lamina.report;

import dev.lamina.nn.LayerSpec;
import dev.lamina.nn.ModelSummary;
import dev.lamina.nn.NetworkSpec;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * A picture of a model's graph: its layers top to bottom in the order they compute, each a box
 * with its name, type and output shape; an arrow from each layer to those that read it, straight
 * down to the next layer, or, for a skip connection, along a lane on the right (one lane per
 * skip that overlaps another). {@code PngFiles.write(ModelGraphChart.draw(MyNet.SPEC), file)}.
 */
public final class ModelGraphChart {
  private static final int ROW = 34;
  private static final int BOX_HEIGHT = 22;
  /** The narrowest box; a longer label widens every box. */
  private static final int MIN_BOX_WIDTH = 380;
  private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  private static final int LEFT = 20;
  private static final int TOP = 40;
  private static final int LANE = 14;
  private static final Color CHAIN = new Color(0x555555);
  private static final Color SKIP = new Color(0x1f6fb4);
  private static final Color MERGE_FILL = new Color(0xe8f0fa);

  private ModelGraphChart() {}

  /** One arrow: from layer {@code from} to layer {@code to}, on {@code lane} (a skip) or straight. */
  private record Edge(int from, int to, int lane) {
    boolean straight() {
      return to == from + 1;
    }
  }

  /**
   * Draws {@code spec}'s graph, sized to fit its layers and skip lanes.
   *
   * @param spec the model, e.g. a generated network's {@code SPEC}
   * @return the picture, to write with {@link PngFiles#write}
   */
  public static BufferedImage draw(NetworkSpec spec) {
    List<LayerSpec> layers = spec.layers();
    List<ModelSummary.Row> rows = ModelSummary.of(spec).rows();
    List<Edge> edges = edges(spec);
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < layers.size(); i++) {
      ModelSummary.Row row = rows.get(i);
      labels.add(row.layer() + "  " + row.type() + "  " + row.outputShape()
          + (layers.get(i).activation() == dev.lamina.Nonlinearity.IDENTITY ? ""
              : "  " + row.activation()));
    }
    int box = boxWidth(labels);
    int lanes = edges.stream().mapToInt(Edge::lane).max().orElse(-1) + 1;
    int width = LEFT + box + (lanes + 1) * LANE + 20;
    int height = TOP + layers.size() * ROW + 10;
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = ChartCanvas.start(image, true);
    try {
      ChartCanvas.title(g, spec.name(), LEFT);
      g.setFont(LABEL);
      for (int i = 0; i < layers.size(); i++) {
        int y = top(i);
        g.setColor(layers.get(i).isMerge() ? MERGE_FILL : Color.WHITE);
        g.fillRoundRect(LEFT, y, box, BOX_HEIGHT, 8, 8);
        g.setColor(CHAIN);
        g.drawRoundRect(LEFT, y, box, BOX_HEIGHT, 8, 8);
        g.setColor(Color.BLACK);
        g.drawString(labels.get(i), LEFT + 8, y + 15);
      }
      g.setStroke(new BasicStroke(1.4f));
      for (Edge e : edges) {
        drawEdge(g, e, box);
      }
    } finally {
      g.dispose();
    }
    return image;
  }

  /** Wide enough for the longest label, and at least {@link #MIN_BOX_WIDTH}. */
  private static int boxWidth(List<String> labels) {
    BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = probe.createGraphics();
    try {
      var metrics = g.getFontMetrics(LABEL);
      int widest = labels.stream().mapToInt(metrics::stringWidth).max().orElse(0);
      return Math.max(MIN_BOX_WIDTH, widest + 16);
    } finally {
      g.dispose();
    }
  }

  private static int top(int layer) {
    return TOP + layer * ROW;
  }

  /**
   * Every input of every layer; skips get lanes so that two whose spans overlap never share one,
   * the shortest placed first, nearest the boxes.
   */
  private static List<Edge> edges(NetworkSpec spec) {
    List<int[]> skips = new ArrayList<>();
    List<Edge> edges = new ArrayList<>();
    for (int to = 1; to < spec.layers().size(); to++) {
      for (int from : spec.inputIndices(to)) {
        if (to == from + 1) {
          edges.add(new Edge(from, to, -1));
        } else {
          skips.add(new int[] {from, to});
        }
      }
    }
    skips.sort((a, b) -> Integer.compare(a[1] - a[0], b[1] - b[0]));
    List<Edge> placed = new ArrayList<>();
    for (int[] s : skips) {
      int lane = 0;
      while (overlaps(placed, s[0], s[1], lane)) {
        lane++;
      }
      placed.add(new Edge(s[0], s[1], lane));
    }
    edges.addAll(placed);
    return edges;
  }

  private static boolean overlaps(List<Edge> placed, int from, int to, int lane) {
    return placed.stream().anyMatch(e -> e.lane() == lane && e.from() < to && from < e.to());
  }

  private static void drawEdge(Graphics2D g, Edge e, int box) {
    int x = LEFT + box / 2;
    if (e.straight()) {
      g.setColor(CHAIN);
      int y0 = top(e.from()) + BOX_HEIGHT;
      int y1 = top(e.to());
      g.drawLine(x, y0, x, y1);
      arrowHead(g, x, y1, 0, 1);
      return;
    }
    g.setColor(SKIP);
    int right = LEFT + box;
    int laneX = right + (e.lane() + 1) * LANE;
    int y0 = top(e.from()) + BOX_HEIGHT / 2 - 3;
    int y1 = top(e.to()) + BOX_HEIGHT / 2 + 3;
    g.drawLine(right, y0, laneX, y0);
    g.drawLine(laneX, y0, laneX, y1);
    g.drawLine(laneX, y1, right, y1);
    arrowHead(g, right, y1, -1, 0);
  }

  /** A filled arrow head with its tip at (x, y), pointing along (dx, dy). */
  private static void arrowHead(Graphics2D g, int x, int y, int dx, int dy) {
    int[] xs = {x, x - 5 * dx - 4 * dy, x - 5 * dx + 4 * dy};
    int[] ys = {y, y - 5 * dy - 4 * dx, y - 5 * dy + 4 * dx};
    g.fillPolygon(xs, ys, 3);
  }
}
