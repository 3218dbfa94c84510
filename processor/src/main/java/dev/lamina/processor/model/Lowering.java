package dev.lamina.processor.model;

import dev.lamina.DropoutMode;
import dev.lamina.Nonlinearity;
import dev.lamina.nn.LayerSpec;
import dev.lamina.nn.NormSpec;
import javax.lang.model.element.AnnotationMirror;

/**
 * What a layer's spec is made of besides its kind's own values: the layer, its inferred shapes,
 * and its modifiers with every default resolved. Each kind makes its {@link LayerSpec} from one
 * ({@link LayerKind#lower}); {@link ModelReader} adds the noise, decay and inputs every kind takes.
 *
 * @param layer the layer
 * @param shape its inferred input and output shapes, and its geometry
 * @param keep its dropout's keep probability, 1 without dropout
 * @param mode where its dropout's 1/keep correction goes
 * @param activation its nonlinearity, identity without {@code @Activation}
 * @param slope leaky ReLU's negative slope
 * @param norm its normalization, or none
 */
public record Lowering(LayerDescriptor layer, Shapes.Inferred shape, double keep, DropoutMode mode,
    Nonlinearity activation, double slope, NormSpec norm) {
  /** The field's name. */
  public String name() {
    return layer.name();
  }

  /** Whether a layer whose weights {@code weights} describes has a bias: see ModelReader. */
  boolean bias(AnnotationMirror weights) {
    return ModelReader.bias(weights, norm);
  }
}
