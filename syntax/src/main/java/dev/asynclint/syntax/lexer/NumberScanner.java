package dev.asynclint.syntax.lexer;

import dev.asynclint.syntax.ErrorMessage;

/**
 * Reads one number literal: decimal, hexadecimal, octal and binary integers with single underscores
 * between digits, floats with fraction and exponent, and imaginary numbers.
 */
final class NumberScanner {
  private static final String[] KEYWORDS_AFTER_NUMBER = {
    "and", "else", "for", "if", "in", "is", "not", "or"
  };

  private final String src;
  private final char[] buf;
  private final int length;
  private int pos;

  private NumberScanner(String src, char[] buf, int start) {
    this.src = src;
    this.buf = buf;
    this.length = buf.length;
    this.pos = start;
  }

  /** The end of the number starting at {@code start}; throws a LexError if it is malformed. */
  static int scan(String src, char[] buf, int start) {
    return new NumberScanner(src, buf, start).scan();
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private int scan() {
    int start = pos;
    char c = buf[pos];
    if (c == '0' && pos + 1 < length) {
      char x = buf[pos + 1];
      if (x == 'x' || x == 'X') {
        return radixNumber(16, "hexadecimal");
      }
      if (x == 'o' || x == 'O') {
        return radixNumber(8, "octal");
      }
      if (x == 'b' || x == 'B') {
        return radixNumber(2, "binary");
      }
    }
    boolean isFloat = false;
    boolean nonZero = false;
    if (c != '.') {
      nonZero = digits(10, "decimal");
    }
    if (pos < length && buf[pos] == '.') {
      isFloat = true;
      pos++;
      if (pos < length && isDigit(buf[pos])) {
        digits(10, "decimal");
      }
    }
    if (pos < length && (buf[pos] == 'e' || buf[pos] == 'E')) {
      int save = pos;
      pos++;
      if (pos < length && (buf[pos] == '+' || buf[pos] == '-')) {
        pos++;
      }
      if (pos < length && isDigit(buf[pos])) {
        digits(10, "decimal");
        isFloat = true;
      } else {
        // Not an exponent after all: "1else" is the number 1 and the keyword else.
        pos = save;
        endOfNumber("decimal");
        return pos;
      }
    }
    boolean imaginary = false;
    if (pos < length && (buf[pos] == 'j' || buf[pos] == 'J')) {
      pos++;
      imaginary = true;
    }
    if (!isFloat && !imaginary && c == '0' && nonZero) {
      throw new LexError(ErrorMessage.LEADING_ZEROS.format(), start);
    }
    endOfNumber(imaginary ? "imaginary" : "decimal");
    return pos;
  }

  /** Reads digits with single underscores between them; returns whether any digit is non-zero. */
  private boolean digits(int radix, String name) {
    boolean nonZero = false;
    while (true) {
      while (pos < length && Character.digit(buf[pos], radix) >= 0 && buf[pos] < 0x80) {
        if (buf[pos] != '0') {
          nonZero = true;
        }
        pos++;
      }
      if (pos < length && buf[pos] == '_') {
        pos++;
        if (pos >= length || Character.digit(buf[pos], radix) < 0 || buf[pos] >= 0x80) {
          throw new LexError(ErrorMessage.INVALID_NUMBER.format(name), pos - 1);
        }
      } else {
        return nonZero;
      }
    }
  }

  private int radixNumber(int radix, String name) {
    pos += 2;
    if (pos < length && buf[pos] == '_') {
      pos++;
    }
    if (pos >= length || Character.digit(buf[pos], radix) < 0 || buf[pos] >= 0x80) {
      if (pos < length && isDigit(buf[pos])) {
        throw new LexError(ErrorMessage.INVALID_DIGIT.format(buf[pos], name), pos);
      }
      throw new LexError(ErrorMessage.INVALID_NUMBER.format(name), pos);
    }
    digits(radix, name);
    if (pos < length && isDigit(buf[pos])) {
      throw new LexError(ErrorMessage.INVALID_DIGIT.format(buf[pos], name), pos);
    }
    endOfNumber(name);
    return pos;
  }

  /**
   * A number must not run into a name. CPython still accepts (with a warning) a number directly
   * followed by one of the keywords that can follow an expression, e.g. {@code 1if x else y}.
   */
  private void endOfNumber(String name) {
    if (pos >= length) {
      return;
    }
    char c = buf[pos];
    if (c < 0x80
        ? !Lexer.isAsciiIdentifierPart(c)
        : !Lexer.isIdentifierPart(src.codePointAt(pos))) {
      return;
    }
    for (String keyword : KEYWORDS_AFTER_NUMBER) {
      if (src.startsWith(keyword, pos)) {
        return;
      }
    }
    throw new LexError(ErrorMessage.INVALID_NUMBER.format(name), pos);
  }
}
