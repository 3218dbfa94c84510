package dev.lamina.processor.validation;

import dev.lamina.processor.model.Annotations;
import dev.lamina.processor.model.LayerDescriptor;
import dev.lamina.processor.model.LayerKind;
import dev.lamina.processor.model.MergeKind;
import dev.lamina.processor.model.ModelDescriptor;
import dev.lamina.processor.model.Shapes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;

/**
 * Rules [Lamina/UnknownInput], [Lamina/ForwardInput], [Lamina/InputCycle],
 * [Lamina/MergeInputs], [Lamina/FromOnMerge], [Lamina/FromOnInput], [Lamina/NotOnMerge] and
 * [Lamina/UnusedLayer]: the names a layer reads ({@code @From}, {@code @Add}, {@code @Concat}) are
 * earlier layers of the model, and every layer's output is read. Each problem is reported on the
 * name that causes it.
 */
final class GraphRule {
  private GraphRule() {}

  static void check(ModelDescriptor model, Shapes shapes, ValidationReport report) {
    List<LayerDescriptor> layers = model.layers();
    Map<String, Integer> index = new java.util.HashMap<>();
    for (int i = 0; i < layers.size(); i++) {
      index.putIfAbsent(layers.get(i).name(), i);
    }
    boolean named = true;
    for (int i = 0; i < layers.size(); i++) {
      LayerDescriptor layer = layers.get(i);
      checkModifiers(layer, report);
      for (Reference ref : references(layer)) {
        named &= checkReference(model, layer, i, ref, index, report);
      }
      if (layer.kind().orElse(null) instanceof MergeKind merge) {
        checkMergeInputs(layer, merge, report);
        checkChannelMajorInput(model, layer, merge, shapes, report);
      }
    }
    if (named && report.isClean()) {
      checkEveryOutputRead(layers, report);
    }
  }

  /** A name the layer reads, with the annotation and value that give it. */
  private record Reference(String name, AnnotationMirror annotation, AnnotationValue value) {}

  private static List<Reference> references(LayerDescriptor layer) {
    List<Reference> refs = new ArrayList<>();
    LayerKind kind = layer.kind().orElse(null);
    if (kind instanceof MergeKind merge) {
      for (AnnotationValue v : merge.inputValues()) {
        refs.add(new Reference(String.valueOf(v.getValue()), merge.annotation(), v));
      }
    } else if (!layer.isInput()) {
      layer.find(Annotations.FROM).ifPresent(from -> {
        AnnotationValue v = Annotations.value(from, "value");
        refs.add(new Reference(String.valueOf(v.getValue()), from, v));
      });
    }
    return refs;
  }

  /** Whether {@code ref} names an earlier layer; reports why not. */
  private static boolean checkReference(ModelDescriptor model, LayerDescriptor layer, int at,
      Reference ref, Map<String, Integer> index, ValidationReport report) {
    Integer target = index.get(ref.name());
    if (target == null) {
      report.error(String.format(Messages.UNKNOWN_INPUT, model.type().getSimpleName(), ref.name(),
          model.layers().stream().map(LayerDescriptor::name).toList()), layer.field(),
          ref.annotation(), ref.value());
      return false;
    }
    if (target < at) {
      return true;
    }
    List<String> loop = search(model.layers(), target, layer.name(), index, new HashSet<>());
    if (target == at || loop != null) {
      String how = target == at ? "it names itself"
          : layer.name() + " → " + String.join(" → ", loop) + " → " + layer.name();
      report.error(String.format(Messages.INPUT_CYCLE, layer.name(), how), layer.field(),
          ref.annotation(), ref.value());
    } else {
      report.error(String.format(Messages.FORWARD_INPUT, ref.name(), layer.name(), ref.name(),
          layer.name()), layer.field(), ref.annotation(), ref.value());
    }
    return false;
  }

