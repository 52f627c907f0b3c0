package dev.asynclint.syntax.parser;

import static dev.asynclint.syntax.lexer.TokenKind.*;

import dev.asynclint.syntax.ErrorMessage;
import dev.asynclint.syntax.PythonVersion;
import dev.asynclint.syntax.ast.Bytes;
import dev.asynclint.syntax.ast.CodePointString;
import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.text.TextRange;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Adjacent string literals: plain and bytes strings are decoded and joined into one constant; once
 * an f-string takes part, the whole concatenation becomes a {@code JoinedStr} whose literal pieces
 * are merged as CPython merges them.
 */
final class StringParser {
  private final ExpressionParser parser;

  StringParser(ExpressionParser parser) {
    this.parser = parser;
  }

  Expr concatenation() {
    int start = parser.start();
    int first = parser.p;
    boolean anyBytes = false;
    boolean anyText = false;
    boolean anyFString = false;
    for (int i = first;
        parser.tokens.kind(i) == STRING || parser.tokens.kind(i) == FSTRING_START; ) {
      if (parser.tokens.kind(i) == FSTRING_START) {
        anyFString = true;
        anyText = true;
        i = fstringEnd(i) + 1;
      } else {
        if (isBytes(parser.tokens.start(i))) {
          anyBytes = true;
        } else {
          anyText = true;
        }
        i++;
      }
    }
    if (anyBytes && anyText) {
      throw parser.failAt(ErrorMessage.MIXED_BYTES.format(), start);
    }
    if (anyBytes) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      while (parser.at(STRING)) {
        Escapes.decodeBytes(parser, out, parser.p);
        parser.p++;
      }
      return new Expr.Constant(new Bytes(out.toByteArray()), null, parser.from(start));
    }
    // Only a lower-case u prefix on the first string marks the constant, as in CPython.
    String kind = parser.src.charAt(start) == 'u' ? "u" : null;
    if (!anyFString) {
      parser.surrogateEscape = false;
      StringBuilder sb = new StringBuilder();
      while (parser.at(STRING)) {
        sb.append(Escapes.decodeString(parser, parser.p));
        parser.p++;
      }
      String value = sb.toString();
      return new Expr.Constant(exactValue(value, first), kind, parser.from(start));
    }
    List<Expr> values = new ArrayList<>();
    PendingText pending = new PendingText(kind);
    while (parser.at(STRING) || parser.at(FSTRING_START)) {
      if (parser.at(STRING)) {
        int index = parser.p;
        pending.append(
            Escapes.decodeString(parser, index),
            parser.tokens.start(index),
            parser.tokens.end(index));
        parser.p++;
      } else {
        fstring(values, pending);
      }
    }
    pending.flush(values);
    return new Expr.JoinedStr(values, parser.from(start));
  }

  /**
   * The value of plain string tokens from {@code first} to the current one: {@code text}, unless
   * surrogate escapes in it merged into pairs that Python keeps apart.
   */
  private Object exactValue(String text, int first) {
    if (!parser.surrogateEscape) {
      return text;
    }
    java.util.stream.IntStream.Builder exact = java.util.stream.IntStream.builder();
    for (int i = first; i < parser.p; i++) {
      for (int codePoint : Escapes.decodeCodePoints(parser, i)) {
        exact.add(codePoint);
      }
    }
    int[] codePoints = exact.build().toArray();
    return java.util.Arrays.equals(codePoints, text.codePoints().toArray())
        ? text
        : new CodePointString(codePoints);
  }

  private boolean isBytes(int tokenStart) {
    String src = parser.src;
    for (int i = tokenStart; ; i++) {
      char c = src.charAt(i);
      if (c == 'b' || c == 'B') {
        return true;
      }
      if (c == '"' || c == '\'') {
        return false;
      }
    }
  }

  /** The index of the FSTRING_END matching the FSTRING_START at {@code index}. */
  private int fstringEnd(int index) {
    int depth = 0;
    for (int i = index; ; i++) {
      switch (parser.tokens.kind(i)) {
        case FSTRING_START:
          depth++;
          break;
        case FSTRING_END:
          if (--depth == 0) {
            return i;
          }
          break;
        case ERROR:
        case ENDMARKER:
          return i;
        default:
          break;
      }
    }
  }

  private void fstring(List<Expr> values, PendingText pending) {
    int startIndex = parser.expect(FSTRING_START);
    FStringQuote quote =
        FStringQuote.of(parser.src, parser.tokens.start(startIndex), parser.tokens.end(startIndex));
    while (!parser.at(FSTRING_END)) {
      if (parser.at(FSTRING_MIDDLE)) {
        int index = parser.p++;
        String text = Escapes.decodeFStringMiddle(parser, index, quote.raw, true);
        pending.append(text, parser.tokens.start(index), parser.tokens.end(index));
      } else if (parser.at(LBRACE)) {
        replacementField(values, pending, quote, 0);
      } else {
        throw parser.unexpected();
      }
    }
    parser.p++;
  }

  /**
   * One {@code {expression[=][!c][:spec]}} field, added to {@code out} after the pending text,
   * which takes in the debug text of {@code =} as CPython merges them.
   */
  private void replacementField(
      List<Expr> out, PendingText pending, FStringQuote quote, int nesting) {
    int open = parser.expect(LBRACE);
    int fieldStart = parser.tokens.start(open);
    int maxNesting = parser.version.atLeast(PythonVersion.PY312) ? 3 : 2;
    if (nesting >= maxNesting) {
      throw parser.failAt(ErrorMessage.FSTRING_TOO_DEEP.format(), fieldStart);
    }
    if (parser.at(RBRACE) || parser.at(EXCLAMATION) || parser.at(COLON) || parser.at(EQUAL)) {
      throw parser.failAt(
          ErrorMessage.FSTRING_EMPTY_EXPRESSION.format(parser.kind().text()), parser.start());
    }
    if (parser.at(LAMBDA)) {
      throw parser.failAt(ErrorMessage.LAMBDA_IN_FSTRING.format(), parser.start());
    }
    int exprStartIndex = parser.p;
    Expr value = parser.at(YIELD) ? parser.yieldExpression() : parser.starExpressions();
    if (parser.at(FOR) || (parser.at(ASYNC) && parser.kind(1) == FOR)) {
      // CPython before 3.12 wrapped the field in parentheses, making this a generator expression.
      value =
          new Expr.GeneratorExp(
              value, parser.comprehensionClauses(), new TextRange(fieldStart, parser.start() + 1));
    }
    boolean starredRejected =
        parser.version.atLeast(PythonVersion.PY39) && !parser.version.atLeast(PythonVersion.PY312);
    if (value instanceof Expr.Starred && starredRejected) {
      throw parser.fail(ErrorMessage.STARRED_HERE.format(), value.range());
    }
    int exprEnd = parser.start();
    if (!parser.version.atLeast(PythonVersion.PY312)) {
      checkBeforePython312(quote, fieldStart + 1, exprEnd, exprStartIndex);
    }
    String debugText = null;
    int debugEnd = -1;
    if (parser.accept(EQUAL)) {
      debugEnd = parser.start();
      debugText = withoutComments(fieldStart + 1, debugEnd);
    }
    int conversion = -1;
    if (parser.accept(EXCLAMATION)) {
      int name = parser.p;
      if (!parser.at(NAME)
          || parser.tokens.start(name) != parser.prevEnd()
          || (!parser.version.atLeast(PythonVersion.PY312)
              && parser.tokens.end(name) != parser.tokens.start(name + 1))) {
        throw parser.failAt(ErrorMessage.FSTRING_INVALID_CONVERSION.format(), parser.start());
      }
      String c = parser.text(name);
      if (!(c.equals("s") || c.equals("r") || c.equals("a"))) {
        throw parser.failAt(ErrorMessage.FSTRING_INVALID_CONVERSION.format(), parser.start());
      }
      conversion = c.charAt(0);
      parser.p++;
    }
    Expr formatSpec = null;
    if (parser.at(COLON)) {
      formatSpec = formatSpec(quote, nesting);
    }
    parser.expect(RBRACE);
    int fieldEnd = parser.prevEnd();
    if (debugText != null) {
      pending.append(normalizeNewlines(debugText), fieldStart + 1, debugEnd);
      if (conversion == -1 && formatSpec == null) {
        conversion = 'r';
      }
    }
    pending.flush(out);
    out.add(
        new Expr.FormattedValue(
            value, conversion, formatSpec, new TextRange(fieldStart, fieldEnd)));
  }

  /** The format spec after the colon: from the colon to the closing brace, as CPython 3.12. */
  private Expr formatSpec(FStringQuote quote, int nesting) {
    int colon = parser.expect(COLON);
    List<Expr> specValues = new ArrayList<>();
    PendingText pending = new PendingText(null);
    while (!parser.at(RBRACE)) {
      if (parser.at(FSTRING_MIDDLE)) {
        int index = parser.p++;
        String text = Escapes.decodeFStringMiddle(parser, index, quote.raw, false);
        pending.append(text, parser.tokens.start(index), parser.tokens.end(index));
      } else if (parser.at(LBRACE)) {
        replacementField(specValues, pending, quote, nesting + 1);
      } else {
        throw parser.unexpected();
      }
    }
    pending.flush(specValues);
    return new Expr.JoinedStr(
        specValues, new TextRange(parser.tokens.start(colon), parser.start()));
  }

  /** Source text of a debug expression; comments in it (3.12+) are not part of the text. */
  private String withoutComments(int from, int to) {
    StringBuilder text = new StringBuilder(to - from);
    int at = from;
    for (int i = 0; i < parser.tokens.commentCount(); i++) {
      TextRange comment = parser.tokens.comment(i);
      if (comment.start() >= at && comment.end() <= to) {
        text.append(parser.src, at, comment.start());
        at = comment.end();
      }
    }
    return text.append(parser.src, at, to).toString();
  }

  private void checkBeforePython312(FStringQuote quote, int from, int to, int firstToken) {
    String text = parser.src.substring(from, to);
    if (text.indexOf('\\') >= 0) {
      throw parser.failAt(ErrorMessage.FSTRING_BACKSLASH.format(), from);
    }
    if (text.contains(quote.closing)) {
      throw parser.failAt(ErrorMessage.FSTRING_NESTED_QUOTE.format(), from);
    }
    if (!quote.triple && (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0)) {
      throw parser.failAt(ErrorMessage.FSTRING_MULTILINE.format(), from);
    }
    for (int i = 0; i < parser.tokens.commentCount(); i++) {
      TextRange comment = parser.tokens.comment(i);
      if (comment.start() >= from && comment.start() < to) {
        throw parser.failAt(ErrorMessage.FSTRING_COMMENT.format(), comment.start());
      }
    }
  }

  /** Literal text waiting to become one Constant of the JoinedStr being built. */
  private static final class PendingText {
    private final String kind;
    private final StringBuilder text = new StringBuilder();
    private int start = -1;
    private int end;

    PendingText(String kind) {
      this.kind = kind;
    }

    void append(String piece, int pieceStart, int pieceEnd) {
      if (piece.isEmpty()) {
        return;
      }
      if (start < 0) {
        start = pieceStart;
      }
      end = pieceEnd;
      text.append(piece);
    }

    void flush(List<Expr> values) {
      if (text.length() > 0) {
        values.add(new Expr.Constant(text.toString(), kind, new TextRange(start, end)));
        text.setLength(0);
      }
      start = -1;
    }
  }

  static String normalizeNewlines(String s) {
    if (s.indexOf('\r') < 0) {
      return s;
    }
    return s.replace("\r\n", "\n").replace('\r', '\n');
  }

  /** How an f-string is quoted: whether raw, whether triple-quoted, and its closing quote. */
  private static final class FStringQuote {
    final boolean raw;
    final boolean triple;
    final String closing;

    private FStringQuote(boolean raw, boolean triple, String closing) {
      this.raw = raw;
      this.triple = triple;
      this.closing = closing;
    }

    static FStringQuote of(String src, int start, int end) {
      Escapes.Prefix prefix = Escapes.Prefix.of(src, start);
      int i = prefix.quote;
      boolean raw = prefix.raw;
      boolean triple = end - i == 3;
      return new FStringQuote(raw, triple, src.substring(i, end));
    }
  }
}
