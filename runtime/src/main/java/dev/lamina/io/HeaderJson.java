package dev.lamina.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The little JSON a safetensors header needs. Reading gives {@code Map<String, Object>} (in file
 * order), {@code List<Object>}, {@code String}, {@code Long} for integers (offsets must stay
 * exact), {@code Double} for other numbers, {@code Boolean} and null. Writing takes the same types
 * (any {@link Number}) and produces compact, deterministic text: the same value, the same bytes.
 */
final class HeaderJson {
  /** Malformed JSON; the message names the character offset and what was expected there. */
  static final class SyntaxException extends Exception {
    SyntaxException(String message) {
      super(message);
    }
  }

  private final String s;
  private int i;

  private HeaderJson(String s) {
    this.s = s;
  }

  static Object parse(String text) throws SyntaxException {
    HeaderJson p = new HeaderJson(text);
    p.skipSpace();
    Object value = p.value();
    p.skipSpace();
    if (p.i != text.length()) {
      throw p.error("the end of the JSON");
    }
    return value;
  }

  static String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(out, value);
    return out.toString();
  }

  private Object value() throws SyntaxException {
    if (i >= s.length()) {
      throw error("a value");
    }
    char c = s.charAt(i);
    switch (c) {
      case '{':
        return object();
      case '[':
        return array();
      case '"':
        return string();
      case 't':
        return literal("true", Boolean.TRUE);
      case 'f':
        return literal("false", Boolean.FALSE);
      case 'n':
        return literal("null", null);
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return number();
        }
        throw error("a value");
    }
  }

  private Map<String, Object> object() throws SyntaxException {
    Map<String, Object> map = new LinkedHashMap<>();
    i++;
    skipSpace();
    if (peek('}')) {
      i++;
      return map;
    }
    while (true) {
      skipSpace();
      if (!peek('"')) {
        throw error("a quoted key");
      }
      String key = string();
      skipSpace();
      expect(':');
      skipSpace();
      if (map.containsKey(key)) {
        throw error("no second \"" + key + "\" key");
      }
      map.put(key, value());
      skipSpace();
      if (peek(',')) {
        i++;
      } else {
        expect('}');
        return map;
      }
    }
  }

  private List<Object> array() throws SyntaxException {
    List<Object> list = new ArrayList<>();
    i++;
    skipSpace();
    if (peek(']')) {
      i++;
      return list;
    }
    while (true) {
      skipSpace();
      list.add(value());
      skipSpace();
      if (peek(',')) {
        i++;
      } else {
        expect(']');
        return list;
      }
    }
  }

  private String string() throws SyntaxException {
    i++;
    StringBuilder out = new StringBuilder();
    while (i < s.length()) {
      char c = s.charAt(i++);
      if (c == '"') {
        return out.toString();
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (i >= s.length()) {
        break;
      }
      char e = s.charAt(i++);
      switch (e) {
        case '"', '\\', '/' -> out.append(e);
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          if (i + 4 > s.length()) {
            throw error("four hex digits after \\u");
          }
          try {
            out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
          } catch (NumberFormatException x) {
            throw error("four hex digits after \\u");
          }
          i += 4;
        }
        default -> throw error("an escape such as \\n or \\u0041");
      }
    }
    throw error("the closing quote of a string");
  }

  private Object number() throws SyntaxException {
    int start = i;
    if (peek('-')) {
      i++;
    }
    boolean integer = true;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        i++;
      } else if (c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-') {
        integer = false;
        i++;
      } else {
        break;
      }
    }
    String text = s.substring(start, i);
    try {
      return integer ? (Object) Long.parseLong(text) : (Object) Double.parseDouble(text);
    } catch (NumberFormatException x) {
      i = start;
      throw error("a number (64-bit integers at most), not " + text);
    }
  }

  private Object literal(String word, Object value) throws SyntaxException {
    if (!s.startsWith(word, i)) {
      throw error("a value");
    }
    i += word.length();
    return value;
  }

  private boolean peek(char c) {
    return i < s.length() && s.charAt(i) == c;
  }

  private void expect(char c) throws SyntaxException {
    if (!peek(c)) {
      throw error("'" + c + "'");
    }
    i++;
  }

  private void skipSpace() {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
  }

  private SyntaxException error(String expected) {
    String found = i >= s.length() ? "the end" : "'" + s.charAt(i) + "'";
    return new SyntaxException("expected " + expected + " at character " + i + ", found " + found);
  }

  private static void write(StringBuilder out, Object value) {
    switch (value) {
      case null -> out.append("null");
      case String str -> quote(out, str);
      case Boolean b -> out.append(b);
      case Long l -> out.append(l);
      case Integer n -> out.append(n);
      case Number n -> {
        double d = n.doubleValue();
        if (!Double.isFinite(d)) {
          throw new IllegalArgumentException("JSON has no " + d + "; write it as a string");
        }
        out.append(d);
      }
      case Map<?, ?> map -> {
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : map.entrySet()) {
          out.append(first ? "" : ",");
          first = false;
          quote(out, String.valueOf(e.getKey()));
          out.append(':');
          write(out, e.getValue());
        }
        out.append('}');
      }
      case List<?> list -> {
        out.append('[');
        for (int k = 0; k < list.size(); k++) {
          out.append(k == 0 ? "" : ",");
          write(out, list.get(k));
        }
        out.append(']');
      }
      case int[] ints -> {
        List<Object> boxed = new ArrayList<>();
        for (int v : ints) {
          boxed.add(v);
        }
        write(out, boxed);
      }
      default -> throw new IllegalArgumentException(
          "cannot write a " + value.getClass().getName() + " as JSON");
    }
  }

  private static void quote(StringBuilder out, String str) {
    out.append('"');
    for (int k = 0; k < str.length(); k++) {
      char c = str.charAt(k);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
