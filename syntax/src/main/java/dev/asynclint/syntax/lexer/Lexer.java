package dev.asynclint.syntax.lexer;

import dev.asynclint.syntax.ErrorMessage;
import dev.asynclint.syntax.SyntaxError;
import dev.asynclint.syntax.UnicodeTables;
import dev.asynclint.text.LineIndex;
import dev.asynclint.text.TextRange;

/**
 * Python's tokenizer: indentation, implicit and explicit line joining, strings of every prefix, PEP
 * 701 f-strings as start/middle/end tokens with the replacement fields tokenized in place, numbers
 * and identifiers. It never throws: the first error ends the token stream with an {@link
 * TokenKind#ERROR} token and is kept in {@link Tokens#error()}.
 */
public final class Lexer {
  /** CPython's limits: MAXINDENT and MAXLEVEL of its tokenizer. */
  private static final int MAX_INDENT = 100;

  private static final int MAX_PARENS = 200;
  private static final int TAB_SIZE = 8;

  private static final byte MODE_FSTRING = 1;
  private static final byte MODE_FIELD = 2;
  private static final byte MODE_SPEC = 3;

  private final String src;

  /** The source as an array: indexing it is much cheaper than {@code String.charAt}. */
  private final char[] buf;

  private final int length;
  private final Tokens tokens;
  private int pos;
  private boolean atLineStart = true;

  private final int[] indentCols = new int[MAX_INDENT + 1];
  private final int[] indentAltCols = new int[MAX_INDENT + 1];
  private int indentDepth;

  private final char[] parens = new char[MAX_PARENS + 1];
  private final int[] parenOffsets = new int[MAX_PARENS + 1];
  private int parenDepth;

  /**
   * The f-string mode stack: its kind; for f-strings their flags and start offset, for fields the
   * bracket depth at which they close.
   */
  private byte[] modes = new byte[8];

  private int[] modeData = new int[8];
  private int[] modeStarts = new int[8];
  private int modeDepth;

  private Lexer(String src) {
    this.src = src;
    this.buf = src.toCharArray();
    this.length = buf.length;
    this.tokens = new Tokens(length);
  }

  public static Tokens tokenize(String source) {
    Lexer lexer = new Lexer(source);
    lexer.run();
    return lexer.tokens;
  }

  private void run() {
    try {
      while (true) {
        if (!next()) {
          return;
        }
      }
    } catch (LexError e) {
      // The error may lie before tokens already emitted (an unterminated f-string is reported
      // at its start); the ERROR token still goes last so token offsets never run backwards.
      int last = tokens.size() == 0 ? 0 : tokens.end(tokens.size() - 1);
      int at = Math.max(e.offset, last);
      tokens.add(TokenKind.ERROR, at, at);
      tokens.setError(new SyntaxError(e.getMessage(), new TextRange(e.offset, e.offset)));
      tokens.add(TokenKind.ENDMARKER, at, at);
    }
  }

  /** Emits the next token(s); false after the end marker. */
  private boolean next() {
    if (modeDepth > 0) {
      byte mode = modes[modeDepth - 1];
      if (mode == MODE_FSTRING || mode == MODE_SPEC) {
        lexFStringText(mode == MODE_SPEC);
        return true;
      }
    }
    if (atLineStart && parenDepth == 0) {
      atLineStart = false;
      if (handleIndentation()) {
        return true;
      }
    }
    skipSpace();
    if (pos >= length) {
      return endOfInput();
    }
    char c = buf[pos];
    int start = pos;
    switch (c) {
      case '#':
        skipComment();
        return true;
      case '\n':
      case '\r':
        pos += c == '\r' && pos + 1 < length && buf[pos + 1] == '\n' ? 2 : 1;
        if (parenDepth == 0) {
          tokens.add(TokenKind.NEWLINE, start, pos);
          atLineStart = true;
        }
        return true;
      case '\\':
        lineContinuation();
        return true;
      default:
        break;
    }
    if (c < 0x80) {
      if (isAsciiIdentifierStart(c)) {
        lexNameOrString();
      } else if (isDigit(c) || (c == '.' && pos + 1 < length && isDigit(buf[pos + 1]))) {
        lexNumber();
      } else if (c == '"' || c == '\'') {
        lexString(start, pos, false, false, false);
      } else {
        lexOperator(c);
      }
    } else {
      lexNonAscii();
    }
    return true;
  }

  // ---------------------------------------------------------------- lines and indentation

