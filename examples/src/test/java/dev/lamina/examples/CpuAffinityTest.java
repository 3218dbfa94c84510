package dev.lamina.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * On Linux, the calling thread is held to one CPU and then let go, as /proc shows it, by itself
 * and around each window of a pinned side.
 */
class CpuAffinityTest {
  private static final Path STATUS = Path.of("/proc/thread-self/status");

  @Test
  void holdsTheCallingThreadToOneCpuAndLetsItGo() throws Exception {
    assumeTrue(Files.isReadable(STATUS), "Linux only");
    String before = allowed();
    Optional<CpuAffinity> pin = CpuAffinity.pinToFirstCpu();
    assumeTrue(pin.isPresent(), "sched_setaffinity refused here");
    try (CpuAffinity held = pin.get()) {
      assertEquals(Integer.toString(held.cpu()), allowed());
      assertEquals(before.split("[-,]")[0], allowed(), "the first CPU of " + before);
    }
    assertEquals(before, allowed());
  }

  @Test
  void aPinnedSideTakesEachWindowOnTheFirstCpu() throws Exception {
    assumeTrue(Files.isReadable(STATUS), "Linux only");
    String before = allowed();
    Optional<Integer> first = CpuAffinity.firstCpu();
    assumeTrue(first.isPresent(), "sched_setaffinity refused here");
    assertEquals(before, allowed(), "firstCpu() lets the thread go again");
    String[] during = new String[1];
    LaminaMeter.Side side = CpuAffinity.pinned(seconds -> {
      try {
        during[0] = allowed();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      return 7.0;
    });
    assertEquals(7.0, side.rate(0.1));
    assertEquals(Integer.toString(first.get()), during[0], "the window's CPUs");
    assertEquals(before, allowed(), "after the window");
  }

  private static String allowed() throws Exception {
    return Files.readAllLines(STATUS).stream().filter(l -> l.startsWith("Cpus_allowed_list:"))
        .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElseThrow();
  }
}
