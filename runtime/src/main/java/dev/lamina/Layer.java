package dev.lamina;

/**
 * The type of a layer field in a {@link Model} class. The field only names the layer; its
 * annotations define it. The generated network never reads or writes the field.
 */
public final class Layer {
  private Layer() {}
}