  /** Measures the indentation of a new logical line; true if it emitted tokens. */
  private boolean handleIndentation() {
    int lineStart = pos;
    int col = 0;
    int altCol = 0;
    int p = pos;
    while (p < length) {
      char c = buf[p];
      if (c == ' ') {
        col++;
        altCol++;
      } else if (c == '\t') {
        col = (col / TAB_SIZE + 1) * TAB_SIZE;
        altCol++;
      } else if (c == '\f') {
        col = 0;
        altCol = 0;
      } else {
        break;
      }
      p++;
    }
    pos = p;
    if (p >= length) {
      return false;
    }
    char c = buf[p];
    if (c == '#' || c == '\n' || c == '\r') {
      // Blank and comment-only lines are not logical lines: no NEWLINE, no indentation change.
      blankLine();
      return true;
    }
    int current = indentDepth == 0 ? 0 : indentCols[indentDepth - 1];
    int currentAlt = indentDepth == 0 ? 0 : indentAltCols[indentDepth - 1];
    if (col == current) {
      if (altCol != currentAlt) {
        throw error(ErrorMessage.INCONSISTENT_TABS.format(), p);
      }
    } else if (col > current) {
      if (indentDepth + 1 >= MAX_INDENT) {
        throw error(ErrorMessage.TOO_MANY_INDENTS.format(), p);
      }
      if (altCol <= currentAlt) {
        throw error(ErrorMessage.INCONSISTENT_TABS.format(), p);
      }
      indentCols[indentDepth] = col;
      indentAltCols[indentDepth] = altCol;
      indentDepth++;
      tokens.add(TokenKind.INDENT, lineStart, p);
      return true;
    } else {
      while (indentDepth > 0 && col < indentCols[indentDepth - 1]) {
        indentDepth--;
        tokens.add(TokenKind.DEDENT, p, p);
      }
      int now = indentDepth == 0 ? 0 : indentCols[indentDepth - 1];
      int nowAlt = indentDepth == 0 ? 0 : indentAltCols[indentDepth - 1];
      if (col != now) {
        throw error(ErrorMessage.UNINDENT_MISMATCH.format(), p);
      }
      if (altCol != nowAlt) {
        throw error(ErrorMessage.INCONSISTENT_TABS.format(), p);
      }
      return true;
    }
    return false;
  }

  private void blankLine() {
    char c = buf[pos];
    if (c == '#') {
      skipComment();
    }
    if (pos < length) {
      char nl = buf[pos];
      if (nl == '\n' || nl == '\r') {
        pos += nl == '\r' && pos + 1 < length && buf[pos + 1] == '\n' ? 2 : 1;
      }
    }
    atLineStart = true;
  }

  private void skipComment() {
    int start = pos;
    while (pos < length) {
      char c = buf[pos];
      if (c == '\n' || c == '\r') {
        break;
      }
      if (c == 0) {
        throw error(ErrorMessage.NULL_BYTES.format(), pos);
      }
      pos++;
    }
    tokens.addComment(start, pos);
  }

  private void skipSpace() {
    while (pos < length) {
      char c = buf[pos];
      if (c == ' ' || c == '\t' || c == '\f') {
        pos++;
      } else {
        return;
      }
    }
  }

  private void lineContinuation() {
    int p = pos + 1;
    if (p >= length) {
      throw error(ErrorMessage.UNEXPECTED_EOF.format(), pos);
    }
    char c = buf[p];
    if (c != '\n' && c != '\r') {
      throw error(ErrorMessage.LINE_CONTINUATION.format(), p);
    }
    p += c == '\r' && p + 1 < length && buf[p + 1] == '\n' ? 2 : 1;
    if (p >= length) {
      throw error(ErrorMessage.UNEXPECTED_EOF.format(), p);
    }
    pos = p;
  }

  private boolean endOfInput() {
    if (modeDepth > 0) {
      int quoteStart = modeStarts[innermostFString()];
      throw error(ErrorMessage.UNTERMINATED_FSTRING.format(lineNumber(length)), quoteStart);
    }
    if (parenDepth > 0) {
      throw error(
          ErrorMessage.NEVER_CLOSED.format(parens[parenDepth - 1]), parenOffsets[parenDepth - 1]);
    }
    int last = tokens.size() - 1;
    if (last >= 0) {
      TokenKind kind = tokens.kind(last);
      if (kind != TokenKind.NEWLINE && kind != TokenKind.DEDENT && kind != TokenKind.INDENT) {
        tokens.add(TokenKind.NEWLINE, length, length);
      }
    }
    while (indentDepth > 0) {
      indentDepth--;
      tokens.add(TokenKind.DEDENT, length, length);
    }
    tokens.add(TokenKind.ENDMARKER, length, length);
    return false;
  }

