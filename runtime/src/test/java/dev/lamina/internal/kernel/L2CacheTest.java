package dev.lamina.internal.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where Gemm's blocking learns the L2 size: sysfs, AMD's /proc/cpuinfo, and their formats. */
class L2CacheTest {
  @Test
  void sysfsGivesTheLevel2DataOrUnifiedCache(@TempDir Path dir) throws IOException {
    index(dir, "index0", "1", "Data", "48K");
    index(dir, "index1", "1", "Instruction", "32K");
    index(dir, "index2", "2", "Unified", "1024K");
    index(dir, "index3", "3", "Unified", "32768K");
    assertEquals(OptionalLong.of(1 << 20), L2Cache.fromSysfs(dir));
  }

  @Test
  void noSysfsEntriesGiveNothing(@TempDir Path dir) {
    assertEquals(OptionalLong.empty(), L2Cache.fromSysfs(dir.resolve("absent")));
    assertEquals(OptionalLong.empty(), L2Cache.fromSysfs(dir));
  }

  @Test
  void cpuinfoCountsOnlyOnAmd() {
    List<String> amd = List.of("processor\t: 0", "vendor_id\t: AuthenticAMD",
        "model name\t: AMD EPYC", "cache size\t: 1024 KB");
    List<String> intel = List.of("processor\t: 0", "vendor_id\t: GenuineIntel",
        "cache size\t: 36864 KB"); // Intel's is the L3
    assertEquals(OptionalLong.of(1 << 20), L2Cache.fromCpuinfo(amd));
    assertEquals(OptionalLong.empty(), L2Cache.fromCpuinfo(intel));
  }

  @Test
  void sizesInEachFormat() {
    assertEquals(OptionalLong.of(1 << 20), L2Cache.parseSize("1024K\n"));
    assertEquals(OptionalLong.of(2 << 20), L2Cache.parseSize(" 2048 KB"));
    assertEquals(OptionalLong.of(2 << 20), L2Cache.parseSize("2M"));
    assertEquals(OptionalLong.of(524288), L2Cache.parseSize("524288"));
    assertEquals(OptionalLong.empty(), L2Cache.parseSize("lots"));
    assertEquals(OptionalLong.empty(), L2Cache.parseSize("0K"));
  }

  @Test
  void thePropertyTakesTheSameFormatsAndRefusesOthersByName() {
    assertEquals(2 << 20, L2Cache.fromProperty("2M"));
    assertEquals(1 << 20, L2Cache.fromProperty("1048576"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> L2Cache.fromProperty("big"));
    assertEquals("lamina.l2Bytes must be the L2 cache size of one core, as bytes or with K or M"
        + " (1048576, 1024K, 1M); got \"big\"", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> L2Cache.fromProperty("-1"));
  }

  @Test
  void thisMachinesSizeIsPositiveAndNamesItsSource() {
    L2Cache.Size size = L2Cache.SIZE;
    assertTrue(size.bytes() > 0, size.toString());
    assertTrue(List.of("lamina.l2Bytes", "sysfs", "/proc/cpuinfo", "default")
        .contains(size.source()), size.toString());
  }

  private static void index(Path dir, String name, String level, String type, String size)
      throws IOException {
    Path index = Files.createDirectories(dir.resolve(name));
    Files.writeString(index.resolve("level"), level + "\n");
    Files.writeString(index.resolve("type"), type + "\n");
    Files.writeString(index.resolve("size"), size + "\n");
  }
}
