package dev.asynclint.report;

import dev.asynclint.lint.Severity;
import dev.asynclint.text.LineIndex;
import dev.asynclint.text.TextRange;
import java.util.ArrayList;
import java.util.List;

/**
 * The source lines of a finding with a gutter of line numbers and the span underlined, as ruff
 * shows them:
 *
 * <pre>
 *   |
 * 3 |     time.sleep(1)
 *   |     ^^^^^^^^^^^^^
 *   |
 * </pre>
 *
 * A span over several lines is underlined on its first line, to the line's end; at most {@link
 * #MAX_LINES} of its lines are shown, then a {@code ...} line. Of a line longer than {@link
 * #MAX_WIDTH} characters (generated code, minified data), a window of that many is shown, from a
 * little before the span, with {@code ...} where the line goes on. Notes follow the frame as {@code
 * = note} lines aligned with its bars.
 */
final class CodeFrame {
  static final int MAX_LINES = 3;
  static final int MAX_WIDTH = 160;

  /** How much of a long line is shown before the span. */
  private static final int LEAD = 60;

  private static final String CUT = "...";

  private final Ansi ansi;

  CodeFrame(Ansi ansi) {
    this.ansi = ansi;
  }

  /**
   * The lines of the frame of {@code range} in {@code source}, without line ends, followed by
   * {@code notes} (each such as {@code help: ...}).
   */
  List<String> render(
      String source, LineIndex index, TextRange range, Severity severity, List<String> notes) {
    int start = Locator.clamp(source, range.start());
    int end = Locator.clamp(source, range.end());
    int first = index.line(start);
    int last = index.line(end);
    // A span that ends with a line break ends on the line before the next one starts.
    if (last > first && end == index.lineStart(last)) {
      last--;
    }
    int shownLast = Math.min(last, first + MAX_LINES - 1);
    int gutterWidth = String.valueOf(shownLast).length();
    String blank = " ".repeat(gutterWidth + 1) + ansi.gutter("|");

    List<String> lines = new ArrayList<>();
    lines.add(blank);
    for (int line = first; line <= shownLast; line++) {
      int lineStart = index.lineStart(line);
      int lineEnd = contentEnd(source, index, line);
      int shownStart = lineStart;
      if (lineEnd - lineStart > MAX_WIDTH && line == first) {
        shownStart = Math.min(Math.max(lineStart, start - LEAD), lineEnd - MAX_WIDTH);
      }
      int shownEnd = Math.min(lineEnd, shownStart + MAX_WIDTH);
      shownStart = codePointBoundary(source, shownStart);
      shownEnd = codePointBoundary(source, shownEnd);
      String before = shownStart > lineStart ? CUT : "";
      DisplayLine display = DisplayLine.of(source, shownStart, shownEnd);
      String after = shownEnd < lineEnd ? CUT : "";
      lines.add(numbered(line, gutterWidth, before + display.text() + after));
      if (line == first) {
        int from =
            before.length()
                + display.column(Math.min(Math.max(start - shownStart, 0), shownEnd - shownStart));
        int to =
            before.length()
                + (first == last && end <= shownEnd
                    ? display.column(end - shownStart)
                    : display.width());
        String carets = "^".repeat(Math.max(1, to - from));
        lines.add(blank + " " + " ".repeat(from) + ansi.severity(severity, carets));
      }
    }
    if (shownLast < last) {
      lines.add(blank + " ...");
    }
    lines.add(blank);
    for (String note : notes) {
      lines.add(" ".repeat(gutterWidth + 1) + "= " + note);
    }
    return lines;
  }

  private String numbered(int line, int gutterWidth, String text) {
    String number = " ".repeat(gutterWidth - String.valueOf(line).length()) + line;
    String gutter = ansi.gutter(number + " |");
    return text.isEmpty() ? gutter : gutter + " " + text;
  }

  /**
   * {@code offset}, or the offset after it when it falls between the halves of a surrogate pair.
   */
  private static int codePointBoundary(String source, int offset) {
    return offset > 0 && offset < source.length() && Character.isLowSurrogate(source.charAt(offset))
        ? offset + 1
        : offset;
  }

  /** Where the text of a 1-based line ends, before its line break. */
  private static int contentEnd(String source, LineIndex index, int line) {
    int end = line < index.lineCount() ? index.lineStart(line + 1) : source.length();
    while (end > index.lineStart(line)
        && (source.charAt(end - 1) == '\n' || source.charAt(end - 1) == '\r')) {
      end--;
    }
    return end;
  }
}