  // ---------------------------------------------------------------- names and keywords

  private void lexNameOrString() {
    int start = pos;
    int p = pos;
    while (p < length && isAsciiIdentifierPart(buf[p])) {
      p++;
    }
    if (p < length && p - start <= 3) {
      char q = buf[p];
      if (q == '"' || q == '\'') {
        int flags = prefixFlags(start, p);
        if (flags >= 0) {
          lexString(start, p, (flags & 1) != 0, (flags & 2) != 0, (flags & 4) != 0);
          return;
        }
      }
    }
    if (p < length && buf[p] >= 0x80) {
      pos = start;
      lexNonAscii();
      return;
    }
    pos = p;
    tokens.add(Keywords.kindOf(buf, start, p), start, p);
  }

  /** Bit 1 raw, bit 2 bytes, bit 4 f-string; -1 if not a string prefix. */
  private int prefixFlags(int start, int end) {
    int flags = 0;
    boolean u = false;
    for (int i = start; i < end; i++) {
      char c = buf[i];
      int bit;
      switch (c) {
        case 'r':
        case 'R':
          bit = 1;
          break;
        case 'b':
        case 'B':
          bit = 2;
          break;
        case 'f':
        case 'F':
          bit = 4;
          break;
        case 'u':
        case 'U':
          if (end - start != 1) {
            return -1;
          }
          u = true;
          bit = 0;
          break;
        default:
          return -1;
      }
      if ((flags & bit) != 0) {
        return -1;
      }
      flags |= bit;
    }
    if ((flags & 6) == 6) {
      return -1;
    }
    return u ? 0 : flags;
  }

  /**
   * A name with non-ASCII characters. Like CPython, takes every non-ASCII character as part of the
   * name, then checks the name against XID_Start/XID_Continue as written (normalization to NFKC
   * only changes the identifier's value, not its validity).
   */
  private void lexNonAscii() {
    int start = pos;
    int p = pos;
    while (p < length) {
      char c = buf[p];
      if (c < 0x80 && !isAsciiIdentifierPart(c)) {
        break;
      }
      p++;
    }
    boolean first = true;
    for (int i = start; i < p; ) {
      int cp = src.codePointAt(i);
      if (!(first ? isIdentifierStart(cp) : isIdentifierPart(cp))) {
        if (UnicodeTables.isPrintable(cp)) {
          throw error(
              ErrorMessage.INVALID_CHARACTER.format(new String(Character.toChars(cp)), cp), i);
        }
        throw error(ErrorMessage.NON_PRINTABLE.format(cp), i);
      }
      first = false;
      i += Character.charCount(cp);
    }
    pos = p;
    tokens.add(Keywords.kindOf(buf, start, p), start, p);
  }

  static boolean isIdentifierStart(int cp) {
    if (cp < 0x80) {
      return isAsciiIdentifierStart((char) cp);
    }
    return UnicodeTables.isIdentifierStart(cp);
  }

  static boolean isIdentifierPart(int cp) {
    if (cp < 0x80) {
      return isAsciiIdentifierPart((char) cp);
    }
    return UnicodeTables.isIdentifierPart(cp);
  }

  /** Per ASCII character: 1 starts an identifier, 2 continues one (the hottest test of lexing). */
  private static final byte[] IDENTIFIER_CHARS = new byte[128];

  static {
    for (char c = 0; c < 128; c++) {
      boolean start = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
      IDENTIFIER_CHARS[c] = (byte) ((start ? 1 : 0) | (start || (c >= '0' && c <= '9') ? 2 : 0));
    }
  }

  static boolean isAsciiIdentifierStart(char c) {
    return c < 128 && (IDENTIFIER_CHARS[c] & 1) != 0;
  }

