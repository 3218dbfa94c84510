package dev.lamina.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.lamina.processor.LaminaCompiler.compile;
import static dev.lamina.processor.LaminaCompiler.model;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** What build tools rely on: registration, Gradle's isolating contract, and @Generated. */
class ProcessorContractTest {
  private static final JavaFileObject NESTED = model("Outer",
      "class Outer {",
      "  @Model",
      "  static class Inner {",
      "    @Input(4) Layer in;",
      "    @Dense(units = 2) Layer out;",
      "  }",
      "}");

  private static List<String> resourceLines(String name) throws IOException {
    try (InputStream in = LaminaProcessor.class.getClassLoader().getResourceAsStream(name)) {
      assertNotNull(in, "missing resource " + name);
      return new String(in.readAllBytes(), UTF_8).lines().map(String::strip).toList();
    }
  }

  @Test
  void declaresItselfIsolatingForGradle() throws IOException {
    assertTrue(resourceLines("META-INF/gradle/incremental.annotation.processors")
        .contains("dev.lamina.processor.LaminaProcessor,isolating"));
  }

  @Test
  void isRegisteredAsAnAnnotationProcessor() throws IOException {
    assertTrue(resourceLines("META-INF/services/javax.annotation.processing.Processor")
        .contains("dev.lamina.processor.LaminaProcessor"));
  }

  @Test
  void generatedClassCarriesGeneratedWithTheModelsQualifiedName() {
    Compilation compilation = compile(NESTED);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.Outer_InnerNet").contentsAsUtf8String()
        .containsMatch(Pattern.compile("@Generated\\(\\s*value = \"dev\\.lamina\\.processor\\."
            + "LaminaProcessor\",\\s*comments = \"from test\\.Outer\\.Inner\"\\s*\\)"));
  }

  /** Gradle's isolating processors must give each generated file exactly one originating element. */
  @Test
  void eachGeneratedFileHasTheModelClassAsItsOnlyOriginatingElement() {
    RecordingOrigins processor = new RecordingOrigins();

    Compilation compilation = Compiler.javac().withProcessors(processor)
        .withOptions(LaminaCompiler.OPTIONS).compile(NESTED);

    assertThat(compilation).succeeded();
    assertEquals(List.of(List.of("test.Outer.Inner")), processor.origins);
  }

  @Test
  void annotationJavacRejectsIsLeftToJavacNotReportedAsAnInternalError() {
    JavaFileObject source = model("NoUnits",
        "@Model",
        "class NoUnits {",
        "  @Input(4) Layer in;",
        "  @Dense Layer out;",
        "}");

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining("missing a default value for the element 'units'")
        .inFile(source).onLineContaining("@Dense Layer out;");
    assertThat(compilation).hadErrorCount(1);
  }

  /** The Lamina processor, seeing a Filer that records the originating elements of each file. */
  private static final class RecordingOrigins extends AbstractProcessor {
    final List<List<String>> origins = new ArrayList<>();
    private final LaminaProcessor lamina = new LaminaProcessor();

    @Override
    public synchronized void init(ProcessingEnvironment env) {
      super.init(env);
      lamina.init(recordingOrigins(env, origins));
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return lamina.getSupportedAnnotationTypes();
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return lamina.getSupportedSourceVersion();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      return lamina.process(annotations, round);
    }
  }

  /** {@code env}, with a Filer that records the originating elements of each source file. */
  private static ProcessingEnvironment recordingOrigins(ProcessingEnvironment env,
      List<List<String>> origins) {
    Filer filer = env.getFiler();
    Filer recording = (Filer) Proxy.newProxyInstance(Filer.class.getClassLoader(),
        new Class<?>[] {Filer.class}, (proxy, method, args) -> {
          if (method.getName().equals("createSourceFile")) {
            List<String> names = new ArrayList<>();
            for (Element e : (Element[]) args[1]) {
              names.add(((TypeElement) e).getQualifiedName().toString());
            }
            origins.add(names);
          }
          return invoke(method, filer, args);
        });
    return (ProcessingEnvironment) Proxy.newProxyInstance(
        ProcessingEnvironment.class.getClassLoader(), new Class<?>[] {ProcessingEnvironment.class},
        (proxy, method, args) ->
            method.getName().equals("getFiler") ? recording : invoke(method, env, args));
  }

  private static Object invoke(Method method, Object target, Object[] args)
      throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
