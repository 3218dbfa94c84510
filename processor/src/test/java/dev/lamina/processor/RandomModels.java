package dev.lamina.processor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Random model classes for {@link ProcessorFuzzTest}, the same for the same seed: layer names
 * drawn from names close to the generated code's own ({@code last}, {@code infer}, {@code hWeight}
 * beside {@code h}, {@code col}), names that differ only in case, and random identifiers; random
 * sizes; dense or image layer sequences with random activations, dropout, noise and
 * normalizations; and in about one model of four a mistake that the processor must report.
 */
final class RandomModels {
  /** A generated model: its class name and source lines. */
  record Source(long seed, String className, List<String> lines, String mistake) {
    String text() {
      return String.join("\n", lines);
    }
  }

  private static final List<String> CLOSE_NAMES = List.of(
      "last", "infer", "h", "hWeight", "hWeightGrad", "hBias", "hAct", "hGrad", "hOut", "fc", "FC",
      "Fc", "col", "colGrad", "S", "SPEC", "rows", "keys", "x", "d", "dx", "r0", "input", "seed",
      "maskSeed", "noiseKey", "noise", "trainer", "allocate", "outputGradient", "output",
      "lastInput", "inferInput", "noiseKeys", "trainTask", "parameters", "spec", "run", "barrier",
      "in", "out", "logits", "hidden", "HIDDEN", "hidden_BOUND", "HIDDEN_BOUND", "pool", "conv",
      "conv2", "Layer", "Math", "Float", "Gemm", "FloatVector", "Arrays", "_x", "$y", "a$b",
      "ß", "ss", "SS", "ñ", "Ñ", "forwardTrain", "backward", "state", "mask", "act");

  private final SplittableRandom random;
  private final long seed;
  private final Set<String> names = new HashSet<>();
  private final List<String> fields = new ArrayList<>();

  private RandomModels(long seed) {
    this.seed = seed;
    this.random = new SplittableRandom(seed);
  }

  static Source generate(long seed) {
    return new RandomModels(seed).model(false);
  }

  /**
   * A random graph: sums of a layer and a branch that reads it, strided projections, concatenations
   * with a {@code @From} branch. Drawn from its own stream, so that {@link #generate} still gives
   * every seed's chain model.
   */
  static Source generateGraph(long seed) {
    return new RandomModels(seed ^ 0x9E3779B97F4A7C15L).model(true);
  }

  private Source model(boolean graph) {
    String className = (graph ? "Graph" : "Fuzz") + Long.toUnsignedString(seed, 36);
    boolean image = random.nextBoolean();
    if (graph && image) {
      imageGraph();
    } else if (graph) {
      denseGraph();
    } else if (image) {
      imageLayers();
    } else {
      denseLayers();
    }
    String mistake = random.nextInt(4) == 0 ? (graph ? graphMistake() : mistake()) : "none";
    List<String> lines = new ArrayList<>(List.of(
        "package test;",
        "",
        "import dev.lamina.*;",
        "",
        "@Model" + modelArguments(),
        "class " + className + " {"));
    lines.addAll(fields);
    lines.add("}");
    return new Source(seed, className, lines, mistake);
  }

  private String modelArguments() {
    return switch (random.nextInt(6)) {
      case 0 -> "(loss = Loss.MEAN_SQUARED_ERROR)";
      case 1 -> "(labelSmoothing = 0.1)";
      default -> "";
    };
  }

  // ---- layer sequences ----

  private void denseLayers() {
    fields.add(field("@Input(" + between(1, 12) + ")" + inputExtras()));
    int hidden = between(0, 3);
    for (int i = 0; i < hidden; i++) {
      fields.add(field(dense(between(1, 12)) + denseExtras()));
    }
    fields.add(field(dense(between(2, 5)) + maybe(4, activation())));
  }

  private void imageLayers() {
    fields.add(field("@Input(channels = " + between(1, 3) + ", height = " + between(3, 8)
        + ", width = " + between(3, 8) + ")" + inputExtras()));
    int layers = between(1, 3);
    for (int i = 0; i < layers; i++) {
      fields.add(field(random.nextInt(3) == 0 ? pool() : convolution()));
    }
    if (random.nextBoolean()) {
      fields.add(field(dense(between(1, 8)) + denseExtras()));
    }
    fields.add(field(dense(between(2, 4))));
  }

  // ---- graphs ----

  /** in → h → b, h + b, [a @From(in) branch concatenated], logits. */
  private void denseGraph() {
    String in = layer("@Input(" + between(1, 12) + ")" + inputExtras());
    int units = between(1, 10);
    String h = layer(dense(units) + denseExtras());
    String b = layer(dense(units) + denseExtras());
    String sum = layer(merge("Add", h, b) + sumExtras());
    if (random.nextBoolean()) {
      String wide = layer("@From(\"" + in + "\") " + dense(between(1, 6)) + denseExtras());
      layer(merge("Concat", random.nextBoolean() ? sum : h, wide));
      if (random.nextBoolean()) {
        // h is read by b, the sum and maybe the concatenation: three gradients to add.
        layer(dense(between(2, 5)));
        return;
      }
    }
    layer(dense(between(2, 5)) + maybe(4, activation()));
  }

