package dev.asynclint.engine.suppress;

import dev.asynclint.syntax.lexer.TokenKind;
import dev.asynclint.syntax.lexer.Tokens;
import java.util.Arrays;

/**
 * Where the logical lines of a file start and end, from its tokens: a logical line (a simple
 * statement, or the header of a compound one) runs from its first token to the {@link
 * TokenKind#NEWLINE} that ends it, across the physical lines that brackets, backslashes and
 * triple-quoted strings join.
 */
final class LogicalLines {
  private final int[] starts;
  private final int[] ends;
  private final int count;

  private LogicalLines(int[] starts, int[] ends, int count) {
    this.starts = starts;
    this.ends = ends;
    this.count = count;
  }

  static LogicalLines of(Tokens tokens, int sourceLength) {
    int[] starts = new int[16];
    int[] ends = new int[16];
    int count = 0;
    boolean open = false;
    for (int i = 0; i < tokens.size(); i++) {
      TokenKind kind = tokens.kind(i);
      if (kind == TokenKind.NEWLINE) {
        if (open) {
          ends[count - 1] = tokens.end(i);
          open = false;
        }
      } else if (!open && isCode(kind)) {
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
          ends = Arrays.copyOf(ends, count * 2);
        }
        starts[count] = tokens.start(i);
        ends[count] = sourceLength;
        count++;
        open = true;
      }
    }
    return new LogicalLines(starts, ends, count);
  }

  private static boolean isCode(TokenKind kind) {
    return kind != TokenKind.INDENT
        && kind != TokenKind.DEDENT
        && kind != TokenKind.ENDMARKER
        && kind != TokenKind.ERROR;
  }

  /** The offset where the logical line holding {@code offset} starts, or -1 outside any. */
  int startOf(int offset) {
    int index = Arrays.binarySearch(starts, 0, count, offset);
    if (index < 0) {
      index = -index - 2;
    }
    if (index < 0 || offset >= ends[index]) {
      return -1;
    }
    return starts[index];
  }
}
