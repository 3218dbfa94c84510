package dev.lamina.nn;

import dev.lamina.Init;
import dev.lamina.Nonlinearity;
import dev.lamina.init.InitSpec;
import dev.lamina.internal.layer.LayerOp;
import dev.lamina.internal.layer.LayerOps;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A model described the way Keras's {@code summary()} does: one row per layer with its output
 * shape, parameter count, activation, initializer, normalization and dropout, then the totals and
 * which parameters weight decay applies to. {@code System.out.println(ModelSummary.of(network))}.
 */
public final class ModelSummary {
  /**
   * One layer's row; {@code "-"} where a column does not apply.
   *
   * @param inputs the layers it reads (none for the input), as Keras's "Connected to"
   * @param layer the layer's name
   * @param type its kind, e.g. {@code Dense} or {@code Conv2d 3x3}
   * @param outputShape its output per sample, e.g. {@code (128)} or {@code (8, 14, 14)}
   * @param parameters its trainable scalars
   * @param activation its nonlinearity
   * @param init its weights' initializer
   * @param normalization its normalization
   * @param dropout its dropout
   */
  public record Row(String layer, String type, String outputShape, long parameters,
      String activation, String init, String normalization, String dropout, List<String> inputs) {
    /** Copies the inputs. */
    public Row {
      inputs = List.copyOf(inputs);
    }
  }

  private final NetworkSpec spec;
  private final String className;
  private final List<Row> rows;
  private final long trainable;
  private final long nonTrainable;
  private final List<String> decayed = new ArrayList<>();
  private final List<String> notDecayed = new ArrayList<>();
  private long decayedCount;

  private ModelSummary(NetworkSpec spec, String className, Parameters parameters,
      List<StateTensor> state) {
    this.spec = spec;
    this.className = className;
    this.rows = new ArrayList<>();
    for (LayerSpec layer : spec.layers()) {
      rows.add(row(layer, parameters));
    }
    this.trainable = parameters.count();
    long n = 0;
    for (StateTensor s : state) {
      n += s.values().length;
    }
    this.nonTrainable = n;
    for (Parameter p : parameters) {
      if (p.decayed()) {
        decayed.add(p.name());
        decayedCount += p.size();
      } else {
        notDecayed.add(p.name());
      }
    }
  }

  /**
   * The summary of a network: its spec, its parameters and its non-trainable state.
   *
   * @param network a network
   * @return the summary
   */
  public static ModelSummary of(Network network) {
    return new ModelSummary(network.spec(), network.getClass().getName(), network.parameters(),
        network.state());
  }

  /**
   * The summary of a model before any network of it exists.
   *
   * @param spec a model
   * @return the summary
   */
  public static ModelSummary of(NetworkSpec spec) {
    return new ModelSummary(spec, "", spec.newParameters(), spec.newState());
  }

  /** {@return one row per layer, in order} */
  public List<Row> rows() {
    return List.copyOf(rows);
  }

  /**
   * Trainable scalars.
   *
   * @return the count
   */
  public long trainableParameters() {
    return trainable;
  }

  /**
   * Non-trainable scalars, such as batch normalization's running statistics.
   *
   * @return the count
   */
  public long nonTrainableParameters() {
    return nonTrainable;
  }

  /**
   * The names of the parameters weight decay applies to.
   *
   * @return the names, in parameter order
   */
  public List<String> decayed() {
    return List.copyOf(decayed);
  }

  private static Row row(LayerSpec layer, Parameters parameters) {
    LayerOp op = LayerOps.of(layer.type());
    long count = 0;
    for (Parameter p : parameters) {
      if (p.name().startsWith(layer.name() + ".")) {
        count += p.size();
      }
    }
    String activation = !op.hasActivation() ? "-"
        : layer.activation() == Nonlinearity.LEAKY_RELU
        ? "leaky_relu " + number(layer.slope())
        : lower(layer.activation());
    String init = "-";
    if (layer.hasWeights()) {
      InitSpec weights = layer.weightInit();
      Init resolved = InitSpec.resolve(weights.init(), layer.activation());
      // The bare name when fan mode and gain are the initializer's defaults.
      boolean plain = weights.resolve(layer.activation())
          .equals(InitSpec.of(resolved).resolve(layer.activation()));
      init = plain ? lower(resolved) : weights.toString();
      if (InitSpec.isScaled(resolved)) {
        init += " (std " + number(Initializers.standardDeviation(layer)) + ")";
      }
      if (layer.bias() && layer.biasInit().init() != Init.ZEROS) {
        init += ", bias " + layer.biasInit();
      }
    }
    String dropout = !layer.hasDropout() ? "-" : "keep " + number(layer.keep())
        + (layer.dropoutMode() == dev.lamina.DropoutMode.CLASSIC ? " classic" : "");
    String shape = layer.isImage() ? layer.image().out().toString() : "(" + layer.units() + ")";
    return new Row(layer.name(), op.summaryName(layer), shape, count, activation, init,
        normalization(layer.norm()), dropout, layer.inputs());
  }

