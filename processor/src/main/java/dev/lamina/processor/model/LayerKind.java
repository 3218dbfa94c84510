package dev.lamina.processor.model;

import dev.lamina.nn.LayerSpec;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;

/**
 * What a layer is, from the one annotation that makes a field a layer: {@code @Input}, {@code
 * @Dense}, {@code @Conv2d}, a pooling annotation. Each kind answers the questions other code
 * would otherwise re-derive from annotations: whether it has weights, whether it reads an image,
 * and its output shape for given input shapes. Each kind registers a {@link KindReader}; values
 * are read from the annotation on demand, so a kind is built even when a value is out of range
 * (its {@link #problems()} or validator reports that).
 */
public interface LayerKind {
  /** The annotation that makes the field this kind of layer. */
  AnnotationMirror annotation();

  /** The annotation's simple name, as messages name it: "Dense", "Conv2d". */
  default String annotationName() {
    String type = annotation().getAnnotationType().asElement().getSimpleName().toString();
    return type;
  }

  /** Whether the layer has a weight (and so may have a bias, an initializer, a normalization). */
  default boolean hasWeights() {
    return false;
  }

  /**
   * A kind with weights: its fan-in, names and weight buffers for the layer's inferred shapes.
   *
   * @throws UnsupportedOperationException for a kind without weights
   */
  default WeightedShape weightedShape(Shapes.Inferred shape) {
    throw new UnsupportedOperationException("@" + annotationName() + " has no weights");
  }

  /**
   * Whether the layer slides a window over its image with a stride (a convolution, a pooling
   * layer), whose stride and padding the shape rule checks.
   */
  default boolean slidesWindow() {
    return false;
  }

  /**
   * Whether the layer only pools or resamples its input's pixels (max, average and global
   * pooling, upsampling): it has no weighted sum, so {@code @Activation} does not apply.
   */
  default boolean isResampling() {
    return false;
  }

  /**
   * The errors in the annotation's own values, each reported on its member. A kind that checks
   * its values here needs no validator of its own, and keeps its messages in its own file.
   */
  default List<ValueProblem> problems() {
    return List.of();
  }

  /** Whether the layer reads its input as an image (C, H, W). */
  default boolean needsImage() {
    return false;
  }

  /**
   * This layer's output for {@code inputs}, the outputs of the layers it reads (none for the
   * input layer); a result that says why there is none when the inputs or values do not allow one.
   */
  ShapeResult outputShape(List<LayerShape> inputs);

  /** The layer's runtime spec, before the noise, decay and inputs that every kind takes. */
  LayerSpec lower(Lowering lowering);
}
