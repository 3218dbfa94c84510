package dev.lamina.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds data files in a directory: {@code name} uncompressed, else {@code name.gz}. */
final class DataFiles {
  private DataFiles() {}

  /** {@code directory/name} if it is a file, else {@code directory/name.gz} if that is one. */
  static Optional<Path> find(Path directory, String name) {
    for (String candidate : List.of(name, name + ".gz")) {
      Path file = directory.resolve(candidate);
      if (Files.isRegularFile(file)) {
        return Optional.of(file);
      }
    }
    return Optional.empty();
  }

  /** The {@code names} that {@link #find} does not find in {@code directory}. */
  static List<String> missing(Path directory, List<String> names) {
    List<String> missing = new ArrayList<>();
    for (String name : names) {
      if (find(directory, name).isEmpty()) {
        missing.add(name);
      }
    }
    return missing;
  }

  /** Why {@code directory} does not hold all {@code names}, or "has all files". */
  static String status(Path directory, List<String> names) {
    if (!Files.exists(directory)) {
      return "does not exist";
    }
    if (!Files.isDirectory(directory)) {
      return "is not a directory";
    }
    List<String> missing = missing(directory, names);
    if (missing.isEmpty()) {
      return "has all files";
    }
    if (missing.size() == names.size()) {
      return "has none of the files";
    }
    return "lacks " + String.join("[.gz], ", missing) + "[.gz]";
  }
}