  /** A stem, an identity block, maybe a strided block with a projection, maybe a concatenation. */
  private void imageGraph() {
    int side = between(4, 8);
    layer("@Input(channels = " + between(1, 3) + ", height = " + side + ", width = " + side + ")"
        + inputExtras());
    int filters = between(1, 4);
    String stem = layer(conv(filters, 3, 1, 1) + convExtras(filters));
    String branch = layer(conv(filters, 3, 1, 1) + convExtras(filters));
    String block = layer(merge("Add", stem, branch) + sumExtras());
    if (random.nextBoolean()) {
      int wider = filters + between(0, 2);
      String strided = layer(conv(wider, 3, 2, 1) + convExtras(wider));
      String projection = layer("@From(\"" + block + "\") " + conv(wider, 1, 2, 0)
          + maybe(2, " @BatchNorm"));
      block = layer(merge("Add", projection, strided) + sumExtras());
      filters = wider;
    }
    if (random.nextBoolean()) {
      String side1 = layer("@From(\"" + block + "\") " + conv(between(1, 3), 1, 1, 0)
          + maybe(2, activation()));
      layer(merge("Concat", block, side1));
    }
    if (random.nextBoolean()) {
      layer(pool());
    }
    layer(dense(between(2, 4)));
  }

  private String conv(int filters, int kernel, int stride, int padding) {
    return "@Conv2d(filters = " + filters + ", kernel = " + kernel
        + (stride > 1 ? ", stride = " + stride : "") + (padding > 0 ? ", padding = " + padding : "")
        + ")";
  }

  private String convExtras(int filters) {
    String norm = switch (random.nextInt(6)) {
      case 0 -> " @BatchNorm" + normArguments(true);
      case 1 -> " @BatchNorm(gamma = 0)";
      case 2 -> " @GroupNorm(" + divisorOf(filters) + ")";
      default -> "";
    };
    return maybe(2, activation()) + norm + maybe(6, " @Dropout(keep = " + keep() + ")");
  }

  private String sumExtras() {
    return maybe(2, activation()) + maybe(5, " @Dropout(keep = " + keep() + dropoutMode() + ")")
        + maybe(6, " @GaussianNoise(0.1)");
  }

  private static String merge(String kind, String a, String b) {
    return "@" + kind + "({\"" + a + "\", \"" + b + "\"})";
  }

  /** Adds a field and returns its name. */
  private String layer(String annotations) {
    String f = field(annotations);
    fields.add(f);
    return name(f);
  }

  /** Mistakes of graphs: each must be an error on the model's own file. */
  private String graphMistake() {
    int at = between(1, fields.size() - 1);
    String f = fields.get(at);
    return switch (random.nextInt(4)) {
      case 0 -> replace(at, f.replaceFirst("@(Dense|Conv2d|MaxPool2d|AvgPool2d|GlobalAvgPool2d)",
          "@From(\"nowhere\") @$1"), "unknown name");
      case 1 -> replace(at, f.replaceFirst("@(Dense|Conv2d|MaxPool2d|AvgPool2d|GlobalAvgPool2d)",
          "@From(\"" + name(fields.get(fields.size() - 1)) + "\") @$1"), "forward or self reference");
      case 2 -> insert(at, field("@Dense(units = 3)"), "a layer nothing reads");
      default -> replace(at, f.replaceFirst("filters = [0-9]+", "filters = 7")
          .replaceFirst("units = [0-9]+", "units = 11"), "a merge of two shapes");
    };
  }

  /** The name a field declares. */
  private static String name(String field) {
    return field.substring(field.indexOf(" Layer ") + 7, field.length() - 1);
  }

  private String inputExtras() {
    return maybe(4, " @Dropout(keep = " + keep() + dropoutMode() + ")")
        + maybe(5, " @GaussianNoise(" + (between(1, 5) / 10.0) + ")");
  }

  private String dense(int units) {
    return "@Dense(units = " + units + maybe(5, ", bias = false") + ")";
  }

  private String denseExtras() {
    String norm = switch (random.nextInt(8)) {
      case 0 -> " @BatchNorm" + normArguments(true);
      case 1 -> " @LayerNorm" + normArguments(false);
      default -> "";
    };
    return maybe(4, activation()) + norm + maybe(4, " @Dropout(keep = " + keep() + dropoutMode() + ")")
        + maybe(6, " @GaussianNoise(0.1)") + maybe(8, " @Decay(0.5)");
  }

  private String convolution() {
    int filters = between(1, 4);
    String conv = "@Conv2d(filters = " + filters + ", kernel = " + between(1, 3)
        + maybe(3, ", stride = 2") + maybe(3, ", padding = 1") + maybe(8, ", dilation = 2") + ")";
    String norm = switch (random.nextInt(8)) {
      case 0 -> " @BatchNorm" + normArguments(true);
      case 1 -> " @InstanceNorm" + normArguments(false);
      case 2 -> " @GroupNorm(" + divisorOf(filters) + ")";
      default -> "";
    };
    return conv + maybe(3, activation()) + norm + maybe(5, " @Dropout(keep = " + keep() + ")");
  }

