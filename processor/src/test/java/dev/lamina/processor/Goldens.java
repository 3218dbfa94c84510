package dev.lamina.processor;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.TestInfo;

/**
 * Golden files of generated source, at
 * {@code processor/src/test/resources/goldens/<TestClass>/<method>/<Name>.java}. A missing or
 * different golden fails with its path and the actual source; run the test with
 * {@code -Dlamina.updateGoldens=true} to (re)write it, then review the diff and commit it.
 */
final class Goldens {
  static final String UPDATE_PROPERTY = "lamina.updateGoldens";

  private Goldens() {}

  /** Checks the generated source of {@code qualifiedName} (e.g. "test.TinyNet") against its golden. */
  static void assertMatchesGolden(Compilation compilation, String qualifiedName, TestInfo test) {
    String actual = generatedSource(compilation, qualifiedName);
    String simpleName = qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
    Path golden = root()
        .resolve(test.getTestClass().orElseThrow().getSimpleName())
        .resolve(test.getTestMethod().orElseThrow().getName())
        .resolve(simpleName + ".java");
    String expected = read(golden);
    if (actual.equals(expected)) {
      return;
    }
    if (Boolean.getBoolean(UPDATE_PROPERTY)) {
      write(golden, actual);
      System.out.println("Rewrote golden file " + golden);
      return;
    }
    fail((expected == null ? "Missing golden file " : "Generated source differs from golden file ")
        + golden + (expected == null ? "" : " (" + firstDifference(expected, actual) + ")")
        + ".\nRerun with -D" + UPDATE_PROPERTY + "=true to write it, or write this there:\n"
        + "----\n" + actual + "----");
  }

  private static String generatedSource(Compilation compilation, String qualifiedName) {
    JavaFileObject file = compilation.generatedSourceFile(qualifiedName)
        .orElseThrow(() -> new AssertionError("no generated source " + qualifiedName + "; got "
            + compilation.generatedSourceFiles().stream().map(JavaFileObject::getName).toList()));
    try {
      return normalize(file.getCharContent(false).toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** processor/src/test/resources/goldens, found from target/test-classes whatever the working directory. */
  private static Path root() {
    try {
      Path testClasses =
          Path.of(Goldens.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return testClasses.getParent().getParent().resolve("src/test/resources/goldens");
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String read(Path golden) {
    try {
      return Files.exists(golden) ? normalize(Files.readString(golden, UTF_8)) : null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path golden, String content) {
    try {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, content, UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String normalize(String text) {
    return text.replace("\r\n", "\n");
  }

  private static String firstDifference(String expected, String actual) {
    String[] e = expected.split("\n", -1);
    String[] a = actual.split("\n", -1);
    for (int i = 0; i < Math.min(e.length, a.length); i++) {
      if (!e[i].equals(a[i])) {
        return "first difference at line " + (i + 1) + ": expected <" + e[i] + "> but was <" + a[i] + ">";
      }
    }
    return "expected " + e.length + " lines but was " + a.length;
  }
}
