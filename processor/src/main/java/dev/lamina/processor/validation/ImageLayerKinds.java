package dev.lamina.processor.validation;

import dev.lamina.processor.model.Annotations;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.VariableElement;

/** Rule [Lamina/TwoLayerKinds] for image layers: a field is one convolution, pooling, dense or input layer. */
final class ImageLayerKinds {
  private static final List<String> KINDS = List.of(Annotations.INPUT, Annotations.DENSE,
      Annotations.CONV2D, Annotations.MAX_POOL, Annotations.AVG_POOL, Annotations.GLOBAL_AVG_POOL);

  private ImageLayerKinds() {}

  static void check(VariableElement field, ValidationReport report) {
    List<String> found = new ArrayList<>();
    List<AnnotationMirror> mirrors = new ArrayList<>();
    for (String kind : KINDS) {
      Annotations.find(field, kind).ifPresent(m -> {
        found.add(kind);
        mirrors.add(m);
      });
    }
    // Input with Dense alone is LayerFieldRule's own message.
    if (found.size() < 2 || found.equals(List.of(Annotations.INPUT, Annotations.DENSE))) {
      return;
    }
    report.error(String.format(Messages.TWO_IMAGE_LAYER_KINDS, simple(found.get(0)),
        simple(found.get(1))), field, mirrors.get(1), null);
  }

  static String simple(String qualified) {
    return qualified.substring(qualified.lastIndexOf('.') + 1);
  }
}
