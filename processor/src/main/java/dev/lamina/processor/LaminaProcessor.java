package dev.lamina.processor;

import com.google.auto.service.AutoService;
import dev.lamina.processor.model.Annotations;
import dev.lamina.processor.model.LayerKinds;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * Lamina's annotation processor: for every {@code @Model} class, validates the model and, when
 * it is clean, writes {@code <Model>Net}. Isolating for Gradle: each generated file comes from one
 * model class. It also sees the layer annotations, to warn where they sit outside a model.
 */
@AutoService(Processor.class)
public final class LaminaProcessor extends AbstractProcessor {
  /** Null when the processor path lacks what the processor needs; then it reports that once. */
  private ModelProcessingStep step;

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    if (step == null) { // init reported the missing jar; the kinds' readers could not load
      return Set.of(Annotations.MODEL);
    }
    Set<String> types = new HashSet<>(LayerKinds.kindAnnotations());
    types.addAll(LayerKinds.MODIFIERS);
    types.add(Annotations.MODEL);
    return types;
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    // Before any class that needs them is loaded: a missing jar is one line, not a stack trace.
    var missing = ProcessorPath.missing(getClass().getClassLoader());
    if (missing.isPresent()) {
      env.getMessager().printMessage(Diagnostic.Kind.ERROR, missing.get());
      return;
    }
    step = new ModelProcessingStep(env, getClass().getName());
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (step == null) {
      return false;
    }
    for (TypeElement annotation : annotations) {
      if (annotation.getQualifiedName().contentEquals(Annotations.MODEL)) {
        round.getElementsAnnotatedWith(annotation).forEach(step::process);
      }
    }
    Set<Element> layerFields = new LinkedHashSet<>();
    for (TypeElement annotation : annotations) {
      if (!annotation.getQualifiedName().contentEquals(Annotations.MODEL)) {
        layerFields.addAll(round.getElementsAnnotatedWith(annotation));
      }
    }
    layerFields.forEach(step::checkOutsideModel);
    return false;
  }
}
