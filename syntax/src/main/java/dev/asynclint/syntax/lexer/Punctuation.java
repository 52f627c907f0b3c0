package dev.asynclint.syntax.lexer;

/** Recognizes the operators and delimiters that need no bracket or f-string bookkeeping. */
final class Punctuation {
  private Punctuation() {}

  /** The longest operator starting at {@code buf[pos]}, or null if none starts there. */
  static TokenKind match(char[] buf, int pos) {
    char c = buf[pos];
    char c1 = pos + 1 < buf.length ? buf[pos + 1] : '\0';
    char c2 = pos + 2 < buf.length ? buf[pos + 2] : '\0';
    switch (c) {
      case ',':
        return TokenKind.COMMA;
      case ';':
        return TokenKind.SEMI;
      case '~':
        return TokenKind.TILDE;
      case '.':
        if (c1 == '.' && c2 == '.') {
          return TokenKind.ELLIPSIS;
        } else {
          return TokenKind.DOT;
        }
      case '+':
        return c1 == '=' ? TokenKind.PLUSEQUAL : TokenKind.PLUS;
      case '-':
        if (c1 == '=') {
          return TokenKind.MINEQUAL;
        } else if (c1 == '>') {
          return TokenKind.RARROW;
        } else {
          return TokenKind.MINUS;
        }
      case '*':
        if (c1 == '*') {
          return c2 == '=' ? TokenKind.DOUBLESTAREQUAL : TokenKind.DOUBLESTAR;
        } else {
          return c1 == '=' ? TokenKind.STAREQUAL : TokenKind.STAR;
        }
      case '/':
        if (c1 == '/') {
          return c2 == '=' ? TokenKind.DOUBLESLASHEQUAL : TokenKind.DOUBLESLASH;
        } else {
          return c1 == '=' ? TokenKind.SLASHEQUAL : TokenKind.SLASH;
        }
      case '%':
        return c1 == '=' ? TokenKind.PERCENTEQUAL : TokenKind.PERCENT;
      case '&':
        return c1 == '=' ? TokenKind.AMPEREQUAL : TokenKind.AMPER;
      case '|':
        return c1 == '=' ? TokenKind.VBAREQUAL : TokenKind.VBAR;
      case '^':
        return c1 == '=' ? TokenKind.CIRCUMFLEXEQUAL : TokenKind.CIRCUMFLEX;
      case '@':
        return c1 == '=' ? TokenKind.ATEQUAL : TokenKind.AT;
      case '=':
        return c1 == '=' ? TokenKind.EQEQUAL : TokenKind.EQUAL;
      case '!':
        return c1 == '=' ? TokenKind.NOTEQUAL : TokenKind.EXCLAMATION;
      case '<':
        if (c1 == '<') {
          return c2 == '=' ? TokenKind.LEFTSHIFTEQUAL : TokenKind.LEFTSHIFT;
        } else if (c1 == '=') {
          return TokenKind.LESSEQUAL;
        } else {
          return TokenKind.LESS;
        }
      case '>':
        if (c1 == '>') {
          return c2 == '=' ? TokenKind.RIGHTSHIFTEQUAL : TokenKind.RIGHTSHIFT;
        } else if (c1 == '=') {
          return TokenKind.GREATEREQUAL;
        } else {
          return TokenKind.GREATER;
        }
      default:
        return null;
    }
  }
}
