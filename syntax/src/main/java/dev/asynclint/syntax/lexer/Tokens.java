package dev.asynclint.syntax.lexer;

import dev.asynclint.syntax.SyntaxError;
import dev.asynclint.text.TextRange;
import java.util.Arrays;

/**
 * The tokens of one source text: the significant ones in order for the parser, and the comments
 * kept aside for suppressions and fixes. Tokens own no text, only a kind and a range.
 */
public final class Tokens {
  private TokenKind[] kinds;
  private int[] starts;
  private int[] ends;
  private int count;
  private int[] commentStarts = new int[16];
  private int[] commentEnds = new int[16];
  private int commentCount;
  private SyntaxError error;

  /** Sized for a source of {@code length} characters: real code averages 4-6 per token. */
  Tokens(int length) {
    int capacity = Math.max(64, length / 4);
    kinds = new TokenKind[capacity];
    starts = new int[capacity];
    ends = new int[capacity];
  }

  void add(TokenKind kind, int start, int end) {
    if (count == kinds.length) {
      int capacity = count * 2;
      kinds = Arrays.copyOf(kinds, capacity);
      starts = Arrays.copyOf(starts, capacity);
      ends = Arrays.copyOf(ends, capacity);
    }
    kinds[count] = kind;
    starts[count] = start;
    ends[count] = end;
    count++;
  }

  void addComment(int start, int end) {
    if (commentCount == commentStarts.length) {
      commentStarts = Arrays.copyOf(commentStarts, commentCount * 2);
      commentEnds = Arrays.copyOf(commentEnds, commentCount * 2);
    }
    commentStarts[commentCount] = start;
    commentEnds[commentCount] = end;
    commentCount++;
  }

  void setError(SyntaxError error) {
    this.error = error;
  }

  public int size() {
    return count;
  }

  public TokenKind kind(int index) {
    return kinds[index];
  }

  public int start(int index) {
    return starts[index];
  }

  public int end(int index) {
    return ends[index];
  }

  public TextRange range(int index) {
    return new TextRange(starts[index], ends[index]);
  }

  public int commentCount() {
    return commentCount;
  }

  /** The range of a comment, from its {@code #} to the end of its line. */
  public TextRange comment(int index) {
    return new TextRange(commentStarts[index], commentEnds[index]);
  }

  /** The error that stopped the lexer (where the {@link TokenKind#ERROR} token stands), or null. */
  public SyntaxError error() {
    return error;
  }
}
