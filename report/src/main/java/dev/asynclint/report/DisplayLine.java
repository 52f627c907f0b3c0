package dev.asynclint.report;

/**
 * One source line as a terminal shows it, with the display column of each of its offsets: tabs
 * expand to the next multiple of four columns, control characters become visible symbols and
 * bidirectional controls and lone surrogates a replacement character (so a line can neither reorder
 * nor restyle the terminal), wide characters take two columns and combining marks none.
 */
final class DisplayLine {
  static final int TAB_WIDTH = 4;
  private static final char REPLACEMENT = '\uFFFD';
  private static final int CONTROL_PICTURES = 0x2400;
  private static final int DELETE = 0x7F;

  private final String text;
  private final int[] columns;

  private DisplayLine(String text, int[] columns) {
    this.text = text;
    this.columns = columns;
  }

  /**
   * The characters of {@code source} from {@code start} to {@code end} (a line without its end).
   */
  static DisplayLine of(String source, int start, int end) {
    StringBuilder text = new StringBuilder(end - start);
    int[] columns = new int[end - start + 1];
    int column = 0;
    int offset = start;
    while (offset < end) {
      int codePoint = source.codePointAt(offset);
      int next = Math.min(end, offset + Character.charCount(codePoint));
      for (int i = offset; i < next; i++) {
        columns[i - start] = column;
      }
      column += append(text, codePoint, column);
      offset = next;
    }
    columns[end - start] = column;
    return new DisplayLine(text.toString(), columns);
  }

  /** Appends how {@code codePoint} shows at display {@code column}; returns its width. */
  private static int append(StringBuilder text, int codePoint, int column) {
    if (codePoint == '\t') {
      int width = TAB_WIDTH - column % TAB_WIDTH;
      text.append(" ".repeat(width));
      return width;
    }
    if (codePoint < 0x20) {
      text.append((char) (CONTROL_PICTURES + codePoint));
      return 1;
    }
    if (codePoint == DELETE) {
      text.append('\u2421');
      return 1;
    }
    int type = Character.getType(codePoint);
    if (type == Character.CONTROL || type == Character.SURROGATE || isBidiControl(codePoint)) {
      text.append(REPLACEMENT);
      return 1;
    }
    text.appendCodePoint(codePoint);
    return DisplayWidth.of(codePoint);
  }

  private static boolean isBidiControl(int codePoint) {
    return codePoint == 0x061C
        || codePoint == 0x200E
        || codePoint == 0x200F
        || (codePoint >= 0x202A && codePoint <= 0x202E)
        || (codePoint >= 0x2066 && codePoint <= 0x2069);
  }

  String text() {
    return text;
  }

  /** The display column of an offset relative to the start of the line (clamped to the line). */
  int column(int offsetInLine) {
    return columns[Math.max(0, Math.min(offsetInLine, columns.length - 1))];
  }

  int width() {
    return columns[columns.length - 1];
  }
}
