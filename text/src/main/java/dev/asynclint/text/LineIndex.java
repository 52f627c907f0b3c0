package dev.asynclint.text;

import java.util.Arrays;

/**
 * Converts offsets of a source text to line and column numbers. Lines end at {@code \n}, {@code
 * \r\n} or a lone {@code \r}, as in Python's tokenizer; no other character ends a line.
 */
public final class LineIndex {
  private final CharSequence text;
  private final int[] lineStarts;

  private LineIndex(CharSequence text, int[] lineStarts) {
    this.text = text;
    this.lineStarts = lineStarts;
  }

  public static LineIndex of(CharSequence text) {
    int[] starts = new int[16];
    int count = 0;
    starts[count++] = 0;
    int length = text.length();
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < length && text.charAt(i + 1) == '\n') {
          i++;
        }
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = i + 1;
      }
    }
    return new LineIndex(text, Arrays.copyOf(starts, count));
  }

  public int lineCount() {
    return lineStarts.length;
  }

  /** The 1-based line containing {@code offset} (an offset at a line end belongs to that line). */
  public int line(int offset) {
    int index = Arrays.binarySearch(lineStarts, offset);
    return index >= 0 ? index + 1 : -index - 1;
  }

  /** The offset where the 1-based {@code line} starts. */
  public int lineStart(int line) {
    return lineStarts[line - 1];
  }

  /** The 0-based column of {@code offset} in UTF-16 units. */
  public int column(int offset) {
    return offset - lineStart(line(offset));
  }

  /**
   * The 0-based column of {@code offset} in Unicode code points (what editors call a character).
   */
  public int codePointColumn(int offset) {
    int start = lineStart(line(offset));
    return Character.codePointCount(text, start, offset);
  }

  /** The 0-based column of {@code offset} in UTF-8 bytes, as CPython's {@code col_offset}. */
  public int utf8Column(int offset) {
    int start = lineStart(line(offset));
    int bytes = 0;
    for (int i = start; i < offset; i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < offset
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }
}
