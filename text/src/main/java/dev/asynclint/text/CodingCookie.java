package dev.asynclint.text;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * A PEP 263 coding cookie such as {@code # -*- coding: latin-1 -*-}, found as CPython's {@code
 * get_coding_spec} finds it: on line 1, or on line 2 when line 1 is blank or only a comment.
 *
 * @param encoding the declared name after CPython's {@code get_normal_name}
 * @param line the 1-based line of the cookie
 */
record CodingCookie(String encoding, int line) {
  private static final byte[] CODING = "coding".getBytes(StandardCharsets.US_ASCII);
  private static final int CODE_LINE = -1;

  /** Finds the cookie in {@code source}, whose text starts at {@code start} (after any BOM). */
  static Optional<CodingCookie> find(byte[] source, int start) {
    int lineStart = start;
    for (int line = 1; line <= 2; line++) {
      int lineEnd = lineEnd(source, lineStart);
      int hash = commentStart(source, lineStart, lineEnd);
      if (hash == CODE_LINE) {
        return Optional.empty();
      }
      String name = nameAfterCoding(source, hash, lineEnd);
      if (name != null) {
        return Optional.of(new CodingCookie(normalName(name), line));
      }
      lineStart = nextLineStart(source, lineEnd);
    }
    return Optional.empty();
  }

  /**
   * CPython's {@code get_normal_name}: folds the spellings of UTF-8 and Latin-1 it special-cases
   * and returns any other name unchanged. Only these two are folded, which is why a BOM with {@code
   * coding: utf8} is an error while {@code coding: UTF_8} is not.
   */
  static String normalName(String name) {
    String folded = name.toLowerCase(Locale.ROOT).replace('_', '-');
    if (isOrExtends(folded, "utf-8")) {
      return "utf-8";
    }
    if (isOrExtends(folded, "latin-1")
        || isOrExtends(folded, "iso-8859-1")
        || isOrExtends(folded, "iso-latin-1")) {
      return "iso-8859-1";
    }
    return name;
  }

  private static boolean isOrExtends(String name, String prefix) {
    return name.equals(prefix) || name.startsWith(prefix + "-");
  }

  /** Where the {@code #} of a comment-only line is, {@code end} if blank, else CODE_LINE. */
  private static int commentStart(byte[] source, int start, int end) {
    for (int i = start; i < end; i++) {
      byte b = source[i];
      if (b == '#') {
        return i;
      }
      if (b != ' ' && b != '\t' && b != '\f') {
        return CODE_LINE;
      }
    }
    return end;
  }

  /**
   * The name in the first {@code coding[:=][ \t]*[-\w.]+} of the range, or null. CPython scans
   * bytes with ASCII-only {@code \w}, so a non-ASCII letter ends the name.
   */
  private static String nameAfterCoding(byte[] source, int from, int end) {
    for (int i = from; i + CODING.length < end; i++) {
      if (!startsWith(source, i, CODING)) {
        continue;
      }
      int t = i + CODING.length;
      if (source[t] != ':' && source[t] != '=') {
        continue;
      }
      t++;
      while (t < end && (source[t] == ' ' || source[t] == '\t')) {
        t++;
      }
      int begin = t;
      while (t < end && isNameByte(source[t])) {
        t++;
      }
      if (t > begin) {
        return new String(source, begin, t - begin, StandardCharsets.US_ASCII);
      }
    }
    return null;
  }

  private static boolean startsWith(byte[] source, int at, byte[] word) {
    for (int k = 0; k < word.length; k++) {
      if (source[at + k] != word[k]) {
        return false;
      }
    }
    return true;
  }

  private static boolean isNameByte(byte b) {
    return (b >= 'a' && b <= 'z')
        || (b >= 'A' && b <= 'Z')
        || (b >= '0' && b <= '9')
        || b == '-'
        || b == '_'
        || b == '.';
  }

  private static int lineEnd(byte[] source, int start) {
    int i = start;
    while (i < source.length && source[i] != '\n' && source[i] != '\r') {
      i++;
    }
    return i;
  }

  private static int nextLineStart(byte[] source, int lineEnd) {
    if (lineEnd < source.length && source[lineEnd] == '\r') {
      lineEnd++;
      return lineEnd < source.length && source[lineEnd] == '\n' ? lineEnd + 1 : lineEnd;
    }
    return Math.min(lineEnd + 1, source.length);
  }
}
