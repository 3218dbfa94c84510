package dev.lamina.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal JSON reader for test fixtures: objects become {@code Map<String, Object>} (in file
 * order), arrays {@code List<Object>}, strings {@code String}, {@code true}/{@code false} {@code
 * Boolean}, {@code null} null, and numbers {@link Num}, which keeps the literal so a float reads
 * back exactly (no rounding through double).
 */
public final class Json {
  /** A JSON number as written; read it as the type the test needs. */
  public record Num(String text) {
    public float floatValue() {
      return Float.parseFloat(text);
    }

    public double doubleValue() {
      return Double.parseDouble(text);
    }

    public int intValue() {
      return Integer.parseInt(text);
    }

    @Override
    public String toString() {
      return text;
    }
  }

  private final String s;
  private int i;

  private Json(String s) {
    this.s = s;
  }

  public static Object parse(String text) {
    Json p = new Json(text);
    p.skipSpace();
    Object value = p.value();
    p.skipSpace();
    if (p.i != text.length()) {
      throw p.error("end of input");
    }
    return value;
  }

  private Object value() {
    if (i >= s.length()) {
      throw error("a value");
    }
    char c = s.charAt(i);
    return switch (c) {
      case '{' -> object();
      case '[' -> array();
      case '"' -> string();
      case 't' -> literal("true", Boolean.TRUE);
      case 'f' -> literal("false", Boolean.FALSE);
      case 'n' -> literal("null", null);
      default -> number();
    };
  }

  private Map<String, Object> object() {
    Map<String, Object> map = new LinkedHashMap<>();
    i++;
    skipSpace();
    if (peek() == '}') {
      i++;
      return map;
    }
    while (true) {
      skipSpace();
      if (peek() != '"') {
        throw error("a string key");
      }
      String key = string();
      skipSpace();
      expect(':');
      skipSpace();
      if (map.put(key, value()) != null) {
        throw error("a key other than the duplicate \"" + key + "\"");
      }
      skipSpace();
      if (peek() == ',') {
        i++;
      } else {
        expect('}');
        return map;
      }
    }
  }

  private List<Object> array() {
    List<Object> list = new ArrayList<>();
    i++;
    skipSpace();
    if (peek() == ']') {
      i++;
      return list;
    }
    while (true) {
      skipSpace();
      list.add(value());
      skipSpace();
      if (peek() == ',') {
        i++;
      } else {
        expect(']');
        return list;
      }
    }
  }

  private String string() {
    StringBuilder b = new StringBuilder();
    i++;
    while (true) {
      if (i >= s.length()) {
        throw error("a closing quote");
      }
      char c = s.charAt(i++);
      if (c == '"') {
        return b.toString();
      }
      if (c != '\\') {
        b.append(c);
        continue;
      }
      char e = i < s.length() ? s.charAt(i++) : '?';
      switch (e) {
        case '"', '\\', '/' -> b.append(e);
        case 'b' -> b.append('\b');
        case 'f' -> b.append('\f');
        case 'n' -> b.append('\n');
        case 'r' -> b.append('\r');
        case 't' -> b.append('\t');
        case 'u' -> {
          if (i + 4 > s.length()) {
            throw error("four hex digits");
          }
          b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
          i += 4;
        }
        default -> throw error("an escape character");
      }
    }
  }

  private Num number() {
    int start = i;
    while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
      i++;
    }
    String text = s.substring(start, i);
    try {
      Double.parseDouble(text);
    } catch (NumberFormatException e) {
      i = start;
      throw error("a number");
    }
    return new Num(text);
  }

  private Object literal(String word, Object value) {
    if (!s.startsWith(word, i)) {
      throw error(word);
    }
    i += word.length();
    return value;
  }

  private char peek() {
    return i < s.length() ? s.charAt(i) : '\0';
  }

  private void expect(char c) {
    if (peek() != c) {
      throw error("'" + c + "'");
    }
    i++;
  }

  private void skipSpace() {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
  }

  private IllegalArgumentException error(String expected) {
    int line = 1;
    for (int k = 0; k < Math.min(i, s.length()); k++) {
      if (s.charAt(k) == '\n') {
        line++;
      }
    }
    String near = s.substring(i, Math.min(s.length(), i + 20));
    return new IllegalArgumentException(
        "JSON: expected " + expected + " at line " + line + " (offset " + i + "), got \"" + near + "\"");
  }
}
