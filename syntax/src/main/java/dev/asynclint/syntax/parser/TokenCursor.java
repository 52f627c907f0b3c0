package dev.asynclint.syntax.parser;

import dev.asynclint.syntax.ErrorMessage;
import dev.asynclint.syntax.PythonVersion;
import dev.asynclint.syntax.SyntaxError;
import dev.asynclint.syntax.lexer.TokenKind;
import dev.asynclint.syntax.lexer.Tokens;
import dev.asynclint.text.TextRange;

/** The parser's view of the token stream: lookahead, consumption, positions and failures. */
abstract class TokenCursor {
  /** Bounds recursion so hostile nesting becomes a syntax error, not a stack overflow. */
  private static final int MAX_DEPTH = 1000;

  private static final int MAX_TREE_DEPTH = 3000;

  final String src;
  final Tokens tokens;
  final PythonVersion version;
  final Identifiers identifiers = Identifiers.ofThisThread();
  int p;
  private int depth;

  /** Set when a string escape produced a surrogate, which Java strings may pair up. */
  boolean surrogateEscape;

  TokenCursor(String src, Tokens tokens, PythonVersion version) {
    this.src = src;
    this.tokens = tokens;
    this.version = version;
  }

  final TokenKind kind() {
    return tokens.kind(p);
  }

  final TokenKind kind(int ahead) {
    int index = p + ahead;
    return index < tokens.size() ? tokens.kind(index) : TokenKind.ENDMARKER;
  }

  final boolean at(TokenKind kind) {
    return tokens.kind(p) == kind;
  }

  final boolean accept(TokenKind kind) {
    if (tokens.kind(p) == kind) {
      p++;
      return true;
    }
    return false;
  }

  final int expect(TokenKind kind) {
    if (tokens.kind(p) != kind) {
      throw expected(kind.describe());
    }
    return p++;
  }

  /** Whether the current token is the name {@code word} (for soft keywords). */
  final boolean atName(String word) {
    return tokens.kind(p) == TokenKind.NAME && textEquals(p, word);
  }

  private boolean textEquals(int index, String word) {
    int start = tokens.start(index);
    return tokens.end(index) - start == word.length() && src.startsWith(word, start);
  }

  final String text(int index) {
    return src.substring(tokens.start(index), tokens.end(index));
  }

  final int start() {
    return tokens.start(p);
  }

  final int startOf(int index) {
    return tokens.start(index);
  }

  /** The end of the last consumed token. */
  final int prevEnd() {
    return tokens.end(p - 1);
  }

  /**
   * The end of the last consumed token that is not a newline, indent or dedent: where CPython ends
   * a compound statement (so a trailing {@code ;} of its last line counts).
   */
  final int lastSignificantEnd() {
    int i = p - 1;
    while (i > 0) {
      TokenKind k = tokens.kind(i);
      if (k != TokenKind.NEWLINE && k != TokenKind.INDENT && k != TokenKind.DEDENT) {
        break;
      }
      i--;
    }
    return tokens.end(i);
  }

  final TextRange from(int start) {
    return new TextRange(start, tokens.end(p - 1));
  }

  final void enter() {
    if (++depth > MAX_DEPTH) {
      throw failAt(ErrorMessage.TOO_DEEP.format(), start());
    }
  }

  /**
   * Checks a chain that nests the tree without recursing ({@code a.b.c...}, {@code 1+1+...}, {@code
   * elif} after {@code elif}): CPython refuses trees deeper than about 3,000 levels ("maximum
   * recursion depth exceeded during ast construction"), and so do we.
   */
  final void chain(int length) {
    if (length + depth > MAX_TREE_DEPTH) {
      throw failAt(ErrorMessage.TOO_DEEP.format(), start());
    }
  }

  final void leave() {
    depth--;
  }

  final int depth() {
    return depth;
  }

  /** Rewinds after a failed speculative parse. */
  final void restore(int position, int savedDepth) {
    p = position;
    depth = savedDepth;
  }

  final void require(PythonVersion needed, String feature, int at) {
    if (!version.atLeast(needed)) {
      throw failAt(ErrorMessage.NOT_SUPPORTED.format(feature, needed), at);
    }
  }

  final ParseFailure expected(String what) {
    if (at(TokenKind.ERROR)) {
      return lexerFailure();
    }
    if (at(TokenKind.INDENT)) {
      return failAt(ErrorMessage.UNEXPECTED_INDENT.format(), start());
    }
    return failAt(ErrorMessage.INVALID_SYNTAX_EXPECTED.format(what), start());
  }

  final ParseFailure unexpected() {
    if (at(TokenKind.ERROR)) {
      return lexerFailure();
    }
    if (at(TokenKind.INDENT)) {
      return failAt(ErrorMessage.UNEXPECTED_INDENT.format(), start());
    }
    return failAt(ErrorMessage.INVALID_SYNTAX.format(), start());
  }

  final ParseFailure lexerFailure() {
    SyntaxError error = tokens.error();
    return new ParseFailure(error.message(), error.range().start(), error.range().end());
  }

  final ParseFailure failAt(String message, int offset) {
    return new ParseFailure(message, offset, offset);
  }

  final ParseFailure fail(String message, TextRange range) {
    return new ParseFailure(message, range.start(), range.end());
  }

  /** Unwinds the parser to the statement being parsed or to a speculation point. */
  static final class ParseFailure extends RuntimeException {
    final int start;
    final int end;

    ParseFailure(String message, int start, int end) {
      super(message, null, false, false);
      this.start = start;
      this.end = end;
    }

    SyntaxError toSyntaxError() {
      return new SyntaxError(getMessage(), new TextRange(start, end));
    }
  }
}