  static boolean isAsciiIdentifierPart(char c) {
    return c < 128 && (IDENTIFIER_CHARS[c] & 2) != 0;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  // ---------------------------------------------------------------- numbers

  private void lexNumber() {
    int end = NumberScanner.scan(src, buf, pos);
    tokens.add(TokenKind.NUMBER, pos, end);
    pos = end;
  }

  // ---------------------------------------------------------------- strings

  /**
   * Lexes a string literal whose prefix spans {@code [start, quotePos)}; f-strings open an f-string
   * mode instead of being read whole.
   */
  private void lexString(int start, int quotePos, boolean raw, boolean bytes, boolean fstring) {
    char quote = buf[quotePos];
    boolean triple =
        quotePos + 2 < length && buf[quotePos + 1] == quote && buf[quotePos + 2] == quote;
    int bodyStart = quotePos + (triple ? 3 : 1);
    if (fstring) {
      pos = bodyStart;
      tokens.add(TokenKind.FSTRING_START, start, bodyStart);
      pushMode(MODE_FSTRING, (raw ? 4 : 0) | (triple ? 2 : 0) | (quote == '"' ? 1 : 0));
      modeStarts[modeDepth - 1] = start;
      return;
    }
    int p = bodyStart;
    while (true) {
      if (p >= length) {
        throw unterminated(triple, start);
      }
      char c = buf[p];
      if (c == '\\') {
        p += 2;
        if (p - 1 < length && buf[p - 1] == '\r' && p < length && buf[p] == '\n') {
          p++;
        }
        continue;
      }
      if (c == quote) {
        if (!triple) {
          p++;
          break;
        }
        if (p + 2 < length && buf[p + 1] == quote && buf[p + 2] == quote) {
          p += 3;
          break;
        }
      } else if ((c == '\n' || c == '\r') && !triple) {
        throw unterminated(false, start);
      } else if (c == 0) {
        throw error(ErrorMessage.NULL_BYTES.format(), p);
      }
      p++;
    }
    if (p > length) {
      throw unterminated(triple, start);
    }
    pos = p;
    tokens.add(TokenKind.STRING, start, p);
  }

  private LexError unterminated(boolean triple, int start) {
    ErrorMessage message =
        triple ? ErrorMessage.UNTERMINATED_TRIPLE_STRING : ErrorMessage.UNTERMINATED_STRING;
    int detected = triple ? lineNumber(length) : lineNumber(start);
    return error(message.format(detected), start);
  }

  /** Literal text of an f-string, or of a format spec, up to the next field or the end. */
  private void lexFStringText(boolean spec) {
    int fstringIndex = innermostFString();
    int data = modeData[fstringIndex];
    boolean raw = (data & 4) != 0;
    boolean triple = (data & 2) != 0;
    char quote = (data & 1) != 0 ? '"' : '\'';
    int start = pos;
    int p = pos;
    while (true) {
      if (p >= length) {
        throw unterminatedFString(modeStarts[fstringIndex], triple);
      }
      char c = buf[p];
      if (c == quote
          && (!triple || (p + 2 < length && buf[p + 1] == quote && buf[p + 2] == quote))) {
        if (spec) {
          // The closing quote inside a format spec ends the f-string with the field unclosed.
          throw error(ErrorMessage.INVALID_SYNTAX_EXPECTED.format("'}'"), p);
        }
        addMiddle(start, p);
        int end = p + (triple ? 3 : 1);
        tokens.add(TokenKind.FSTRING_END, p, end);
        pos = end;
        modeDepth--;
        return;
      }
      if (c == '\\') {
        if (p + 1 >= length) {
          throw unterminatedFString(modeStarts[fstringIndex], triple);
        }
        char n = buf[p + 1];
        if (!raw && n == 'N' && p + 2 < length && buf[p + 2] == '{') {
          int close = src.indexOf('}', p + 3);
          int nl = indexOfNewline(p + 3);
          if (close < 0 || (nl >= 0 && nl < close)) {
            throw unterminatedFString(modeStarts[fstringIndex], triple);
          }
          p = close + 1;
          continue;
        }
        if (n == '{' || n == '}') {
          p++;
          continue;
        }
        if ((n == '\n' || n == '\r') && !triple && raw) {
          // A raw single-quoted string still continues over an escaped newline.
          p += 2;
          continue;
        }
        p += 2;
        if (n == '\r' && p < length && buf[p] == '\n') {
          p++;
        }
        continue;
      }
      if (c == '{') {
        if (!spec && p + 1 < length && buf[p + 1] == '{') {
          p += 2;
          continue;
        }
        addMiddle(start, p);
        openParen('{', p);
        tokens.add(TokenKind.LBRACE, p, p + 1);
        pos = p + 1;
        pushMode(MODE_FIELD, parenDepth);
        return;
      }
      if (c == '}') {
        if (spec) {
          addMiddle(start, p);
          tokens.add(TokenKind.RBRACE, p, p + 1);
          parenDepth--;
          pos = p + 1;
          modeDepth -= 2;
          return;
        }
        if (p + 1 < length && buf[p + 1] == '}') {
          p += 2;
          continue;
        }
        throw error(ErrorMessage.FSTRING_SINGLE_BRACE.format(), p);
      }
      if ((c == '\n' || c == '\r') && !triple) {
        throw unterminatedFString(modeStarts[fstringIndex], triple);
      }
      if (c == 0) {
        throw error(ErrorMessage.NULL_BYTES.format(), p);
      }
      p++;
    }
  }

  private int indexOfNewline(int from) {
    for (int i = from; i < length; i++) {
      char c = buf[i];
      if (c == '\n' || c == '\r') {
        return i;
      }
    }
    return -1;
  }

  private LexError unterminatedFString(int start, boolean triple) {
    ErrorMessage message =
        triple ? ErrorMessage.UNTERMINATED_TRIPLE_STRING : ErrorMessage.UNTERMINATED_FSTRING;
    return error(message.format(lineNumber(triple ? length : start)), start);
  }

  private void addMiddle(int start, int end) {
    if (end > start) {
      tokens.add(TokenKind.FSTRING_MIDDLE, start, end);
    }
  }

  private int innermostFString() {
    for (int i = modeDepth - 1; i >= 0; i--) {
      if (modes[i] == MODE_FSTRING) {
        return i;
      }
    }
    throw new IllegalStateException("no f-string open");
  }

  private void pushMode(byte mode, int data) {
    if (modeDepth == modes.length) {
      modes = java.util.Arrays.copyOf(modes, modeDepth * 2);
      modeData = java.util.Arrays.copyOf(modeData, modeDepth * 2);
      modeStarts = java.util.Arrays.copyOf(modeStarts, modeDepth * 2);
    }
    modes[modeDepth] = mode;
    modeData[modeDepth] = data;
    modeDepth++;
  }

  /** Whether the lexer is directly inside an f-string replacement field (not nested brackets). */
  private boolean atFieldLevel() {
    return modeDepth > 0
        && modes[modeDepth - 1] == MODE_FIELD
        && modeData[modeDepth - 1] == parenDepth;
  }

  // ---------------------------------------------------------------- operators

  private void lexOperator(char c) {
    int start = pos;
    TokenKind kind;
    switch (c) {
      case '(':
      case '[':
      case '{':
        openParen(c, pos);
        kind = c == '(' ? TokenKind.LPAR : c == '[' ? TokenKind.LSQB : TokenKind.LBRACE;
        break;
      case ')':
      case ']':
      case '}':
        if (c == '}' && atFieldLevel()) {
          parenDepth--;
          modeDepth--;
          tokens.add(TokenKind.RBRACE, pos, pos + 1);
          pos++;
          return;
        }
        closeParen(c, pos);
        kind = c == ')' ? TokenKind.RPAR : c == ']' ? TokenKind.RSQB : TokenKind.RBRACE;
        break;
      case ':':
        if (atFieldLevel() || pos + 1 >= length || buf[pos + 1] != '=') {
          kind = TokenKind.COLON;
          if (atFieldLevel()) {
            tokens.add(kind, pos, pos + 1);
            pos++;
            pushMode(MODE_SPEC, 0);
            return;
          }
        } else {
          kind = TokenKind.COLONEQUAL;
        }
        break;
      case 0:
        throw error(ErrorMessage.NULL_BYTES.format(), pos);
      default:
        if (c == '<' && pos + 1 < length && buf[pos + 1] == '>') {
          // PEP 401's "<>" is only valid under barry_as_FLUFL; elsewhere it is a syntax error.
          throw error(ErrorMessage.INVALID_SYNTAX.format(), pos);
        }
        kind = Punctuation.match(buf, pos);
        if (kind == null) {
          if (c < ' ' || c == 0x7f) {
            throw error(ErrorMessage.NON_PRINTABLE.format((int) c), pos);
          }
          throw error(ErrorMessage.INVALID_CHARACTER.format(String.valueOf(c), (int) c), pos);
        }
    }
    pos += kind.text().length();
    tokens.add(kind, start, pos);
  }

  private void openParen(char c, int at) {
    if (parenDepth >= MAX_PARENS) {
      throw error(ErrorMessage.TOO_MANY_PARENS.format(), at);
    }
    parens[parenDepth] = c;
    parenOffsets[parenDepth] = at;
    parenDepth++;
  }

  private void closeParen(char c, int at) {
    if (parenDepth == 0) {
      throw error(ErrorMessage.UNMATCHED.format(c), at);
    }
    char open = parens[parenDepth - 1];
    if ((open == '(' && c != ')') || (open == '[' && c != ']') || (open == '{' && c != '}')) {
      throw error(ErrorMessage.MISMATCHED_PAREN.format(c, open), at);
    }
    parenDepth--;
  }

  // ---------------------------------------------------------------- errors

  private int lineNumber(int offset) {
    return LineIndex.of(src).line(offset);
  }

  private static LexError error(String message, int offset) {
    return new LexError(message, offset);
  }
}
