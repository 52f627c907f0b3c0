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
 * #MAX_LINES} of its lines are shown, then a {@code ...} line. Notes follow the frame as {@code =
 * note} lines aligned with its bars.
 */
final class CodeFrame {
  static final int MAX_LINES = 3;

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
      DisplayLine display = DisplayLine.of(source, lineStart, contentEnd(source, index, line));
      lines.add(numbered(line, gutterWidth, display.text()));
      if (line == first) {
        int from = display.column(start - lineStart);
        int to = first == last ? display.column(end - lineStart) : display.width();
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
