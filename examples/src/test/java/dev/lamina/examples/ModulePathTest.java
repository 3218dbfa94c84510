package dev.lamina.examples;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.palantir.javapoet.JavaFile;
import dev.lamina.nn.Network;
import dev.lamina.processor.LaminaProcessor;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's model, compiled with Lamina's processor and run in a fresh JVM twice: as a named module
 * that requires {@code dev.lamina} (lamina-runtime's jar, an automatic module) and the Vector API
 * (its network goes without {@code @Generated}, which it cannot see), and on the class path. The
 * two runs train the same bits. The sources are in src/test/resources/modulepath. It needs the
 * packaged jar (a directory of classes cannot be an automatic module), so it runs in {@code mvn
 * verify}, not in {@code mvn test}. About 5 s: two compilations and two JVM starts.
 */
class ModulePathTest {
  @TempDir Path dir;

  @Test
  void aModelInANamedModuleAndOnTheClassPathTrainsTheSameBits() throws Exception {
    String runtime = location(Network.class);
    assumeTrue(runtime.endsWith(".jar"), "lamina-runtime is not packaged yet: " + runtime);
    String processorPath = String.join(File.pathSeparator, location(LaminaProcessor.class),
        runtime, location(JavaFile.class));

    Path moduleOut = compile("module", true, List.of("--module-path", runtime,
        "--processor-path", processorPath));
    List<String> module = run("--module-path", moduleOut + File.pathSeparator + runtime,
        "-m", "demo/demo.Main");
    assertEquals("module demo lamina dev.lamina", module.get(0), "ran as named modules: " + module);

    Path classOut = compile("classpath", false, List.of("--add-modules", "jdk.incubator.vector",
        "--class-path", runtime, "--processor-path", processorPath));
    List<String> classPath = run("--add-modules", "jdk.incubator.vector",
        "--class-path", classOut + File.pathSeparator + runtime, "demo.Main");
    assertEquals("module null lamina null", classPath.get(0), "ran on the class path: " + classPath);

    // javax.annotation.processing is not visible to a module that does not read java.compiler
    String generated = "@Generated(";
    assertFalse(Files.readString(moduleOut.resolve("demo/TinyNet.java")).contains(generated));
    assertTrue(Files.readString(classOut.resolve("demo/TinyNet.java")).contains(generated));

    assertEquals(module.get(1), classPath.get(1), "the same training on both paths");
    double accuracy = Double.parseDouble(module.get(1).substring(module.get(1).indexOf("accuracy ") + 9));
    assertTrue(accuracy > 0.8, "Tiny learned its task: " + module.get(1));
  }

  /** Compiles the demo sources (with module-info.java when {@code modular}) into dir/name. */
  private Path compile(String name, boolean modular, List<String> paths) throws IOException {
    Path src = dir.resolve(name + "-src");
    Path out = dir.resolve(name + "-out");
    copySources(src, modular);
    Files.createDirectories(out);
    List<String> args = new ArrayList<>(paths);
    args.addAll(List.of("--release", "25", "-proc:full", "-Xlint:-incubating", "-d", out.toString()));
    try (Stream<Path> files = Files.walk(src)) {
      files.filter(f -> f.toString().endsWith(".java")).forEach(f -> args.add(f.toString()));
    }
    StringWriter log = new StringWriter();
    PrintWriter writer = new PrintWriter(log);
    int status = ToolProvider.findFirst("javac").orElseThrow()
        .run(writer, writer, args.toArray(String[]::new));
    assertEquals(0, status, "javac " + String.join(" ", args) + "\n" + log);
    return out;
  }

  private static void copySources(Path target, boolean modular) throws IOException {
    Path source;
    try {
      source = Path.of(ModulePathTest.class.getResource("/modulepath/demo/Main.java").toURI())
          .getParent().getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    try (Stream<Path> files = Files.walk(source)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        if (modular || !f.getFileName().toString().equals("module-info.java")) {
          Path copy = target.resolve(source.relativize(f).toString());
          Files.createDirectories(copy.getParent());
          Files.copy(f, copy);
        }
      }
    }
  }

  /** Runs a JVM with {@code args} and returns the lines it printed, failing unless it exits 0. */
  private List<String> run(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(List.of(args));
    Path errors = Files.createTempFile(dir, "stderr", ".txt");
    Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
    String output = new String(process.getInputStream().readAllBytes(), UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "timed out: " + command);
    assertEquals(0, process.exitValue(), String.join(" ", command) + "\n" + output
        + Files.readString(errors));
    return output.lines().toList();
  }

  private static String location(Class<?> type) throws URISyntaxException {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }
}
