package dev.lamina.processor.model;

import java.util.List;
import javax.lang.model.element.AnnotationValue;

/**
 * A layer that reads the layers its annotation names rather than the field above it: {@code
 * @Add} or {@code @Concat}.
 */
public sealed interface MergeKind extends LayerKind permits AddKind, ConcatKind {
  /** The names in the annotation's {@code value}, each with its value for diagnostics. */
  default List<AnnotationValue> inputValues() {
    return Annotations.arrayValue(annotation(), "value");
  }

  /** The names of the layers it reads, in order. */
  default List<String> inputs() {
    return inputValues().stream().map(v -> String.valueOf(v.getValue())).toList();
  }
}