  /**
   * The layers data flows through from {@code goal} to layer {@code from}, following what each
   * reads (the reader of {@code goal} first, {@code from} last), or null when {@code from} does
   * not depend on {@code goal}.
   */
  private static List<String> search(List<LayerDescriptor> layers, int from, String goal,
      Map<String, Integer> index, Set<Integer> seen) {
    if (!seen.add(from)) {
      return null;
    }
    LayerDescriptor layer = layers.get(from);
    for (String input : layer.inputs()) {
      Integer next = index.get(input);
      if (input.equals(goal)) {
        return new ArrayList<>(List.of(layer.name()));
      }
      if (next != null) {
        List<String> rest = search(layers, next, goal, index, seen);
        if (rest != null) {
          rest.add(layer.name());
          return rest;
        }
      }
    }
    return null;
  }

  /** Two or more layers, each named once. */
  private static void checkMergeInputs(LayerDescriptor layer, MergeKind merge,
      ValidationReport report) {
    List<String> inputs = merge.inputs();
    Set<String> distinct = new HashSet<>(inputs);
    if (inputs.size() < 2 || distinct.size() < inputs.size()) {
      Map<String, Long> counts = inputs.stream()
          .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
      String got = inputs.size() < 2 ? inputs.size() + " (" + inputs + ")"
          : inputs + ", which names " + counts.entrySet().stream().filter(e -> e.getValue() > 1)
              .map(Map.Entry::getKey).sorted().collect(Collectors.joining(", ")) + " more than once";
      report.error(String.format(Messages.MERGE_INPUTS, merge.annotationName(), got),
          layer.field(), merge.annotation(), Annotations.value(merge.annotation(), "value"));
    }
  }

  /** A merge reads image layers' (H, W, C) values: an input of several channels is (C, H, W). */
  private static void checkChannelMajorInput(ModelDescriptor model, LayerDescriptor layer,
      MergeKind merge, Shapes shapes, ValidationReport report) {
    List<AnnotationValue> values = merge.inputValues();
    for (int i = 0; i < values.size(); i++) {
      String name = merge.inputs().get(i);
      var input = model.layers().stream().filter(l -> l.name().equals(name) && l.isInput())
          .findFirst().flatMap(shapes::of);
      if (input.isPresent() && input.get().out().isImage()
          && input.get().out().image().channels() > 1) {
        report.error(String.format(Messages.MERGE_READS_INPUT, merge.annotationName(),
            input.get().out().image().channels(), name), layer.field(), merge.annotation(),
            values.get(i));
      }
    }
  }

  /**
   * {@code @From} on a merge or the input; on a concatenation, which only places its inputs side
   * by side, an activation, dropout or noise. (Normalizations, {@code @Decay} and
   * {@code @BiasInit} on any merge are their own validators' errors: a merge has no weights.)
   */
  private static void checkModifiers(LayerDescriptor layer, ValidationReport report) {
    LayerKind kind = layer.kind().orElse(null);
    layer.find(Annotations.FROM).ifPresent(from -> {
      if (kind instanceof MergeKind merge) {
        report.error(String.format(Messages.FROM_ON_MERGE, merge.annotationName()), layer.field(),
            from, null);
      } else if (layer.isInput()) {
        report.error(Messages.FROM_ON_INPUT, layer.field(), from, null);
      }
    });
    if (!(kind instanceof dev.lamina.processor.model.ConcatKind)) {
      return;
    }
    for (String modifier : List.of(Annotations.ACTIVATION, Annotations.DROPOUT,
        Annotations.GAUSSIAN_NOISE)) {
      layer.find(modifier).ifPresent(m -> report.error(String.format(Messages.NOT_ON_MERGE,
          m.getAnnotationType().asElement().getSimpleName(), "Concat",
          "only places its inputs side by side", "the layer that reads it"), layer.field(), m,
          null));
    }
  }

  /** Every layer but the last (the output) is read by a later one. */
  private static void checkEveryOutputRead(List<LayerDescriptor> layers, ValidationReport report) {
    Set<String> read = new HashSet<>();
    layers.forEach(l -> read.addAll(l.inputs()));
    for (LayerDescriptor layer : layers.subList(0, layers.size() - 1)) {
      if (!read.contains(layer.name())) {
        AnnotationMirror on = layer.kind().map(LayerKind::annotation).orElse(null);
        report.error(String.format(Messages.UNUSED_LAYER, layer.name()), layer.field(), on, null);
      }
    }
  }
}
