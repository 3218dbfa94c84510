package dev.lamina.data;

import java.util.Locale;

/**
 * Reads a cell as a number, strictly: decimal notation with an optional exponent ({@code -1.5e3}),
 * or {@code inf}, {@code infinity}, {@code nan} in any case and sign. Java's own parser would also
 * take {@code 1f}, {@code 0x1p3} and surrounding spaces, none of which a data file means.
 */
final class Numbers {
  private Numbers() {}

  /** The value of {@code text}, correctly rounded to float; throws when it is not a number. */
  static float parse(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    String unsigned = lower.startsWith("-") || lower.startsWith("+") ? lower.substring(1) : lower;
    if (unsigned.equals("inf") || unsigned.equals("infinity")) {
      return lower.startsWith("-") ? Float.NEGATIVE_INFINITY : Float.POSITIVE_INFINITY;
    }
    if (unsigned.equals("nan")) {
      return Float.NaN;
    }
    boolean digit = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digit = true;
      } else if (c != '.' && c != 'e' && c != 'E' && c != '+' && c != '-') {
        throw new NumberFormatException(text);
      }
    }
    if (!digit) {
      throw new NumberFormatException(text);
    }
    return Float.parseFloat(text);
  }

  /** Whether {@code text} is a number ({@link #parse}) at all. */
  static boolean isNumber(String text) {
    try {
      parse(text);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
