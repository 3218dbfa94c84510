package dev.lamina.examples;

import dev.lamina.Nonlinearity;
import dev.lamina.report.HistogramChart;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The lab's pictures: each pair's ten histograms side by side, and all twelve pairs at once. */
final class InitLabCharts {
  private InitLabCharts() {}

  /** "tanh, normal std 0.01": the ten layers' activation histograms in a row. */
  static BufferedImage pair(InitLab.Run run) {
    List<HistogramChart.Panel> panels = new ArrayList<>();
    for (InitLab.LayerStats s : run.layers()) {
      panels.add(new HistogramChart.Panel("layer " + s.layer(), note(run.pair(), s),
          s.histogram()));
    }
    String zeros = run.pair().activation() == Nonlinearity.RELU
        ? "; relu's exact zeros are not drawn, \"0s\" is their share" : "";
    return HistogramChart.row(run.pair().activationName() + ", " + describe(run.pair().init())
        + ": activations of each layer (1000 samples × 100 units" + zeros + ")", panels, 100, 90);
  }

  /** Three rows (activations) by four columns (initializers) of small histogram rows. */
  static BufferedImage overview(List<InitLab.Run> runs) {
    List<String> rows = new ArrayList<>();
    List<List<List<HistogramChart.Panel>>> cells = new ArrayList<>();
    List<List<String>> captions = new ArrayList<>();
    for (InitLab.Run run : runs) {
      if (rows.isEmpty() || !rows.get(rows.size() - 1).equals(run.pair().activationName())) {
        rows.add(run.pair().activationName());
        cells.add(new ArrayList<>());
        captions.add(new ArrayList<>());
      }
      List<HistogramChart.Panel> panels = new ArrayList<>();
      for (InitLab.LayerStats s : run.layers()) {
        panels.add(new HistogramChart.Panel("", "", s.histogram()));
      }
      cells.get(cells.size() - 1).add(panels);
      InitLab.LayerStats last = run.layers().get(run.layers().size() - 1);
      captions.get(captions.size() - 1).add(String.format(Locale.ROOT,
          "layer 10: std %s, saturated %.0f%%", InitLabCommand.fixed(last.std()),
          100 * last.saturatedFraction()));
    }
    List<String> columns = InitLab.INITS.stream().map(InitLabCharts::describe).toList();
    return HistogramChart.grid("Activations of layers 1 to 10 (left to right in each cell), "
        + "input N(0, 1), width 100", rows, columns, cells, captions, 22, 44);
  }

  static String describe(String init) {
    return switch (init) {
      case "normal_0.01" -> "normal, std 0.01";
      case "normal_1" -> "normal, std 1";
      case "xavier" -> "Xavier, std sqrt(1/fan_in)";
      case "he" -> "He, std sqrt(2/fan_in)";
      default -> init;
    };
  }

  private static String note(InitLab.Pair pair, InitLab.LayerStats s) {
    String saturated = pair.activation() == Nonlinearity.RELU ? "0s" : "sat";
    return "std " + InitLabCommand.fixed(s.std()).trim() + "\n" + saturated + " "
        + Math.round(100 * s.saturatedFraction()) + "%";
  }
}
