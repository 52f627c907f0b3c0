package dev.asynclint.syntax.lexer;

/** Recognizes Python's hard keywords in a slice of source text without allocating. */
final class Keywords {
  /** The keywords by their first character, so a name is compared with at most five. */
  private static final TokenKind[][] BY_FIRST_CHAR = new TokenKind[128][];

  static {
    for (TokenKind kind : TokenKind.values()) {
      if (kind.isKeyword()) {
        char first = kind.text().charAt(0);
        TokenKind[] current = BY_FIRST_CHAR[first];
        TokenKind[] grown =
            current == null
                ? new TokenKind[1]
                : java.util.Arrays.copyOf(current, current.length + 1);
        grown[grown.length - 1] = kind;
        BY_FIRST_CHAR[first] = grown;
      }
    }
  }

  private Keywords() {}

  /** The keyword kind of {@code src[start, end)}, or {@link TokenKind#NAME}. */
  static TokenKind kindOf(char[] src, int start, int end) {
    int length = end - start;
    char first = src[start];
    if (length < 2 || length > 8 || first >= 128) {
      return TokenKind.NAME;
    }
    TokenKind[] candidates = BY_FIRST_CHAR[first];
    if (candidates == null) {
      return TokenKind.NAME;
    }
    for (TokenKind keyword : candidates) {
      String text = keyword.text();
      if (text.length() == length && matches(src, start, text)) {
        return keyword;
      }
    }
    return TokenKind.NAME;
  }

  private static boolean matches(char[] src, int start, String text) {
    for (int i = 1; i < text.length(); i++) {
      if (src[start + i] != text.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
