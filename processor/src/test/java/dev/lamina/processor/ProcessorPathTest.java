package dev.lamina.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.lamina.processor.LaminaCompiler.model;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.palantir.javapoet.JavaFile;
import dev.lamina.nn.NetworkSpec;
import dev.lamina.processor.validation.Messages;
import java.net.URL;
import java.net.URLClassLoader;
import javax.annotation.processing.Processor;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A processor path without lamina-runtime or javapoet is one error that names the missing jar,
 * not an InternalError with a stack trace. The processor is loaded here from its own classes and
 * only the jars each test keeps, as javac would load it from such a path.
 */
class ProcessorPathTest {
  private static final JavaFileObject MODEL = model("Small",
      "@Model",
      "class Small {",
      "  @Input(4) Layer in;",
      "  @Dense(units = 2) Layer out;",
      "}");

  private static Compilation compileWithProcessorFrom(URL... path) throws Exception {
    ClassLoader loader = new URLClassLoader(path, ClassLoader.getPlatformClassLoader());
    Processor processor = (Processor) loader.loadClass(LaminaProcessor.class.getName())
        .getConstructor().newInstance();
    return Compiler.javac().withProcessors(processor).withOptions(LaminaCompiler.OPTIONS).compile(MODEL);
  }

  private static URL home(Class<?> type) {
    return type.getProtectionDomain().getCodeSource().getLocation();
  }

  @Test
  void withoutJavaPoet() throws Exception {
    Compilation compilation = compileWithProcessorFrom(home(LaminaProcessor.class), home(NetworkSpec.class));

    assertThat(compilation).hadErrorContaining(
        String.format(Messages.PROCESSOR_PATH, "javapoet", "com.palantir.javapoet.JavaFile"));
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void withoutRuntime() throws Exception {
    Compilation compilation = compileWithProcessorFrom(home(LaminaProcessor.class), home(JavaFile.class));

    assertThat(compilation).hadErrorContaining(
        String.format(Messages.PROCESSOR_PATH, "lamina-runtime", "dev.lamina.nn.NetworkSpec"));
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void withBothTheNetworkIsWritten() throws Exception {
    Compilation compilation = compileWithProcessorFrom(
        home(LaminaProcessor.class), home(NetworkSpec.class), home(JavaFile.class));

    assertThat(compilation).succeeded();
    assertThat(compilation).generatedSourceFile("test.SmallNet");
  }
}
