package dev.lamina.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.data.Dataset;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A JVM started without {@code --add-modules jdk.incubator.vector} stops at the first Lamina class
 * a program touches before its network with one line that says what to add, not with a
 * NoClassDefFoundError. Each case starts such a JVM on this test's class path.
 */
class VectorApiCheckTest {
  /** Started in a child JVM: touches Dataset, as a program that loads its data first does. */
  static final class LoadsData {
    public static void main(String[] args) {
      Dataset.of(new float[] {1, 2}, new int[] {0}, 2, 2);
      System.out.println("loaded");
    }
  }

  private record Run(int exit, String out, String err) {}

  private static Run java(boolean vectorModule) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    if (vectorModule) {
      command.add("--add-modules=jdk.incubator.vector");
    }
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), LoadsData.class.getName()));
    Process p = new ProcessBuilder(command).start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    // A JVM started with JDK_JAVA_OPTIONS set (e.g. -XX:UseAVX=2) says so first on stderr.
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).lines()
        .filter(line -> !line.startsWith("NOTE: Picked up JDK_JAVA_OPTIONS"))
        .collect(java.util.stream.Collectors.joining("\n"));
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the child JVM did not end");
    return new Run(p.exitValue(), out, err);
  }

  @Test
  void withoutTheModuleOneLineSaysToAddIt() throws Exception {
    Run run = java(false);

    assertEquals(1, run.exit(), run.err());
    assertEquals("Exception in thread \"main\" " + VectorApiCheck.Missing.class.getName() + ": "
        + VectorApiCheck.MESSAGE, run.err().strip(), "stderr");
    assertTrue(VectorApiCheck.MESSAGE.contains("--add-modules jdk.incubator.vector"));
    assertFalse(run.out().contains("loaded"));
  }

  @Test
  void withTheModuleTheProgramRuns() throws Exception {
    Run run = java(true);

    assertEquals(0, run.exit(), run.err());
    assertEquals("loaded", run.out().strip());
  }
}
