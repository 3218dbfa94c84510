package dev.lamina.processor.model;

import java.util.function.Function;
import javax.lang.model.element.AnnotationMirror;

/**
 * How one annotation makes a field a layer: its qualified name and the kind it reads. Each kind
 * registers its reader in its own file, as a nested class annotated {@code
 * @AutoService(KindReader.class)}; {@link LayerKinds} finds them, so a new kind adds no line to a
 * shared list.
 */
public abstract class KindReader {
  private final String annotation;
  private final Function<AnnotationMirror, LayerKind> read;

  protected KindReader(String annotation, Function<AnnotationMirror, LayerKind> read) {
    this.annotation = annotation;
    this.read = read;
  }

  /** The qualified name of the annotation, {@code "dev.lamina.Dense"}. */
  public final String annotation() {
    return annotation;
  }

  /** The kind over the annotation on one field. */
  public final LayerKind read(AnnotationMirror mirror) {
    return read.apply(mirror);
  }
}