  private String pool() {
    return switch (random.nextInt(3)) {
      case 0 -> "@MaxPool2d(2)";
      case 1 -> "@AvgPool2d(" + between(1, 2) + ")";
      default -> "@GlobalAvgPool2d";
    } + maybe(6, " @Dropout(keep = 0.8)");
  }

  private String normArguments(boolean batch) {
    List<String> arguments = new ArrayList<>();
    if (random.nextInt(3) == 0) {
      arguments.add("placement = NormPlacement.AFTER_ACTIVATION");
    }
    if (batch && random.nextInt(3) == 0) {
      arguments.add("runningStats = RunningStats.CUMULATIVE");
    }
    return arguments.isEmpty() ? "" : "(" + String.join(", ", arguments) + ")";
  }

  private String activation() {
    String[] all = {"IDENTITY", "RELU", "LEAKY_RELU", "TANH", "SIGMOID"};
    String a = all[random.nextInt(all.length)];
    return " @Activation(" + (a.equals("LEAKY_RELU") ? "value = Nonlinearity.LEAKY_RELU, slope = 0.2"
        : "Nonlinearity." + a) + ")";
  }

  private String dropoutMode() {
    return random.nextInt(3) == 0 ? ", mode = DropoutMode.CLASSIC" : "";
  }

  private String keep() {
    return Double.toString(between(5, 9) / 10.0);
  }

  // ---- mistakes: each must be an error on the model's own file ----

  private String mistake() {
    int layer = between(1, fields.size() - 1);
    String f = fields.get(layer);
    return switch (random.nextInt(10)) {
      case 0 -> replace(layer, f.replaceFirst("keep = [0-9.]+", "keep = 1.5"), "keep 1.5");
      case 1 -> replace(layer, f.replaceFirst("units = [0-9]+", "units = 0"), "units 0");
      case 2 -> insert(layer, field("@Conv2d(filters = 2, kernel = 2)"), "a convolution");
      case 3 -> replace(layer, f.replaceFirst("kernel = [0-9]+", "kernel = 9"), "kernel 9");
      case 4 -> replace(layer, f.replace(" Layer ", " static Layer "), "static");
      case 5 -> replace(layer, f.replace(" Layer ", " String "), "String field");
      case 6 -> replace(0, fields.get(0).replaceFirst("@Input\\([^)]*\\)", ""), "no input");
      case 7 -> insert(layer, field("@Input(3)"), "second input");
      case 8 -> replace(layer, f.replaceFirst("units = [0-9]+", "units = 100_000_000"), "huge layer");
      default -> insert(layer, field("@MaxPool2d(4) @Dense(units = 2)"), "two kinds");
    };
  }

  private String replace(int index, String field, String mistake) {
    fields.set(index, field);
    return mistake;
  }

  private String insert(int index, String field, String mistake) {
    fields.add(index, field);
    return mistake;
  }

  // ---- names ----

  private String field(String annotations) {
    return "  " + annotations + " Layer " + name() + ";";
  }

  /** A name not used yet in this model: close to a generated name, a case twin, or random. */
  private String name() {
    while (true) {
      String candidate = switch (random.nextInt(3)) {
        case 0 -> CLOSE_NAMES.get(random.nextInt(CLOSE_NAMES.size()));
        case 1 -> names.isEmpty() ? identifier() : caseTwin(names.iterator().next());
        default -> identifier();
      };
      if (names.add(candidate)) {
        return candidate;
      }
    }
  }

  private String caseTwin(String name) {
    return random.nextBoolean() ? name.toUpperCase(Locale.ROOT)
        : Character.isUpperCase(name.charAt(0))
            ? Character.toLowerCase(name.charAt(0)) + name.substring(1)
            : Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  private String identifier() {
    String letters = "abhxyzABHXYZ_$";
    StringBuilder b = new StringBuilder();
    b.append(letters.charAt(random.nextInt(letters.length())));
    int more = between(0, 4);
    for (int i = 0; i < more; i++) {
      b.append((letters + "0123456789").charAt(random.nextInt(letters.length() + 10)));
    }
    String s = b.toString();
    return s.equals("_") || javax.lang.model.SourceVersion.isKeyword(s) ? s + "1" : s;
  }

  // ---- numbers ----

  private int between(int low, int high) {
    return low + random.nextInt(high - low + 1);
  }

  /** One in {@code n}: {@code text}, else nothing. */
  private String maybe(int n, String text) {
    return random.nextInt(n) == 0 ? text : "";
  }

  private int divisorOf(int n) {
    List<Integer> divisors = new ArrayList<>();
    for (int d = 1; d <= n; d++) {
      if (n % d == 0) {
        divisors.add(d);
      }
    }
    return divisors.get(random.nextInt(divisors.size()));
  }
}
