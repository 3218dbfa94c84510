package dev.lamina.io;

/**
 * Small JSON documents for Lamina's side files (such as a fitted table encoder): parses to {@code
 * Map<String, Object>} in file order, {@code List<Object>}, {@code String}, {@code Long} for
 * integers, {@code Double} for other numbers, {@code Boolean} and null; writes the same types as
 * compact, deterministic text. The safetensors header's reader and writer, shared.
 */
public final class Json {
  private Json() {}

  /**
   * Parses {@code text}; a malformed document fails naming the offset and what was expected.
   *
   * @param text a JSON document
   * @return a {@code Map} for an object, a {@code List} for an array, a {@code String}, a number, a
   *     {@code Boolean}, or null
   * @throws IllegalArgumentException if the document is malformed
   */
  public static Object parse(String text) {
    try {
      return HeaderJson.parse(text);
    } catch (HeaderJson.SyntaxException e) {
      throw new IllegalArgumentException("malformed JSON: " + e.getMessage(), e);
    }
  }

  /**
   * {@return {@code value} as compact JSON text}
   *
   * @param value maps with string keys, lists, strings, numbers, booleans and null, nested
   */
  public static String write(Object value) {
    return HeaderJson.write(value);
  }
}
