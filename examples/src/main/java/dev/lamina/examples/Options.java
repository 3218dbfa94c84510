package dev.lamina.examples;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The launcher's {@code --name value} options and {@code --flag}s, checked as they are read. */
final class Options {
  private static final List<String> FLAGS = List.of("--json", "--help", "--no-pytorch");
  private final Map<String, String> values = new HashMap<>();
  private final java.util.Set<String> flags = new java.util.HashSet<>();

  Options(List<String> args) {
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (!a.startsWith("--")) {
        throw new UsageException("unexpected argument '" + a + "'; options start with --");
      }
      if (FLAGS.contains(a)) {
        flags.add(a);
      } else if (i + 1 < args.size()) {
        values.put(a, args.get(++i));
      } else {
        throw new UsageException(a + " needs a value, e.g. " + a + " 10");
      }
    }
  }

  boolean flag(String name) {
    return flags.contains(name);
  }

  int integer(String name, int fallback) {
    String v = values.remove(name);
    if (v == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new UsageException(name + " must be an integer, got '" + v + "'");
    }
  }

  long longValue(String name, long fallback) {
    String v = values.remove(name);
    if (v == null) {
      return fallback;
    }
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new UsageException(name + " must be an integer, got '" + v + "'");
    }
  }

  double number(String name, double fallback) {
    String v = values.remove(name);
    if (v == null) {
      return fallback;
    }
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new UsageException(name + " must be a number, got '" + v + "'");
    }
  }

  String string(String name, String fallback) {
    String v = values.remove(name);
    return v == null ? fallback : v;
  }

  Optional<Path> path(String name) {
    return Optional.ofNullable(values.remove(name)).map(Path::of);
  }

  /** Fails on any option the command did not read. */
  void requireAllUsed() {
    if (!values.isEmpty()) {
      throw new UsageException("unknown option " + values.keySet().iterator().next()
          + "; see bin/lamina --help");
    }
  }

  static final class UsageException extends RuntimeException {
    UsageException(String message) {
      super(message);
    }
  }
}
