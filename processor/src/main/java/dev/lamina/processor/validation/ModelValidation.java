package dev.lamina.processor.validation;

import dev.lamina.processor.model.Annotations;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/** Runs every validator and whole-model rule over one {@code @Model} class. */
public final class ModelValidation {
  private ModelValidation() {}

  public static ValidationReport validate(TypeElement model) {
    ValidationReport report = new ValidationReport();
    AnnotationMirror modelAnnotation = Annotations.find(model, Annotations.MODEL).orElseThrow();
    ModelValidator.validate(model, modelAnnotation, report);
    if (!report.isClean()) {
      return report;
    }
    List<VariableElement> fields = LayerFields.of(model);
    for (VariableElement field : fields) {
      LayerFieldRule.check(field, report);
      if (Annotations.find(field, Annotations.INPUT).isPresent()) {
        InputValidator.validate(field, report);
      }
      if (Annotations.find(field, Annotations.DENSE).isPresent()) {
        DenseValidator.validate(field, report);
      }
      if (Annotations.find(field, Annotations.BIAS_INIT).isPresent()) {
        BiasInitValidator.validate(field, report);
      }
      if (Annotations.find(field, Annotations.ACTIVATION).isPresent()) {
        ActivationValidator.validate(field, report);
      }
      if (Annotations.find(field, Annotations.DROPOUT).isPresent()) {
        DropoutValidator.validate(field, report);
      }
      NormalizationValidator.validate(field, report);
      ImageLayerValidator.validate(field, report);
      RegularizationValidator.validate(field, fields, report);
    }
    LayerOrderRule.check(model, modelAnnotation, fields, report);
    OutputActivationRule.check(modelAnnotation, fields, report);
    ImageShapeRule.check(fields, report);
    List<WeightedLayers.Layer> chain = WeightedLayers.of(fields);
    InitActivationRule.check(chain, report);
    InitSymmetryRule.check(chain, report);
    InitScaleRule.check(chain, report);
    return report;
  }
}
