package dev.lamina.processor;

import com.google.auto.service.AutoService;
import dev.lamina.processor.model.Annotations;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Lamina's annotation processor: for every {@code @Model} class, validates the model and, when
 * it is clean, writes {@code <Model>Net}. Isolating for Gradle: each generated file comes from one
 * model class.
 */
@AutoService(Processor.class)
public final class LaminaProcessor extends AbstractProcessor {
  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(Annotations.MODEL);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  private ModelProcessingStep step;

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    step = new ModelProcessingStep(env, getClass().getName());
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    TypeElement model = processingEnv.getElementUtils().getTypeElement(Annotations.MODEL);
    if (model == null) {
      return false;
    }
    for (Element element : round.getElementsAnnotatedWith(model)) {
      step.process(element);
    }
    return false;
  }
}
