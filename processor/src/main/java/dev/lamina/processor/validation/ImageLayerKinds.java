package dev.lamina.processor.validation;

import dev.lamina.processor.model.Annotations;
import dev.lamina.processor.model.DenseKind;
import dev.lamina.processor.model.InputKind;
import dev.lamina.processor.model.LayerDescriptor;
import dev.lamina.processor.model.LayerKind;
import java.util.List;

/** Rule [Lamina/TwoLayerKinds]: a field is one input, dense, convolution or pooling layer. */
final class ImageLayerKinds {
  private ImageLayerKinds() {}

  static void check(LayerDescriptor layer, ValidationReport report) {
    List<LayerKind> kinds = layer.kinds();
    boolean inputAndDense = kinds.stream().anyMatch(k -> k instanceof InputKind)
        && kinds.stream().anyMatch(k -> k instanceof DenseKind);
    if (inputAndDense) {
      report.error(Messages.TWO_LAYER_KINDS, layer.field(),
          layer.find(Annotations.DENSE).orElseThrow(), null);
    }
    // Input with Dense alone has only its own message.
    if (kinds.size() < 2 || (inputAndDense && kinds.size() == 2)) {
      return;
    }
    report.error(String.format(Messages.TWO_IMAGE_LAYER_KINDS, kinds.get(0).annotationName(),
        kinds.get(1).annotationName()), layer.field(), kinds.get(1).annotation(), null);
  }
}
