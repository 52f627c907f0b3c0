package dev.asynclint.syntax.lexer;

/** Recognizes Python's hard keywords in a slice of source text without allocating. */
final class Keywords {
  private static final TokenKind[] KEYWORDS;

  static {
    int count = 0;
    for (TokenKind kind : TokenKind.values()) {
      if (kind.isKeyword()) {
        count++;
      }
    }
    KEYWORDS = new TokenKind[count];
    int i = 0;
    for (TokenKind kind : TokenKind.values()) {
      if (kind.isKeyword()) {
        KEYWORDS[i++] = kind;
      }
    }
  }

  private Keywords() {}

  /** The keyword kind of {@code src[start, end)}, or {@link TokenKind#NAME}. */
  static TokenKind kindOf(String src, int start, int end) {
    int length = end - start;
    if (length < 2 || length > 8) {
      return TokenKind.NAME;
    }
    char first = src.charAt(start);
    for (TokenKind keyword : KEYWORDS) {
      String text = keyword.text();
      if (text.length() == length
          && text.charAt(0) == first
          && src.regionMatches(start, text, 0, length)) {
        return keyword;
      }
    }
    return TokenKind.NAME;
  }
}