  private static String normalization(NormSpec norm) {
    if (!norm.isPresent()) {
      return "-";
    }
    String settings = (norm.beforeActivation() ? "before act" : "after act") + ", eps "
        + number(norm.eps());
    return switch (norm.kind()) {
      case BATCH -> "batch (" + settings + ", "
          + (norm.runningStats() == dev.lamina.RunningStats.EXPONENTIAL
              ? "momentum " + number(norm.momentum()) : "cumulative") + ")";
      case GROUP -> "group (" + norm.groups() + " groups, " + settings + ")";
      default -> lower(norm.kind()) + " (" + settings + ")";
    };
  }

  @Override
  public String toString() {
    // A chain's rows say what each layer reads; a graph's name it, as Keras's "Connected to".
    boolean graph = !isChain();
    String[] header = graph
        ? new String[] {"Layer (type)", "Output shape", "Params", "Connected to", "Activation",
            "Init", "Normalization", "Dropout"}
        : new String[] {"Layer (type)", "Output shape", "Params", "Activation", "Init",
            "Normalization", "Dropout"};
    List<String[]> cells = new ArrayList<>();
    for (Row r : rows) {
      List<String> row = new ArrayList<>(List.of(r.layer() + " (" + r.type() + ")",
          r.outputShape(), String.format(Locale.ROOT, "%,d", r.parameters())));
      if (graph) {
        row.add(r.inputs().isEmpty() ? "-" : String.join(", ", r.inputs()));
      }
      row.addAll(List.of(r.activation(), r.init(), r.normalization(), r.dropout()));
      cells.add(row.toArray(String[]::new));
    }
    int[] width = new int[header.length];
    for (int c = 0; c < header.length; c++) {
      width[c] = header[c].length();
      for (String[] row : cells) {
        width[c] = Math.max(width[c], row[c].length());
      }
    }
    int total = 0;
    for (int w : width) {
      total += w + 2;
    }
    total--;
    StringBuilder s = new StringBuilder();
    s.append("Model: ").append(spec.name());
    if (!className.isEmpty()) {
      s.append(" (").append(className).append(')');
    }
    s.append(", loss ").append(lower(spec.loss()));
    if (spec.labelSmoothing() > 0) {
      s.append(", label smoothing ").append(number(spec.labelSmoothing()));
    }
    if (spec.loss() == dev.lamina.Loss.HUBER) {
      s.append(", δ ").append(number(spec.huberDelta()));
    }
    s.append('\n').append("_".repeat(total)).append('\n');
    line(s, header, width);
    s.append("=".repeat(total)).append('\n');
    for (String[] row : cells) {
      line(s, row, width);
    }
    s.append("=".repeat(total)).append('\n');
    s.append(String.format(Locale.ROOT, "Total params: %,d (%s)%n", trainable + nonTrainable,
        bytes(4 * (trainable + nonTrainable))));
    s.append(String.format(Locale.ROOT, "Trainable params: %,d%n", trainable));
    s.append(String.format(Locale.ROOT, "Non-trainable params: %,d%n", nonTrainable));
    s.append(String.format(Locale.ROOT, "Weight decay applies to %,d params: %s%n", decayedCount,
        decayed.isEmpty() ? "none" : String.join(", ", decayed)));
    s.append(String.format(Locale.ROOT, "Not decayed: %s", notDecayed.isEmpty() ? "none"
        : String.join(", ", notDecayed)));
    return s.toString();
  }

  /** Whether every layer reads the one above it. */
  private boolean isChain() {
    for (int i = 1; i < rows.size(); i++) {
      if (!rows.get(i).inputs().equals(List.of(rows.get(i - 1).layer()))) {
        return false;
      }
    }
    return true;
  }

  private static void line(StringBuilder s, String[] cells, int[] width) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < cells.length; c++) {
      line.append(' ').append(cells[c]).append(" ".repeat(width[c] - cells[c].length() + 1));
    }
    s.append(line.toString().stripTrailing()).append('\n');
  }

  private static String bytes(long n) {
    return n < 1 << 20
        ? String.format(Locale.ROOT, "%.1f KiB", n / 1024.0)
        : String.format(Locale.ROOT, "%.2f MiB", n / (1024.0 * 1024));
  }

  /** At most 3 significant digits, plain: 0.8 rather than 0.800000011920929, 0.00001, 0.0505. */
  private static String number(double x) {
    if (x == 0 || !Double.isFinite(x)) {
      return x == 0 ? "0" : Double.toString(x);
    }
    java.math.BigDecimal d = new java.math.BigDecimal(x)
        .round(new java.math.MathContext(3)).stripTrailingZeros();
    return Math.abs(x) >= 1e-6 ? d.toPlainString() : d.toString();
  }

  private static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }
}
