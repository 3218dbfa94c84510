package dev.lamina.processor;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/** Compiles test models with the Lamina processor, the way the build compiles the examples. */
final class LaminaCompiler {
  /**
   * JDK 25 with the Vector API module the generated code imports (without it javac reports the
   * incubator module as not visible), and the build's own lint set, so that
   * {@code succeededWithoutWarnings()} also says the generated code is lint-clean. The two lints
   * left out are the build's too: "incubating" (using jdk.incubator.vector is the point) and
   * "processing" (javac notes that no processor claimed @Model, because ours returns false so
   * that others may see it too).
   */
  static final List<String> OPTIONS = List.of(
      "--add-modules", "jdk.incubator.vector", "--release", "25",
      "-Xlint:all,-processing,-incubating");

  private LaminaCompiler() {}

  static Compilation compile(JavaFileObject... sources) {
    return Compiler.javac().withProcessors(new LaminaProcessor()).withOptions(OPTIONS).compile(sources);
  }

  /**
   * The file {@code test/<simpleName>.java}: {@code package test;}, the imports a model needs
   * ({@code dev.lamina.*} and the {@link dev.lamina.Nonlinearity} constants), then {@code lines}.
   */
  static JavaFileObject model(String simpleName, String... lines) {
    List<String> all = new ArrayList<>(List.of(
        "package test;",
        "",
        "import static dev.lamina.Nonlinearity.*;",
        "",
        "import dev.lamina.*;",
        ""));
    all.addAll(List.of(lines));
    return JavaFileObjects.forSourceLines("test." + simpleName, all);
  }

  /**
   * Compiles with the plain system compiler into {@code dir} and returns the source files the
   * processor wrote, relative to the source output folder. compile-testing hides generated files
   * once a compilation fails; this shows whether an invalid model still wrote its network.
   */
  static List<String> writtenSources(Path dir, JavaFileObject... sources) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    Path generated = Files.createDirectories(dir.resolve("generated"));
    Path classes = Files.createDirectories(dir.resolve("classes"));
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, UTF_8)) {
      files.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT, List.of(generated));
      files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classes));
      JavaCompiler.CompilationTask task = javac.getTask(
          null, files, new DiagnosticCollector<>(), OPTIONS, null, List.of(sources));
      task.setProcessors(List.of(new LaminaProcessor()));
      task.call();
    }
    try (Stream<Path> walk = Files.walk(generated)) {
      return walk.filter(Files::isRegularFile)
          .map(p -> generated.relativize(p).toString().replace('\\', '/'))
          .sorted()
          .toList();
    }
  }
}
