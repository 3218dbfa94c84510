package dev.lamina.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.nn.VectorApiCheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A program whose first Lamina call is a generated network ({@code new FashionMlpNet(seed)}, or
 * its {@code SPEC}), started without {@code --add-modules jdk.incubator.vector}, stops with the one
 * line of {@link VectorApiCheck#MESSAGE}, not a {@code NoClassDefFoundError}: the network's vector
 * code sits in an inner class that the JVM verifies only after {@code GeneratedNetwork}'s static
 * initializer has checked. Each case starts a child JVM on this test's class path.
 */
class VectorApiMissingTest {
  /** Started in a child JVM: creates a network first, then runs one sample through it. */
  static final class CreatesNetwork {
    public static void main(String[] args) {
      FashionMlpNet net = new FashionMlpNet(42);
      float[] out = net.forwardInfer(new float[net.inputSize()], 1);
      System.out.println("outputs " + out.length);
    }
  }

  /** Started in a child JVM: reads the generated class's spec first. */
  static final class ReadsSpec {
    public static void main(String[] args) {
      System.out.println("layers " + FashionMlpNet.SPEC.layers().size());
    }
  }

  private record Run(int exit, String out, String err) {}

  private static Run java(Class<?> main, boolean vectorModule)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(
        List.of(ProcessHandle.current().info().command().orElse("java")));
    if (vectorModule) {
      command.add("--add-modules=jdk.incubator.vector");
    }
    command.addAll(List.of("-cp", System.getProperty("surefire.test.class.path",
        System.getProperty("java.class.path")), main.getName()));
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

  private static void assertOneLine(Run run) {
    assertEquals(1, run.exit(), run.err());
    assertEquals("Exception in thread \"main\" " + VectorApiCheck.Missing.class.getName() + ": "
        + VectorApiCheck.MESSAGE, run.err().strip(), "stderr");
    assertFalse(run.err().contains("NoClassDefFoundError"), run.err());
    assertEquals("", run.out(), "stdout");
  }

  @Test
  void aNetworkCreatedFirstSaysToAddTheModule() throws Exception {
    assertTrue(VectorApiCheck.MESSAGE.contains("--add-modules jdk.incubator.vector"));
    assertOneLine(java(CreatesNetwork.class, false));
  }

  @Test
  void aNetworksSpecReadFirstSaysToAddTheModule() throws Exception {
    assertOneLine(java(ReadsSpec.class, false));
  }

  @Test
  void withTheModuleTheNetworkRuns() throws Exception {
    Run run = java(CreatesNetwork.class, true);

    assertEquals(0, run.exit(), run.err());
    assertEquals("outputs 10", run.out().strip());
  }
}
