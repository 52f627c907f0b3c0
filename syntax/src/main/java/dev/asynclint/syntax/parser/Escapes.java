package dev.asynclint.syntax.parser;

import dev.asynclint.syntax.ErrorMessage;
import dev.asynclint.syntax.UnicodeTables;
import java.io.ByteArrayOutputStream;
import java.util.Locale;

/**
 * Decodes the body of string and bytes literals: backslash escapes (unless raw), line
 * continuations, and line endings, which CPython's tokenizer turns into {@code \n}.
 */
final class Escapes {
  private Escapes() {}

  /** The value of a (non-bytes, non-f) STRING token. */
  static String decodeString(TokenCursor parser, int index) {
    Body body = Body.of(parser, index);
    return decodeText(parser, body.start, body.end, body.raw, false);
  }

  /** A string literal's prefix: where its opening quote is, and whether it is raw. */
  static final class Prefix {
    final int quote;
    final boolean raw;

    private Prefix(int quote, boolean raw) {
      this.quote = quote;
      this.raw = raw;
    }

    static Prefix of(String src, int tokenStart) {
      boolean raw = false;
      int i = tokenStart;
      while (src.charAt(i) != '"' && src.charAt(i) != '\'') {
        raw |= src.charAt(i) == 'r' || src.charAt(i) == 'R';
        i++;
      }
      return new Prefix(i, raw);
    }
  }

  /** Where the text of a STRING token lies between its prefix and quotes, and whether it is raw. */
  private static final class Body {
    final int start;
    final int end;
    final boolean raw;

    private Body(int start, int end, boolean raw) {
      this.start = start;
      this.end = end;
      this.raw = raw;
    }

    static Body of(TokenCursor parser, int index) {
      String src = parser.src;
      int end = parser.tokens.end(index);
      Prefix prefix = Prefix.of(src, parser.tokens.start(index));
      int i = prefix.quote;
      boolean raw = prefix.raw;
      char quote = src.charAt(i);
      boolean triple = end - i >= 6 && src.charAt(i + 1) == quote && src.charAt(i + 2) == quote;
      int quoteLength = triple ? 3 : 1;
      return new Body(i + quoteLength, end - quoteLength, raw);
    }
  }

  /**
   * The exact code points of a STRING token, where each escape is one code point even when it is a
   * surrogate that a Java string would pair with its neighbour.
   */
  static int[] decodeCodePoints(TokenCursor parser, int index) {
    String src = parser.src;
    Body body = Body.of(parser, index);
    boolean raw = body.raw;
    int to = body.end;
    java.util.stream.IntStream.Builder out = java.util.stream.IntStream.builder();
    StringBuilder piece = new StringBuilder();
    int k = body.start;
    while (k < to) {
      piece.setLength(0);
      if (src.charAt(k) == '\\' && !raw) {
        k = escape(parser, piece, k, to);
        piece.codePoints().forEach(out);
      } else {
        int next = k + Character.charCount(src.codePointAt(k));
        piece.append(decodeText(parser, k, Math.min(next, to), raw, false));
        piece.codePoints().forEach(out);
        k = next;
      }
    }
    return out.build().toArray();
  }

  /** The text of an f-string literal piece; top-level pieces undouble {@code {{ }}}. */
  static String decodeFStringMiddle(TokenCursor parser, int index, boolean raw, boolean topLevel) {
    return decodeText(parser, parser.tokens.start(index), parser.tokens.end(index), raw, topLevel);
  }

  private static String decodeText(
      TokenCursor parser, int from, int to, boolean raw, boolean undoubleBraces) {
    String src = parser.src;
    boolean simple = true;
    for (int i = from; i < to; i++) {
      char c = src.charAt(i);
      if (c == '\\' || c == '\r' || (undoubleBraces && (c == '{' || c == '}'))) {
        simple = false;
        break;
      }
    }
    if (simple) {
      return src.substring(from, to);
    }
    StringBuilder sb = new StringBuilder(to - from);
    int i = from;
    while (i < to) {
      char c = src.charAt(i);
      if (c == '\r') {
        sb.append('\n');
        i += i + 1 < to && src.charAt(i + 1) == '\n' ? 2 : 1;
      } else if (undoubleBraces && (c == '{' || c == '}')) {
        sb.append(c);
        i += i + 1 < to && src.charAt(i + 1) == c ? 2 : 1;
      } else if (c != '\\') {
        sb.append(c);
        i++;
      } else if (raw) {
        sb.append('\\');
        i++;
      } else {
        i = escape(parser, sb, i, to);
      }
    }
    return sb.toString();
  }

