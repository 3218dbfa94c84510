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
 * belongs to the commands that read it. A value never starts with {@code --}. Each option may be
 * given once, and each number is checked against its range as it is read, so that a command that
 * reads its options first refuses a mistake before it loads or trains anything.
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
      if (values.containsKey(a) || flags.contains(a)) {
        throw new UsageException(a + " is given twice; give it once");
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

  /** An integer of any value; {@link #integer(String, int, int)} for one with a lower bound. */
  int integer(String name, int fallback) {
    return integer(name, fallback, Integer.MIN_VALUE, Integer.MAX_VALUE);
  }

  /** An integer of at least {@code min}, e.g. 1 for a count of epochs, rows or threads. */
  int integer(String name, int fallback, int min) {
    return integer(name, fallback, min, Integer.MAX_VALUE);
  }

  /** An integer in [{@code min}, {@code max}]. */
  int integer(String name, int fallback, int min, int max) {
    String v = value(name);
    if (v == null) {
      return fallback;
    }
    long parsed = parseLong(name, v);
    if (parsed < min || parsed > max) {
      throw new UsageException(name + " must be " + range(min, max) + ", got " + v);
    }
    return (int) parsed;
  }

  long longValue(String name, long fallback) {
    String v = value(name);
    return v == null ? fallback : parseLong(name, v);
  }

  /** A finite number: NaN and infinities are refused. */
  double number(String name, double fallback) {
    return number(name, fallback, Double.NEGATIVE_INFINITY);
  }

  /** A finite number above {@code exclusiveMin}, e.g. 0 for a learning rate or a duration. */
  double number(String name, double fallback, double exclusiveMin) {
    String v = value(name);
    if (v == null) {
      return fallback;
    }
    double parsed;
    try {
      parsed = Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new UsageException(name + " must be a number, got '" + v + "'");
    }
    if (!Double.isFinite(parsed)) {
      throw new UsageException(name + " must be a finite number, got " + v);
    }
    if (!(parsed > exclusiveMin)) {
      throw new UsageException(name + " must be > " + plain(exclusiveMin) + ", got " + v);
    }
    return parsed;
  }

  private static long parseLong(String name, String v) {
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new UsageException(name + " must be an integer, got '" + v + "'");
    }
  }

  private static String range(int min, int max) {
    return max == Integer.MAX_VALUE ? ">= " + min : "in [" + min + ", " + max + "]";
  }

  private static String plain(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
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
