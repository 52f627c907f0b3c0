package dev.asynclint.syntax.parser;

import dev.asynclint.syntax.ast.Imaginary;
import java.math.BigInteger;

/** The values of number tokens, which the lexer has already checked for form. */
final class NumberLiterals {
  /** CPython refuses decimal literals longer than this (sys.int_info.default_max_str_digits). */
  static final int MAX_DECIMAL_DIGITS = 4300;

  private NumberLiterals() {}

  /** A {@link Long}, {@link BigInteger}, {@link Double} or {@link Imaginary}. */
  static Object value(String src, int start, int end) {
    String text = withoutUnderscores(src, start, end);
    char last = text.charAt(text.length() - 1);
    if (last == 'j' || last == 'J') {
      return new Imaginary(Double.parseDouble(text.substring(0, text.length() - 1)));
    }
    if (text.length() > 1 && text.charAt(0) == '0') {
      char radix = Character.toLowerCase(text.charAt(1));
      if (radix == 'x') {
        return integer(text.substring(2), 16);
      }
      if (radix == 'o') {
        return integer(text.substring(2), 8);
      }
      if (radix == 'b') {
        return integer(text.substring(2), 2);
      }
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '.' || c == 'e' || c == 'E') {
        return Double.parseDouble(text);
      }
    }
    return integer(text, 10);
  }

  /** Whether a decimal integer literal is too long for CPython to convert. */
  static boolean tooManyDigits(String src, int start, int end) {
    if (end - start <= MAX_DECIMAL_DIGITS) {
      return false;
    }
    String text = withoutUnderscores(src, start, end);
    if (text.length() <= MAX_DECIMAL_DIGITS) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = Character.toLowerCase(text.charAt(i));
      if (c == '.' || c == 'e' || c == 'j' || c == 'x' || c == 'o' || c == 'b') {
        return false;
      }
    }
    return true;
  }

  private static Object integer(String digits, int radix) {
    int maxSafe = radix == 16 ? 15 : radix == 8 ? 20 : radix == 2 ? 62 : 18;
    if (digits.length() <= maxSafe) {
      return Long.parseLong(digits, radix);
    }
    BigInteger value = new BigInteger(digits, radix);
    return value.bitLength() < 64 ? (Object) value.longValue() : value;
  }

  private static String withoutUnderscores(String src, int start, int end) {
    int underscore = start;
    while (underscore < end && src.charAt(underscore) != '_') {
      underscore++;
    }
    if (underscore == end) {
      return src.substring(start, end);
    }
    StringBuilder sb = new StringBuilder(end - start);
    for (int i = start; i < end; i++) {
      char c = src.charAt(i);
      if (c != '_') {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
