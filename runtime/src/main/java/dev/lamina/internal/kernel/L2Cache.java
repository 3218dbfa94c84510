package dev.lamina.internal.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * The size of one core's L2 cache, which sets how {@link Gemm} blocks long sums: read once from
 * Linux's sysfs ({@code /sys/devices/system/cpu/cpu0/cache/index*}); where a virtual machine
 * leaves that out, from {@code /proc/cpuinfo} on AMD cores (whose "cache size" is a core's L2;
 * Intel's is the L3); else 1 MiB. The system property {@code lamina.l2Bytes} ("2M") overrides it.
 */
final class L2Cache {
  /** What is assumed when nothing says: the L2 of the cores the blocking was first measured on. */
  static final long DEFAULT_BYTES = 1 << 20;
  /** The system property that overrides what is read. */
  static final String PROPERTY = "lamina.l2Bytes";
  private static final Path SYSFS = Path.of("/sys/devices/system/cpu/cpu0/cache");
  private static final Path CPUINFO = Path.of("/proc/cpuinfo");

  /** An L2 size and where it was read. */
  record Size(long bytes, String source) {}

  /** This machine's, read when Gemm is first used. */
  static final Size SIZE = detect();

  private L2Cache() {}

  private static Size detect() {
    String property = System.getProperty(PROPERTY);
    if (property != null) {
      return new Size(fromProperty(property), PROPERTY);
    }
    OptionalLong sysfs = fromSysfs(SYSFS);
    if (sysfs.isPresent()) {
      return new Size(sysfs.getAsLong(), "sysfs");
    }
    try {
      OptionalLong cpuinfo = fromCpuinfo(Files.readAllLines(CPUINFO));
      if (cpuinfo.isPresent()) {
        return new Size(cpuinfo.getAsLong(), "/proc/cpuinfo");
      }
    } catch (IOException | RuntimeException e) {
      // not Linux, or not readable: the default below
    }
    return new Size(DEFAULT_BYTES, "default");
  }

  /**
   * The value of {@value #PROPERTY}: bytes, or with K or M ("1048576", "1024K", "1M").
   *
   * @throws IllegalArgumentException naming the property, if it is none of these or not positive
   */
  static long fromProperty(String value) {
    return parseSize(value).orElseThrow(() -> new IllegalArgumentException(PROPERTY + " must be"
        + " the L2 cache size of one core, as bytes or with K or M (1048576, 1024K, 1M); got \""
        + value + "\""));
  }

  /** The size of the level-2 data or unified cache among {@code dir}'s index* entries. */
  static OptionalLong fromSysfs(Path dir) {
    try (var entries = Files.list(dir)) {
      for (Path index : entries.filter(p -> p.getFileName().toString().startsWith("index"))
          .sorted().toList()) {
        String type = Files.readString(index.resolve("type")).strip();
        if (Files.readString(index.resolve("level")).strip().equals("2")
            && !type.equals("Instruction")) {
          return parseSize(Files.readString(index.resolve("size")));
        }
      }
    } catch (IOException | RuntimeException e) {
      // absent (as in some virtual machines) or unreadable
    }
    return OptionalLong.empty();
  }

  /** The "cache size" of an AMD core's /proc/cpuinfo entry, which is its L2; none for others. */
  static OptionalLong fromCpuinfo(List<String> lines) {
    boolean amd = lines.stream()
        .anyMatch(l -> l.startsWith("vendor_id") && l.contains("AuthenticAMD"));
    if (!amd) {
      return OptionalLong.empty();
    }
    return lines.stream().filter(l -> l.startsWith("cache size")).findFirst()
        .map(l -> parseSize(l.substring(l.indexOf(':') + 1))).orElse(OptionalLong.empty());
  }

  /** "1024K", "1024 KB", "2M", "524288": bytes; empty if it is none of these. */
  static OptionalLong parseSize(String text) {
    String s = text.strip().toUpperCase(Locale.ROOT).replace(" ", "").replace("B", "");
    long unit = s.endsWith("K") ? 1 << 10 : s.endsWith("M") ? 1 << 20 : 1;
    String digits = unit == 1 ? s : s.substring(0, s.length() - 1);
    try {
      long value = Long.parseLong(digits) * unit;
      return value > 0 ? OptionalLong.of(value) : OptionalLong.empty();
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }
}
