package dev.lamina.processor.model;

import static dev.lamina.processor.model.Annotations.booleanValue;
import static dev.lamina.processor.model.Annotations.doubleValue;
import static dev.lamina.processor.model.Annotations.enumValue;
import static dev.lamina.processor.model.Annotations.find;
import static dev.lamina.processor.model.Annotations.intValue;
import static dev.lamina.processor.model.Annotations.isExplicit;

import dev.lamina.DropoutMode;
import dev.lamina.Loss;
import dev.lamina.NormPlacement;
import dev.lamina.Nonlinearity;
import dev.lamina.RunningStats;
import dev.lamina.nn.LayerSpec;
import dev.lamina.nn.NetworkSpec;
import dev.lamina.nn.NormSpec;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/** Builds the IR of a model class that validation found clean: shapes chained, defaults resolved. */
public final class ModelReader {
  private ModelReader() {}

  public static ModelIr read(TypeElement type, List<VariableElement> fields) {
    AnnotationMirror model = find(type, Annotations.MODEL).orElseThrow();
    List<LayerSpec> layers = new ArrayList<>();
    int[] inputShape = null;
    for (VariableElement field : fields) {
      String name = field.getSimpleName().toString();
      double keep = 1;
      DropoutMode mode = DropoutMode.INVERTED;
      var dropout = find(field, Annotations.DROPOUT);
      if (dropout.isPresent()) {
        keep = doubleValue(dropout.get(), "keep");
        mode = DropoutMode.valueOf(enumValue(dropout.get(), "mode"));
      }
      var input = find(field, Annotations.INPUT);
      if (input.isPresent()) {
        inputShape = inputShape(input.get());
        layers.add(Regularization.apply(field,
            LayerSpec.input(name, inputShape[0] * inputShape[1] * inputShape[2], keep, mode)
                .withImage(ImageLayerReader.input(inputShape, input.get()))));
        continue;
      }
      if (ImageLayerReader.isImageLayer(field)) {
        layers.add(Regularization.apply(field,
            ImageLayerReader.read(field, layers.get(layers.size() - 1), keep, mode)));
        continue;
      }
      AnnotationMirror dense = find(field, Annotations.DENSE).orElseThrow();
      Nonlinearity activation = activation(field);
      int fanIn = layers.get(layers.size() - 1).units();
      NormSpec norm = norm(field);
      layers.add(Regularization.apply(field, LayerSpec.dense(name, intValue(dense, "units"), fanIn,
          bias(dense, norm), InitReader.weights(dense, activation),
          InitReader.biases(field, activation), activation, slope(field), keep, mode)
          .withNorm(norm)));
    }
    NetworkSpec spec = new NetworkSpec(type.getSimpleName().toString(),
        Loss.valueOf(enumValue(model, "loss")), doubleValue(model, "labelSmoothing"), layers);
    return new ModelIr(type, packageOf(type).getQualifiedName().toString(), generatedName(type),
        spec, inputShape);
  }

  /** The layer's {@code @Activation} nonlinearity; identity without one. */
  static Nonlinearity activation(VariableElement field) {
    return find(field, Annotations.ACTIVATION)
        .map(a -> Nonlinearity.valueOf(enumValue(a, "value")))
        .orElse(Nonlinearity.IDENTITY);
  }

  /** The leaky ReLU slope of the layer's {@code @Activation}; 0.01 without one. */
  static double slope(VariableElement field) {
    return find(field, Annotations.ACTIVATION).map(a -> doubleValue(a, "slope")).orElse(0.01);
  }

  /**
   * Whether a dense or convolution layer has a bias: as {@code layer} says if it says, else not
   * right before batch normalization, which cancels it.
   */
  /** {@link #bias(AnnotationMirror, NormSpec)} for {@code field}'s own normalization. */
  public static boolean hasBias(VariableElement field, AnnotationMirror layer) {
    return bias(layer, norm(field));
  }

  static boolean bias(AnnotationMirror layer, NormSpec norm) {
    return isExplicit(layer, "bias") ? booleanValue(layer, "bias")
        : !(norm.kind() == NormSpec.Kind.BATCH && norm.beforeActivation());
  }

  static NormSpec norm(VariableElement field) {
    var batch = find(field, Annotations.BATCH_NORM);
    if (batch.isPresent()) {
      AnnotationMirror b = batch.get();
      return NormSpec.batch(NormPlacement.valueOf(enumValue(b, "placement")),
          doubleValue(b, "eps"), doubleValue(b, "momentum"),
          RunningStats.valueOf(enumValue(b, "runningStats")));
    }
    var instance = find(field, Annotations.INSTANCE_NORM);
    if (instance.isPresent()) {
      return NormSpec.instance(NormPlacement.valueOf(enumValue(instance.get(), "placement")),
          doubleValue(instance.get(), "eps"));
    }
    var group = find(field, Annotations.GROUP_NORM);
    if (group.isPresent()) {
      return NormSpec.group(intValue(group.get(), "value"),
          NormPlacement.valueOf(enumValue(group.get(), "placement")), doubleValue(group.get(), "eps"));
    }
    return find(field, Annotations.LAYER_NORM)
        .map(l -> NormSpec.layer(NormPlacement.valueOf(enumValue(l, "placement")), doubleValue(l, "eps")))
        .orElse(NormSpec.NONE);
  }

  private static int[] inputShape(AnnotationMirror input) {
    if (isExplicit(input, "channels") || isExplicit(input, "height") || isExplicit(input, "width")) {
      return new int[] {intValue(input, "channels"), intValue(input, "height"), intValue(input, "width")};
    }
    return new int[] {intValue(input, "value"), 1, 1};
  }

  /** {@code FashionMlp} → {@code FashionMlpNet}; a nested {@code Outer.Mlp} → {@code Outer_MlpNet}. */
  public static String generatedName(TypeElement type) {
    StringBuilder name = new StringBuilder(type.getSimpleName());
    for (Element e = type.getEnclosingElement(); e.getKind() != ElementKind.PACKAGE;
        e = e.getEnclosingElement()) {
      name.insert(0, e.getSimpleName() + "_");
    }
    return name + "Net";
  }

  private static PackageElement packageOf(Element e) {
    while (e.getKind() != ElementKind.PACKAGE) {
      e = e.getEnclosingElement();
    }
    return (PackageElement) e;
  }
}