  /** Decodes the escape at {@code src[i] == '\\'}; returns the index after it. */
  private static int escape(TokenCursor parser, StringBuilder sb, int i, int to) {
    String src = parser.src;
    if (i + 1 >= to) {
      sb.append('\\');
      return i + 1;
    }
    char c = src.charAt(i + 1);
    switch (c) {
      case '\n':
        return i + 2;
      case '\r':
        return i + 2 < to && src.charAt(i + 2) == '\n' ? i + 3 : i + 2;
      case '\\':
      case '\'':
      case '"':
        sb.append(c);
        return i + 2;
      case 'a':
        sb.append('\u0007');
        return i + 2;
      case 'b':
        sb.append('\b');
        return i + 2;
      case 'f':
        sb.append('\f');
        return i + 2;
      case 'n':
        sb.append('\n');
        return i + 2;
      case 'r':
        sb.append('\r');
        return i + 2;
      case 't':
        sb.append('\t');
        return i + 2;
      case 'v':
        sb.append('\u000b');
        return i + 2;
      case 'x':
        return hexEscape(parser, sb, i, to, 2, "truncated \\xXX escape");
      case 'u':
        return hexEscape(parser, sb, i, to, 4, "truncated \\uXXXX escape");
      case 'U':
        return hexEscape(parser, sb, i, to, 8, "truncated \\UXXXXXXXX escape");
      case 'N':
        return namedEscape(parser, sb, i, to);
      default:
        if (c >= '0' && c <= '7') {
          int value = 0;
          int j = i + 1;
          while (j < to && j < i + 4 && src.charAt(j) >= '0' && src.charAt(j) <= '7') {
            value = value * 8 + (src.charAt(j) - '0');
            j++;
          }
          sb.append((char) value);
          return j;
        }
        // Unknown escapes are kept as written (CPython only warns).
        sb.append('\\');
        return i + 1;
    }
  }

  private static int hexEscape(
      TokenCursor parser, StringBuilder sb, int i, int to, int digits, String problem) {
    String src = parser.src;
    int value = 0;
    int j = i + 2;
    for (int k = 0; k < digits; k++, j++) {
      int d = j < to ? Character.digit(src.charAt(j), 16) : -1;
      if (d < 0 || src.charAt(j) >= 0x80) {
        throw parser.failAt(
            ErrorMessage.BAD_ESCAPE.format("'unicodeescape' codec can't decode bytes: " + problem),
            i);
      }
      value = value * 16 + d;
    }
    if (digits == 8 && (value < 0 || value > Character.MAX_CODE_POINT)) {
      throw parser.failAt(
          ErrorMessage.BAD_ESCAPE.format(
              "'unicodeescape' codec can't decode bytes: illegal Unicode character"),
          i);
    }
    if (value >= Character.MIN_SURROGATE && value <= Character.MAX_SURROGATE) {
      parser.surrogateEscape = true;
    }
    sb.appendCodePoint(value);
    return j;
  }

  private static int namedEscape(TokenCursor parser, StringBuilder sb, int i, int to) {
    String src = parser.src;
    int open = i + 2;
    int close = open < to && src.charAt(open) == '{' ? src.indexOf('}', open) : -1;
    if (close < 0 || close >= to || close == open + 1) {
      throw parser.failAt(
          ErrorMessage.BAD_ESCAPE.format(
              "'unicodeescape' codec can't decode bytes: malformed \\N character escape"),
          i);
    }
    String name = src.substring(open + 1, close);
    int cp = codePointOf(name);
    if (cp < 0) {
      throw parser.failAt(
          ErrorMessage.BAD_ESCAPE.format(
              "'unicodeescape' codec can't decode bytes: unknown Unicode character name"),
          i);
    }
    sb.appendCodePoint(cp);
    return close + 1;
  }

  /**
   * The code point {@code \N{name}} names, as CPython 3.11 finds it: Unicode names and aliases in
   * any case, algorithmic names (ideographs, Hangul syllables) only in upper case, and only
   * characters Unicode 14 assigns, whatever the JDK's own Unicode version.
   */
  private static int codePointOf(String name) {
    if (name.isEmpty()
        || name.startsWith(" ")
        || name.endsWith(" ")
        || name.contains("  ")
        || name.indexOf('(') >= 0) {
      return -1;
    }
    int algorithmic = algorithmicCodePoint(name);
    if (algorithmic >= 0) {
      return algorithmic;
    }
    String upper = name.toUpperCase(Locale.ROOT);
    int alias = UnicodeTables.alias(upper);
    if (alias >= 0) {
      return alias;
    }
    int codePoint;
    try {
      codePoint = Character.codePointOf(upper);
    } catch (IllegalArgumentException e) {
      return -1;
    }
    // Java also accepts its own names for unnamed characters ("LINE FEED (LF)", a block name
    // and a hex code); Unicode's names are what Character.getName returns for named ones only.
    String javaName = Character.getName(codePoint);
    boolean unicodeName =
        javaName != null && javaName.equals(upper) && !isBlockAndHex(javaName, codePoint);
    return unicodeName && UnicodeTables.isAssigned(codePoint) ? codePoint : -1;
  }

  private static boolean isBlockAndHex(String javaName, int codePoint) {
    return javaName.endsWith(" " + Integer.toHexString(codePoint).toUpperCase(Locale.ROOT));
  }

