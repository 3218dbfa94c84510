package dev.lamina.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.ensemble.cluster.BaggingCluster;
import dev.lamina.nn.Network;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The public top-level types of {@code lamina-runtime} and {@code lamina-cluster}, counted per
 * package from their compiled classes, against the table in {@code docs/architecture.md}: the
 * documented size of the API is computed, never typed by hand. On a mismatch the message holds
 * the table to paste between the markers.
 */
class PublicTypesTest {
  private static final Path DOC = Path.of("..", "docs", "architecture.md");
  private static final String BEGIN = "<!-- public-types: written by PublicTypesTest -->";
  private static final String END = "<!-- /public-types -->";

  @Test
  void architectureDocListsEachPackagesPublicTypes() throws Exception {
    Map<String, Integer> runtime = publicTypesByPackage(location(Network.class));
    Map<String, Integer> cluster = publicTypesByPackage(location(BaggingCluster.class));
    assertTrue(runtime.containsKey("dev.lamina.nn") && cluster.containsKey(
        "dev.lamina.ensemble.cluster"), "found " + runtime + " and " + cluster);

    String expected = table(runtime, cluster);
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    int begin = doc.indexOf(BEGIN);
    int end = doc.indexOf(END);
    assertTrue(begin >= 0 && end > begin, DOC + " lacks the markers " + BEGIN + " and " + END);
    String actual = doc.substring(begin + BEGIN.length(), end).strip();
    assertEquals(expected, actual, DOC + ": the public-type table is stale; put this between the "
        + "markers:\n" + expected + "\n");
  }

  /** The table of the doc: one row per package, internal ones marked, then the totals. */
  private static String table(Map<String, Integer> runtime, Map<String, Integer> cluster) {
    List<String> rows = new ArrayList<>(List.of(
        "| artifact | package | public top-level types |", "| --- | --- | --- |"));
    int[] api = new int[2];
    int[] internal = new int[2];
    addRows(rows, "lamina-runtime", runtime, api, internal, 0);
    addRows(rows, "lamina-cluster", cluster, api, internal, 1);
    rows.add("");
    rows.add(String.format("%d API types in `lamina-runtime` and %d in `lamina-cluster`; %d in "
        + "`lamina-runtime`'s internal packages.", api[0], api[1], internal[0] + internal[1]));
    return String.join("\n", rows);
  }

  private static void addRows(List<String> rows, String artifact, Map<String, Integer> counts,
      int[] api, int[] internal, int index) {
    counts.forEach((pkg, n) -> {
      boolean isInternal = pkg.startsWith("dev.lamina.internal");
      rows.add("| `" + artifact + "` | `" + pkg + "`" + (isInternal ? " (internal)" : "") + " | "
          + n + " |");
      (isInternal ? internal : api)[index] += n;
    });
  }

  /** The class directory or jar a class was loaded from. */
  private static Path location(Class<?> type) throws URISyntaxException {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  /** Public top-level classes, interfaces, records, enums and annotations, per package. */
  private static Map<String, Integer> publicTypesByPackage(Path classes) throws IOException,
      ClassNotFoundException {
    Map<String, Integer> counts = new TreeMap<>();
    try (FileSystem jar = Files.isDirectory(classes) ? null : FileSystems.newFileSystem(classes)) {
      Path root = jar == null ? classes : jar.getPath("/");
      List<String> names;
      try (Stream<Path> files = Files.walk(root)) {
        names = files.map(p -> root.relativize(p).toString())
            .filter(n -> n.endsWith(".class") && !n.contains("$") && !n.startsWith("META-INF")
                && !n.endsWith("package-info.class") && !n.endsWith("module-info.class"))
            .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
            .toList();
      }
      for (String name : names) {
        Class<?> type = Class.forName(name, false, PublicTypesTest.class.getClassLoader());
        if (Modifier.isPublic(type.getModifiers())) {
          counts.merge(type.getPackageName(), 1, Integer::sum);
        }
      }
    }
    return counts;
  }
}
