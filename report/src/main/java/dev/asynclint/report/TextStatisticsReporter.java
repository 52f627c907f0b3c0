package dev.asynclint.report;

import dev.asynclint.report.Statistics.Row;
import java.io.PrintWriter;
import java.util.List;

/**
 * {@code --statistics} as text, one rule a line as in ruff: the count, the code, {@code [*]} when
 * {@code --fix} would repair some of its findings, and the name ({@code 12 ASY200 [*]
 * blocking-sleep}); then the files that could not be checked.
 */
final class TextStatisticsReporter implements Reporter {
  private final ReportOptions options;
  private final Ansi ansi;

  TextStatisticsReporter(ReportOptions options) {
    this.options = options;
    this.ansi = new Ansi(options.color());
  }

  @Override
  public void write(ReportInput input, PrintWriter out) {
    List<Row> rows = Statistics.of(input.diagnostics(), options);
    int countWidth = 0;
    int codeWidth = 0;
    boolean anyFixable = false;
    for (Row row : rows) {
      countWidth = Math.max(countWidth, String.valueOf(row.count()).length());
      codeWidth = Math.max(codeWidth, row.rule().code().length());
      anyFixable |= row.fixable();
    }
    for (Row row : rows) {
      String count = String.valueOf(row.count());
      String code = row.rule().code();
      String marker = !anyFixable ? "" : row.fixable() ? ansi.fixMarker("[*]") + " " : "[ ] ";
      out.print(
          " ".repeat(countWidth - count.length())
              + ansi.bold(count)
              + "  "
              + ansi.severity(row.rule().severity(), code)
              + " ".repeat(codeWidth - code.length())
              + "  "
              + marker
              + row.rule().name()
              + "\n");
    }
    for (FileError error : input.errors()) {
      out.print(ansi.failure("error") + ": " + error.describe() + "\n");
    }
    out.flush();
  }
}
