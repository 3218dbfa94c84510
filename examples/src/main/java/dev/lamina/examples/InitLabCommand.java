package dev.lamina.examples;

import dev.lamina.io.AtomicFiles;
import dev.lamina.report.PngFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bin/lamina init-lab}: the classic initialization experiment ({@link InitLab}). Prints the
 * standard deviation and saturated fraction of every layer's activations, and writes one PNG of
 * the ten layers' histograms per pair, an overview grid and the full table.
 */
final class InitLabCommand implements Command {
  @Override
  public String name() {
    return "init-lab";
  }

  @Override
  public String summary() {
    return "how initialization decides whether activations vanish, saturate or stay alive";
  }

  @Override
  public String usage() {
    return "  --seed N      seed of the input and of every layer's weights (default 1)\n"
        + "  --out DIR     where the PNGs and the table go (default init-lab)";
  }

  @Override
  public Map<String, Object> run(Options options, PrintStream out) throws Exception {
    long seed = options.longValue("--seed", 1);
    Path dir = options.path("--out").orElse(Path.of("init-lab"));
    options.requireAllUsed();
    Outputs.checkDirectory("--out", dir);
    System.setProperty("java.awt.headless", "true");

    out.printf(Locale.ROOT, "%d samples × %d features from N(0, 1) through %d dense layers of "
        + "width %d without biases, seed %d%n", InitLab.SAMPLES, InitLab.WIDTH, InitLab.DEPTH,
        InitLab.WIDTH, seed);
    out.println("xavier: std sqrt(1/fan_in) (= sqrt(2/(fan_in + fan_out)) here); he: sqrt(2/fan_in)");
    List<InitLab.Run> runs = InitLab.run(seed);
    out.println();
    out.print(table(runs, "std of the activations", s -> fixed(s.std())));
    out.println();
    out.print(table(runs, "saturated fraction (tanh |a| > 0.99, sigmoid a < 0.01 or > 0.99, "
        + "relu a = 0)", s -> String.format(Locale.ROOT, "%.3f", s.saturatedFraction())));

    List<Path> written = new ArrayList<>();
    for (InitLab.Run run : runs) {
      Path file = dir.resolve("init-lab-" + run.pair().activationName() + "-" + run.pair().init()
          + ".png");
      PngFiles.write(InitLabCharts.pair(run), file);
      written.add(file);
    }
    Path overview = dir.resolve("init-lab-overview.png");
    PngFiles.write(InitLabCharts.overview(runs), overview);
    Path table = dir.resolve("init-lab-table.txt");
    AtomicFiles.write(table, fullTable(runs).getBytes(StandardCharsets.UTF_8));
    out.printf("%nwrote %d charts, %s and %s%n", written.size(), overview, table);

    List<Map<String, Object>> rows = new ArrayList<>();
    for (InitLab.Run run : runs) {
      for (InitLab.LayerStats s : run.layers()) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("activation", run.pair().activationName());
        row.put("init", run.pair().init());
        row.put("layer", s.layer());
        row.put("mean", s.mean());
        row.put("std", s.std());
        row.put("saturated_frac", s.saturatedFraction());
        rows.add(row);
      }
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("rows", rows);
    return json;
  }

  /** One line per pair, one column per layer. */
  static String table(List<InitLab.Run> runs, String title,
      java.util.function.Function<InitLab.LayerStats, String> cell) {
    StringBuilder s = new StringBuilder(title).append('\n');
    s.append(String.format(Locale.ROOT, "%-9s %-12s", "", "layer"));
    for (int l = 1; l <= InitLab.DEPTH; l++) {
      s.append(String.format(Locale.ROOT, " %9d", l));
    }
    s.append('\n');
    for (InitLab.Run run : runs) {
      s.append(String.format(Locale.ROOT, "%-9s %-12s", run.pair().activationName(),
          run.pair().init()));
      for (InitLab.LayerStats stats : run.layers()) {
        s.append(String.format(Locale.ROOT, " %9s", cell.apply(stats)));
      }
      s.append('\n');
    }
    return s.toString();
  }

  /** Every number, one row per pair and layer, as the --json rows. */
  static String fullTable(List<InitLab.Run> runs) {
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%-9s %-12s %5s %14s %14s %9s%n",
        "activation", "init", "layer", "mean", "std", "saturated"));
    for (InitLab.Run run : runs) {
      for (InitLab.LayerStats l : run.layers()) {
        s.append(String.format(Locale.ROOT, "%-9s %-12s %5d %14.6g %14.6g %9.4f%n",
            run.pair().activationName(), run.pair().init(), l.layer(), l.mean(), l.std(),
            l.saturatedFraction()));
      }
    }
    return s.toString();
  }

  /** 0.123, 1.23e-05, 2.80e+08: three significant digits in nine characters. */
  static String fixed(double v) {
    return v != 0 && (Math.abs(v) < 1e-3 || Math.abs(v) >= 1e4)
        ? String.format(Locale.ROOT, "%.2e", v) : String.format(Locale.ROOT, "%.3g", v);
  }
}
