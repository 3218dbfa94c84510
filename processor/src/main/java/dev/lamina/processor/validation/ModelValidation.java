package dev.lamina.processor.validation;

import dev.lamina.processor.model.Annotations;
import dev.lamina.processor.model.LayerDescriptor;
import dev.lamina.processor.model.ModelDescriptor;
import dev.lamina.processor.model.Shapes;
import java.util.List;

/**
 * Runs every validator and whole-model rule over one {@code @Model} class, as read into its
 * descriptor, with the shapes inferred from it.
 */
public final class ModelValidation {
  private ModelValidation() {}

  public static ValidationReport validate(ModelDescriptor model, Shapes shapes) {
    ValidationReport report = new ValidationReport();
    ModelValidator.validate(model.type(), model.model(), report);
    StaticLayerRule.check(model.type(), report);
    if (!report.isClean()) {
      return report;
    }
    for (LayerDescriptor layer : model.layers()) {
      LayerFieldRule.check(layer, report);
      KindValueValidator.validate(layer, report);
      if (layer.find(Annotations.INPUT).isPresent()) {
        InputValidator.validate(layer, report);
      }
      if (layer.find(Annotations.DENSE).isPresent()) {
        DenseValidator.validate(layer, report);
      }
      if (layer.find(Annotations.BIAS_INIT).isPresent()) {
        BiasInitValidator.validate(layer, report);
      }
      if (layer.find(Annotations.ACTIVATION).isPresent()) {
        ActivationValidator.validate(layer, report);
      }
      if (layer.find(Annotations.DROPOUT).isPresent()) {
        DropoutValidator.validate(layer, report);
      }
      NormalizationValidator.validate(layer, report);
      InputScalingValidator.validate(layer, report);
      ImageLayerValidator.validate(layer, report);
      RegularizationValidator.validate(layer, model, report);
    }
    GraphRule.check(model, shapes, report);
    LayerOrderRule.check(model, report);
    OutputActivationRule.check(model, report);
    LossOutputsRule.check(model, report);
    ImageShapeRule.check(model, shapes, report);
    BufferSizeRule.check(model, shapes, report);
    ResidualInitRule.check(model, shapes, report);
    List<WeightedLayers.Layer> chain = WeightedLayers.of(model, shapes);
    InitActivationRule.check(chain, report);
    InitSymmetryRule.check(chain, report);
    InitScaleRule.check(chain, report);
    return report;
  }
}
