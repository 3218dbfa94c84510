package dev.lamina.processor;

import dev.lamina.processor.validation.Messages;
import java.util.Map;
import java.util.Optional;

/**
 * Whether the annotation processor path holds the jars the processor runs on. Without them javac
 * would load the processor and fail inside it with a {@link NoClassDefFoundError}.
 */
final class ProcessorPath {
  private ProcessorPath() {}

  /** A class of each jar the processor needs, and the jar. */
  private static final Map<String, String> NEEDED = Map.of(
      "dev.lamina.nn.NetworkSpec", "lamina-runtime",
      "com.palantir.javapoet.JavaFile", "javapoet");

  /** The error to report if a needed jar is missing, else empty. */
  static Optional<String> missing(ClassLoader loader) {
    for (Map.Entry<String, String> e : NEEDED.entrySet()) {
      try {
        Class.forName(e.getKey(), false, loader);
      } catch (ClassNotFoundException | LinkageError notThere) {
        return Optional.of(String.format(Messages.PROCESSOR_PATH, e.getValue(), e.getKey()));
      }
    }
    return Optional.empty();
  }

  /** The same error for a class found missing while processing, if it is one of those jars'. */
  static Optional<String> missing(NoClassDefFoundError error) {
    String name = String.valueOf(error.getMessage()).replace('/', '.');
    for (Map.Entry<String, String> e : NEEDED.entrySet()) {
      String jarPackage = e.getKey().substring(0, e.getKey().indexOf('.', e.getKey().indexOf('.') + 1));
      if (name.startsWith(jarPackage) && !name.startsWith("dev.lamina.processor")) {
        return Optional.of(String.format(Messages.PROCESSOR_PATH, e.getValue(), name));
      }
    }
    return Optional.empty();
  }
}
