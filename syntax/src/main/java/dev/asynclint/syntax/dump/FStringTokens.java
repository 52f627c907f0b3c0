package dev.asynclint.syntax.dump;

import dev.asynclint.syntax.lexer.Lexer;
import dev.asynclint.syntax.lexer.TokenKind;
import dev.asynclint.syntax.lexer.Tokens;
import dev.asynclint.text.TextRange;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The extent of every f-string token of a source, from prefix to closing quote. CPython before 3.12
 * gave a format spec the position of the f-string token it sits in, which the tree alone does not
 * record.
 */
final class FStringTokens {
  private final List<TextRange> ranges = new ArrayList<>();

  FStringTokens(String source) {
    Tokens tokens = Lexer.tokenize(source);
    Deque<Integer> open = new ArrayDeque<>();
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.kind(i) == TokenKind.FSTRING_START) {
        open.push(tokens.start(i));
      } else if (tokens.kind(i) == TokenKind.FSTRING_END && !open.isEmpty()) {
        ranges.add(new TextRange(open.pop(), tokens.end(i)));
      }
    }
  }

  /** The innermost f-string token containing {@code offset}, or null. */
  TextRange around(int offset) {
    TextRange best = null;
    for (TextRange range : ranges) {
      if (range.contains(offset) && (best == null || range.start() > best.start())) {
        best = range;
      }
    }
    return best;
  }
}
