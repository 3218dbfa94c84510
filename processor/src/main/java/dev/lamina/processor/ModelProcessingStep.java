package dev.lamina.processor;

import dev.lamina.processor.model.ModelDescriptor;
import dev.lamina.processor.model.ModelDescriptors;
import dev.lamina.processor.model.ModelIr;
import dev.lamina.processor.model.ModelReader;
import dev.lamina.processor.model.Shapes;
import dev.lamina.processor.validation.Messages;
import dev.lamina.processor.validation.ModelValidation;
import dev.lamina.processor.validation.OutsideModelRule;
import dev.lamina.processor.validation.ValidationReport;
import dev.lamina.processor.writing.InheritedNames;
import dev.lamina.processor.writing.NetworkWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Optional;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * read (once, into a descriptor) → infer shapes → validate → report → stop if not clean → lower to
 * the runtime's spec → write, for one {@code @Model} class.
 */
final class ModelProcessingStep {
  private final ProcessingEnvironment env;
  private final String processorName;
  private final NetworkNames networks;

  ModelProcessingStep(ProcessingEnvironment env, String processorName) {
    this.env = env;
    this.processorName = processorName;
    this.networks = new NetworkNames(env, processorName);
  }

  void process(Element element) {
    guarded(element, () -> {
      if (!(element instanceof TypeElement type)) {
        env.getMessager().printMessage(Diagnostic.Kind.ERROR, Messages.MODEL_NOT_CLASS, element);
        return;
      }
      ModelDescriptor descriptor = ModelDescriptors.read(type);
      Shapes shapes = Shapes.infer(descriptor);
      if (!reportIsClean(ModelValidation.validate(descriptor, shapes))) {
        return;
      }
      Optional<String> clash = networks.clash(type);
      if (clash.isPresent()) {
        env.getMessager().printMessage(Diagnostic.Kind.ERROR, clash.get(), element);
        return;
      }
      ModelIr model = ModelReader.read(descriptor, shapes);
      networks.claim(type);
      new NetworkWriter(model, InheritedNames.of(env.getElementUtils()))
          .write(processorName, GeneratedAnnotation.visibleFrom(env.getElementUtils(), type))
          .writeTo(env.getFiler());
    });
  }

  /** Warns on a field with layer annotations in a class without {@code @Model}. */
  void checkOutsideModel(Element element) {
    guarded(element, () -> OutsideModelRule.check(element).printTo(env.getMessager()));
  }

  private boolean reportIsClean(ValidationReport report) {
    report.printTo(env.getMessager());
    return report.isClean();
  }

  private interface Work {
    void run() throws IOException;
  }

  private void guarded(Element element, Work work) {
    try {
      work.run();
    } catch (NoClassDefFoundError e) {
      Optional<String> missing = ProcessorPath.missing(e);
      env.getMessager().printMessage(Diagnostic.Kind.ERROR,
          missing.orElseGet(() -> internalError(e)), element);
    } catch (IOException | RuntimeException | LinkageError e) {
      // Never crash javac: report the failure on the element instead.
      env.getMessager().printMessage(Diagnostic.Kind.ERROR, internalError(e), element);
    }
  }

  private static String internalError(Throwable e) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    return String.format(Messages.INTERNAL_ERROR, trace);
  }
}
