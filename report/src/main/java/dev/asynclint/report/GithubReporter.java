package dev.asynclint.report;

import dev.asynclint.lint.Diagnostic;
import dev.asynclint.lint.Severity;
import java.io.PrintWriter;

/**
 * The findings as GitHub Actions workflow commands, which annotate the lines of a pull request:
 * {@code ::error file=...,line=...,col=...,endLine=...,endColumn=...,title=CODE name::message}, a
 * {@code warning} or {@code notice} for the other severities; a file that could not be checked is
 * an {@code error} on that file. Messages escape {@code %}, CR and LF, property values also {@code
 * :} and {@code ,}, as the Actions toolkit does.
 */
final class GithubReporter implements Reporter {

  @Override
  public void write(ReportInput input, PrintWriter out) {
    Locator locator = new Locator();
    for (Diagnostic diagnostic : input.diagnostics()) {
      Span span = locator.span(diagnostic.source(), diagnostic.range());
      out.print(
          "::"
              + command(diagnostic.rule().severity())
              + " file="
              + escapeProperty(diagnostic.path())
              + ",line="
              + span.line()
              + ",col="
              + span.column()
              + ",endLine="
              + span.endLine()
              + ",endColumn="
              + span.endColumn()
              + ",title="
              + escapeProperty(diagnostic.rule().code() + " " + diagnostic.rule().name())
              + "::"
              + escapeData(diagnostic.message())
              + "\n");
    }
    for (FileError error : input.errors()) {
      String file = error.path() == null ? "" : "file=" + escapeProperty(error.path()) + ",";
      out.print("::error " + file + "title=asynclint::" + escapeData(error.message()) + "\n");
    }
    out.flush();
  }

  private static String command(Severity severity) {
    switch (severity) {
      case ERROR:
        return "error";
      case WARNING:
        return "warning";
      default:
        return "notice";
    }
  }

  /** Escapes the message of a command, which ends at the end of the line. */
  static String escapeData(String text) {
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** Escapes a property value, which also ends at {@code ,} and {@code ::}. */
  static String escapeProperty(String text) {
    return escapeData(text).replace(":", "%3A").replace(",", "%2C");
  }
}
