package dev.lamina.processor.model;

import static dev.lamina.processor.model.Annotations.booleanValue;
import static dev.lamina.processor.model.Annotations.doubleValue;
import static dev.lamina.processor.model.Annotations.enumValue;
import static dev.lamina.processor.model.Annotations.intValue;
import static dev.lamina.processor.model.Annotations.isExplicit;

import dev.lamina.DropoutMode;
import dev.lamina.Loss;
import dev.lamina.NormPlacement;
import dev.lamina.Nonlinearity;
import dev.lamina.RunningStats;
import dev.lamina.nn.InputScaling;
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

/**
 * Lowers a model that validation found clean to the runtime's spec: each layer from its kind, its
 * modifiers and its inferred shapes, with every default resolved.
 */
public final class ModelReader {
  private ModelReader() {}

  public static ModelIr read(ModelDescriptor model, Shapes shapes) {
    List<LayerSpec> layers = new ArrayList<>();
    int[] inputShape = null;
    InputScaling scaling = InputScaling.NONE;
    for (LayerDescriptor layer : model.layers()) {
      Shapes.Inferred shape = shapes.of(layer).orElseThrow();
      if (layer.kind().orElseThrow() instanceof InputKind) {
        LayerShape out = shape.out();
        inputShape = out.isImage()
            ? new int[] {out.image().channels(), out.image().height(), out.image().width()}
            : new int[] {(int) out.size(), 1, 1};
        scaling = inputScaling(layer);
      }
      LayerSpec spec = Regularization.apply(layer, lower(layer, shape));
      layers.add(layer.isInput() ? spec : spec.withInputs(layer.inputs()));
    }
    TypeElement type = model.type();
    NetworkSpec spec = new NetworkSpec(type.getSimpleName().toString(),
        Loss.valueOf(enumValue(model.model(), "loss")), doubleValue(model.model(), "labelSmoothing"),
        layers).withInputScaling(scaling)
        .withHuberDelta(doubleValue(model.model(), "huberDelta"));
    return new ModelIr(type, packageOf(type).getQualifiedName().toString(), generatedName(type),
        spec, inputShape);
  }

  /** The layer's spec, before its noise and decay. */
  private static LayerSpec lower(LayerDescriptor layer, Shapes.Inferred shape) {
    String name = layer.name();
    double keep = 1;
    DropoutMode mode = DropoutMode.INVERTED;
    var dropout = layer.find(Annotations.DROPOUT);
    if (dropout.isPresent()) {
      keep = doubleValue(dropout.get(), "keep");
      mode = DropoutMode.valueOf(enumValue(dropout.get(), "mode"));
    }
    return layer.kind().orElseThrow().lower(new Lowering(layer, shape, keep, mode,
        activation(layer), slope(layer), norm(layer)));
  }

  /** The input's {@code @Standardize} or {@code @MinMaxScale}; none without either. */
  static InputScaling inputScaling(LayerDescriptor input) {
    if (input.find(Annotations.STANDARDIZE).isPresent()) {
      return InputScaling.STANDARDIZE;
    }
    return input.find(Annotations.MIN_MAX_SCALE).isPresent() ? InputScaling.MIN_MAX
        : InputScaling.NONE;
  }

  /** The layer's {@code @Activation} nonlinearity; identity without one. */
  static Nonlinearity activation(LayerDescriptor layer) {
    return layer.find(Annotations.ACTIVATION)
        .map(a -> Nonlinearity.valueOf(enumValue(a, "value")))
        .orElse(Nonlinearity.IDENTITY);
  }

  /** The leaky ReLU slope of the layer's {@code @Activation}; 0.01 without one. */
  static double slope(LayerDescriptor layer) {
    return layer.find(Annotations.ACTIVATION).map(a -> doubleValue(a, "slope")).orElse(0.01);
  }

  /**
   * Whether a dense or convolution layer has a bias: as its annotation says if it says, else not
   * right before batch normalization, which cancels it.
   */
  public static boolean hasBias(LayerDescriptor layer) {
    return bias(layer.kind().orElseThrow().annotation(), norm(layer));
  }

  static boolean bias(AnnotationMirror weights, NormSpec norm) {
    return isExplicit(weights, "bias") ? booleanValue(weights, "bias")
        : !(norm.kind() == NormSpec.Kind.BATCH && norm.beforeActivation());
  }

  static NormSpec norm(LayerDescriptor layer) {
    var batch = layer.find(Annotations.BATCH_NORM);
    if (batch.isPresent()) {
      AnnotationMirror b = batch.get();
      return NormSpec.batch(NormPlacement.valueOf(enumValue(b, "placement")),
          doubleValue(b, "eps"), doubleValue(b, "momentum"),
          RunningStats.valueOf(enumValue(b, "runningStats"))).withGamma(doubleValue(b, "gamma"));
    }
    var instance = layer.find(Annotations.INSTANCE_NORM);
    if (instance.isPresent()) {
      return NormSpec.instance(NormPlacement.valueOf(enumValue(instance.get(), "placement")),
          doubleValue(instance.get(), "eps"));
    }
    var group = layer.find(Annotations.GROUP_NORM);
    if (group.isPresent()) {
      return NormSpec.group(intValue(group.get(), "value"),
          NormPlacement.valueOf(enumValue(group.get(), "placement")), doubleValue(group.get(), "eps"));
    }
    return layer.find(Annotations.LAYER_NORM)
        .map(l -> NormSpec.layer(NormPlacement.valueOf(enumValue(l, "placement")), doubleValue(l, "eps")))
        .orElse(NormSpec.NONE);
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
