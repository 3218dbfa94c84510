package dev.lamina.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** On Linux, the calling thread is held to one CPU and then let go, as /proc shows it. */
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

  private static String allowed() throws Exception {
    return Files.readAllLines(STATUS).stream().filter(l -> l.startsWith("Cpus_allowed_list:"))
        .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElseThrow();
  }
}
