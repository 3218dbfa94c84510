package dev.lamina.data;

import dev.lamina.io.AtomicFiles;
import dev.lamina.io.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fitted {@link TableEncoder} as a small JSON file, so that a program that only predicts encodes
 * raw rows exactly as training did: the feature columns with their categories and fill values,
 * the target's class names, the missing-value strategy and markers. The same JSON can travel
 * inside a model file's header, as its attachment {@link #ATTACHMENT}.
 */
final class TableEncoderFile {
  static final String FORMAT = "lamina.table-encoder";
  static final long VERSION = 1;
  /** The name of the model file attachment that holds the encoder's JSON. */
  static final String ATTACHMENT = "table_encoder";

  private TableEncoderFile() {}

  static void save(TableEncoder encoder, Path file) throws IOException {
    AtomicFiles.write(file, (json(encoder) + "\n").getBytes(StandardCharsets.UTF_8));
  }

  static TableEncoder load(Path file) throws IOException {
    return parse(Files.readString(file, StandardCharsets.UTF_8), file);
  }

  /** The encoder as one line of JSON. */
  static String json(TableEncoder encoder) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("format", FORMAT);
    root.put("version", VERSION);
    List<Object> columns = new ArrayList<>();
    for (FeatureColumn column : encoder.columns()) {
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("name", column.name());
      c.put("index", column.index());
      switch (column) {
        case FeatureColumn.Numeric n -> {
          c.put("kind", "numeric");
          c.put("has_fill", n.hasFill());
          c.put("fill", (double) n.fill());
        }
        case FeatureColumn.Categorical k -> {
          c.put("kind", "categorical");
          c.put("categories", List.copyOf(k.categories()));
          c.put("has_fill", k.hasFill());
          c.put("fill", k.fill());
        }
      }
      columns.add(c);
    }
    root.put("columns", columns);
    root.put("target_kind", encoder.kind().name());
    List<Object> targets = new ArrayList<>();
    for (TableEncoder.TargetColumn t : encoder.targets()) {
      Map<String, Object> target = new LinkedHashMap<>();
      target.put("name", t.name());
      target.put("index", t.index());
      target.put("class_names", List.copyOf(t.classNames()));
      target.put("classes", t.classes());
      target.put("by_name", t.byName());
      targets.add(target);
    }
    root.put("targets", targets);
    root.put("missing", encoder.missing().strategy().name());
    root.put("missing_constant", (double) encoder.missing().constant());
    root.put("allow_non_finite", encoder.allowsNonFinite());
    root.put("missing_markers", encoder.missingMarkers().stream().sorted().toList());
    return Json.write(root);
  }

  /** The encoder {@link #json} wrote, read from {@code file}. */
  static TableEncoder parse(String text, Path file) throws DataFormatException {
    try {
      Map<?, ?> root = (Map<?, ?>) Json.parse(text);
      if (!FORMAT.equals(root.get("format"))) {
        throw new DataFormatException(file, "expected a table encoder file (\"format\": \""
            + FORMAT + "\", written by TableEncoder.save), found format " + root.get("format"));
      }
      if (((Number) root.get("version")).longValue() > VERSION) {
        throw new DataFormatException(file, "was written by a newer Lamina (table encoder"
            + " version " + root.get("version") + "); this one reads version " + VERSION);
      }
      List<FeatureColumn> columns = new ArrayList<>();
      for (Object o : (List<?>) root.get("columns")) {
        Map<?, ?> c = (Map<?, ?>) o;
        String name = (String) c.get("name");
        int index = ((Number) c.get("index")).intValue();
        boolean hasFill = (Boolean) c.get("has_fill");
        columns.add("categorical".equals(c.get("kind"))
            ? new FeatureColumn.Categorical(name, index, strings(c.get("categories")), hasFill,
                ((Number) c.get("fill")).intValue())
            : new FeatureColumn.Numeric(name, index, hasFill,
                ((Number) c.get("fill")).floatValue()));
      }
      List<TableEncoder.TargetColumn> targets = new ArrayList<>();
      for (Object o : (List<?>) root.get("targets")) {
        Map<?, ?> t = (Map<?, ?>) o;
        targets.add(new TableEncoder.TargetColumn((String) t.get("name"),
            ((Number) t.get("index")).intValue(), strings(t.get("class_names")),
            ((Number) t.get("classes")).intValue(), (Boolean) t.get("by_name")));
      }
      Dataset.TargetKind kind = Dataset.TargetKind.valueOf((String) root.get("target_kind"));
      Missing missing = new Missing(Missing.Strategy.valueOf((String) root.get("missing")),
          ((Number) root.get("missing_constant")).floatValue());
      return new TableEncoder(columns, kind, targets, missing, (Boolean) root.get("allow_non_finite"),
          java.util.Set.copyOf(strings(root.get("missing_markers"))));
    } catch (ClassCastException | NullPointerException | IllegalArgumentException e) {
      throw new DataFormatException(file, "is not a valid table encoder file (" + e + ");"
          + " write it with TableEncoder.save", e);
    }
  }

  private static List<String> strings(Object list) {
    return ((List<?>) list).stream().map(String.class::cast).toList();
  }
}
