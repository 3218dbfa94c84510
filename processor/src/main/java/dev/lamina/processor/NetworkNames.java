package dev.lamina.processor;

import dev.lamina.processor.model.ModelReader;
import dev.lamina.processor.validation.Messages;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * The name each model's network takes, and whether it is free: {@code Outer.A_B} and
 * {@code Outer_A.B} both want {@code Outer_A_BNet}, and a hand-written {@code FooNet} beside
 * {@code @Model Foo} holds the name already. The filer would throw on either; this names the clash
 * on the model class instead. One instance serves every round of a compilation.
 */
final class NetworkNames {
  private static final String GENERATED = "javax.annotation.processing.Generated";
  private static final String GENERATED_NETWORK = "dev.lamina.internal.GeneratedNetwork";

  private final Elements elements;
  private final ProcessingEnvironment env;
  private final String processorName;
  /** Network written in this compilation → the model it was written for. */
  private final Map<String, String> written = new HashMap<>();

  NetworkNames(ProcessingEnvironment env, String processorName) {
    this.env = env;
    this.elements = env.getElementUtils();
    this.processorName = processorName;
  }

  /** The error to report on {@code model} if its network's name is taken, else empty. */
  Optional<String> clash(TypeElement model) {
    String network = qualifiedName(model);
    String modelName = model.getQualifiedName().toString();
    String owner = written.get(network);
    if (owner != null) {
      return owner.equals(modelName) ? Optional.empty()
          : Optional.of(String.format(Messages.NETWORK_NAME_TAKEN, network, "the network of " + owner));
    }
    TypeElement existing = elements.getTypeElement(network);
    if (existing == null || isNetworkOf(existing, modelName)) {
      return Optional.empty();
    }
    return Optional.of(String.format(Messages.NETWORK_NAME_TAKEN, network,
        generatedFor(existing).map(m -> "the network of " + m).orElse("the class " + network)));
  }

  /** Records that {@code model}'s network is being written. */
  void claim(TypeElement model) {
    written.put(qualifiedName(model), model.getQualifiedName().toString());
  }

  private String qualifiedName(TypeElement model) {
    PackageElement pkg = elements.getPackageOf(model);
    String simple = ModelReader.generatedName(model);
    return pkg.isUnnamed() ? simple : pkg.getQualifiedName() + "." + simple;
  }

  /**
   * An earlier build's network of this very model: from source, its {@code @Generated} says so;
   * from a class file the annotation is gone, and a {@code GeneratedNetwork} subclass is taken to
   * be the stale network that this round replaces (as incremental builds expect).
   */
  private boolean isNetworkOf(TypeElement existing, String model) {
    Optional<String> from = generatedFor(existing);
    if (from.isPresent()) {
      return from.get().equals(model);
    }
    TypeElement base = elements.getTypeElement(GENERATED_NETWORK);
    TypeMirror superclass = existing.getSuperclass();
    return existing.getKind() == ElementKind.CLASS && base != null
        && env.getTypeUtils().isSameType(env.getTypeUtils().erasure(superclass), base.asType())
        && existing.getAnnotationMirrors().isEmpty();
  }

  /** The model named by the {@code @Generated(comments = "from ...")} Lamina put on a network. */
  private Optional<String> generatedFor(TypeElement existing) {
    for (AnnotationMirror a : existing.getAnnotationMirrors()) {
      if (!a.getAnnotationType().toString().equals(GENERATED)) {
        continue;
      }
      String value = "";
      String comments = "";
      for (var e : elements.getElementValuesWithDefaults(a).entrySet()) {
        String name = e.getKey().getSimpleName().toString();
        Object v = e.getValue().getValue();
        if (name.equals("value") && v instanceof java.util.List<?> list && !list.isEmpty()) {
          value = String.valueOf(((javax.lang.model.element.AnnotationValue) list.get(0)).getValue());
        } else if (name.equals("comments")) {
          comments = String.valueOf(v);
        }
      }
      if (value.equals(processorName) && comments.startsWith("from ")) {
        return Optional.of(comments.substring("from ".length()));
      }
    }
    return Optional.empty();
  }
}
