package dev.lamina.examples;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The launcher's {@code --name value} options and bare {@code --flag}s, checked as they are read:
 * a command reads the ones it takes, and {@link #requireAllUsed} refuses the rest, so a flag
 * belongs to the commands that read it. A value never starts with {@code --}.
 */
final class Options {
  private final String command;
  private final Map<String, String> values = new LinkedHashMap<>();
  private final Set<String> flags = new LinkedHashSet<>();

  Options(String command, List<String> args) {
    this.command = command;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (!a.startsWith("--")) {
        throw new UsageException("unexpected argument '" + a + "'; options start with --");
      }
      if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
        values.put(a, args.get(++i));
      } else {
        flags.add(a);
      }
    }
  }

  /** Whether the flag {@code name} was given; it takes no value. */
  boolean flag(String name) {
    if (values.containsKey(name)) {
      throw new UsageException(name + " takes no value, got '" + values.get(name) + "'");
    }
    return flags.remove(name);
  }

  int integer(String name, int fallback) {
    String v = value(name);
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
    String v = value(name);
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
    String v = value(name);
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
    String v = value(name);
    return v == null ? fallback : v;
  }

  Optional<Path> path(String name) {
    return Optional.ofNullable(value(name)).map(Path::of);
  }

  /** The value given for {@code name}, or null when it was not given. */
  private String value(String name) {
    if (flags.contains(name)) {
      throw new UsageException(name + " needs a value, e.g. " + name + " 10");
    }
    return values.remove(name);
  }

  /** Fails on any option or flag the command did not read. */
  void requireAllUsed() {
    String unread = values.isEmpty() ? flags.stream().findFirst().orElse(null)
        : values.keySet().iterator().next();
    if (unread != null) {
      throw new UsageException("unknown option " + unread + "; see bin/lamina " + command
          + " --help");
    }
  }

  static final class UsageException extends RuntimeException {
    UsageException(String message) {
      super(message);
    }
  }
}
