package dev.asynclint.report;

import dev.asynclint.lint.Diagnostic;
import dev.asynclint.lint.Related;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The report for people, in ruff's style: each finding as {@code path:line:col: CODE [*] message}
 * with a code frame, its fix as {@code = help:} and its related locations as {@code = note:} lines;
 * then the files that could not be checked and a summary.
 */
final class TextReporter implements Reporter {
  private final ReportOptions options;
  private final Ansi ansi;
  private final CodeFrame frame;

  TextReporter(ReportOptions options) {
    this.options = options;
    this.ansi = new Ansi(options.color());
    this.frame = new CodeFrame(ansi);
  }

  @Override
  public void write(ReportInput input, PrintWriter out) {
    Locator locator = new Locator();
    for (Diagnostic diagnostic : input.diagnostics()) {
      writeDiagnostic(diagnostic, locator, out);
    }
    for (FileError error : input.errors()) {
      out.print(ansi.failure("error") + ": " + error.describe() + "\n");
    }
    if (!options.quiet()) {
      for (String line : new TextSummary(options, ansi).lines(input)) {
        out.print(line + "\n");
      }
    }
    out.flush();
  }

  private void writeDiagnostic(Diagnostic diagnostic, Locator locator, PrintWriter out) {
    Span span = locator.span(diagnostic.source(), diagnostic.range());
    String marker = options.applies(diagnostic.fix()) ? ansi.fixMarker("[*]") + " " : "";
    out.print(
        ansi.bold(diagnostic.path())
            + ":"
            + span.line()
            + ":"
            + span.column()
            + ": "
            + ansi.severity(diagnostic.rule().severity(), diagnostic.rule().code())
            + " "
            + marker
            + diagnostic.message()
            + "\n");
    List<String> notes = new ArrayList<>();
    if (diagnostic.fix() != null) {
      notes.add("help: " + diagnostic.fix().title());
    }
    for (Related related : diagnostic.related()) {
      Span at = locator.span(related.source(), related.range());
      notes.add(
          "note: "
              + related.path()
              + ":"
              + at.line()
              + ":"
              + at.column()
              + ": "
              + related.message());
    }
    for (String line :
        frame.render(
            diagnostic.source(),
            locator.index(diagnostic.source()),
            diagnostic.range(),
            diagnostic.rule().severity(),
            notes)) {
      out.print(line + "\n");
    }
    out.print("\n");
  }
}