  /** Code point ranges whose names are a prefix and the code in upper-case hex. */
  private static final int[][] IDEOGRAPH_RANGES = {
    {0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0x20000, 0x2A6DF}, {0x2A700, 0x2B73F},
    {0x2B740, 0x2B81F}, {0x2B820, 0x2CEAF}, {0x2CEB0, 0x2EBEF}, {0x30000, 0x3134F}
  };

  private static final int[][] TANGUT_RANGES = {{0x17000, 0x187F7}, {0x18D00, 0x18D08}};
  private static final int[][] KHITAN_RANGES = {{0x18B00, 0x18CD5}};
  private static final int[][] NUSHU_RANGES = {{0x1B170, 0x1B2FB}};

  private static final String[] HANGUL_LEADS = {
    "G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T", "P",
    "H"
  };
  private static final String[] HANGUL_VOWELS = {
    "A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO", "WE",
    "WI", "YU", "EU", "YI", "I"
  };
  private static final String[] HANGUL_TAILS = {
    "", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH", "M",
    "B", "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H"
  };

  /** Names Unicode derives by rule rather than listing: ideographs and Hangul syllables. */
  private static int algorithmicCodePoint(String name) {
    int cp = hexNamed(name, "CJK UNIFIED IDEOGRAPH-", IDEOGRAPH_RANGES);
    if (cp < 0) {
      cp = hexNamed(name, "TANGUT IDEOGRAPH-", TANGUT_RANGES);
    }
    if (cp < 0) {
      cp = hexNamed(name, "KHITAN SMALL SCRIPT CHARACTER-", KHITAN_RANGES);
    }
    if (cp < 0) {
      cp = hexNamed(name, "NUSHU CHARACTER-", NUSHU_RANGES);
    }
    if (cp >= 0) {
      return UnicodeTables.isAssigned(cp) ? cp : -1;
    }
    return hangulSyllable(name);
  }

  private static int hexNamed(String name, String prefix, int[][] ranges) {
    if (!name.startsWith(prefix)) {
      return -1;
    }
    String hex = name.substring(prefix.length());
    if (hex.length() < 4 || hex.length() > 5 || !hex.chars().allMatch(Escapes::isUpperHex)) {
      return -1;
    }
    int cp = Integer.parseInt(hex, 16);
    for (int[] range : ranges) {
      if (cp >= range[0] && cp <= range[1]) {
        return cp;
      }
    }
    return -1;
  }

  private static boolean isUpperHex(int c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F');
  }

  private static int hangulSyllable(String name) {
    String prefix = "HANGUL SYLLABLE ";
    if (!name.startsWith(prefix)) {
      return -1;
    }
    String syllable = name.substring(prefix.length());
    for (int l = 0; l < HANGUL_LEADS.length; l++) {
      if (!syllable.startsWith(HANGUL_LEADS[l])) {
        continue;
      }
      for (int v = 0; v < HANGUL_VOWELS.length; v++) {
        String lv = HANGUL_LEADS[l] + HANGUL_VOWELS[v];
        if (!syllable.startsWith(lv)) {
          continue;
        }
        for (int t = 0; t < HANGUL_TAILS.length; t++) {
          if (syllable.equals(lv + HANGUL_TAILS[t])) {
            return 0xAC00 + (l * 21 + v) * 28 + t;
          }
        }
      }
    }
    return -1;
  }

  /** Appends the value of a bytes STRING token. */
  static void decodeBytes(TokenCursor parser, ByteArrayOutputStream out, int index) {
    String src = parser.src;
    Body body = Body.of(parser, index);
    for (int k = body.start; k < body.end; k++) {
      if (src.charAt(k) >= 0x80) {
        throw parser.failAt(ErrorMessage.BYTES_NON_ASCII.format(), parser.tokens.start(index));
      }
    }
    String text =
        body.raw
            ? decodeText(parser, body.start, body.end, true, false)
            : bytesEscapesOnly(parser, body.start, body.end);
    for (int k = 0; k < text.length(); k++) {
      out.write(text.charAt(k));
    }
  }

  /** Bytes know no {@code \\u}, {@code \\U} or {@code \\N} escapes: those stay as written. */
  private static String bytesEscapesOnly(TokenCursor parser, int from, int to) {
    String src = parser.src;
    StringBuilder sb = new StringBuilder(to - from);
    int i = from;
    while (i < to) {
      char c = src.charAt(i);
      if (c == '\r') {
        sb.append('\n');
        i += i + 1 < to && src.charAt(i + 1) == '\n' ? 2 : 1;
      } else if (c != '\\') {
        sb.append(c);
        i++;
      } else if (i + 1 < to
          && (src.charAt(i + 1) == 'u' || src.charAt(i + 1) == 'U' || src.charAt(i + 1) == 'N')) {
        sb.append('\\');
        i++;
      } else {
        int before = sb.length();
        i = escape(parser, sb, i, to);
        if (sb.length() > before && sb.charAt(before) > 0xFF) {
          // An octal escape above \377 wraps around in bytes, as CPython's codec does.
          sb.setCharAt(before, (char) (sb.charAt(before) & 0xFF));
        }
      }
    }
    return sb.toString();
  }
}
