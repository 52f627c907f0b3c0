package dev.asynclint.syntax.parser;

import dev.asynclint.syntax.PythonVersion;
import dev.asynclint.syntax.SyntaxError;
import dev.asynclint.syntax.dump.AstDump;
import dev.asynclint.text.LineIndex;

/**
 * What our parser made of a snippet: its result, or the exception it threw. A throw is always a bug
 * (the parser is total), but it is caught so that one bad case fails alone and can be listed as a
 * known bug.
 */
record OurVerdict(String source, ParseResult result, Throwable crash) {
  static OurVerdict parse(String source, PythonVersion version) {
    try {
      return new OurVerdict(source, Parser.parse(source, version), null);
    } catch (RuntimeException | StackOverflowError e) {
      return new OurVerdict(source, null, e);
    }
  }

  boolean crashed() {
    return crash != null;
  }

  boolean accepted() {
    return !crashed() && !result.hasErrors();
  }

  String dump(PythonVersion style) {
    return AstDump.dump(result.module(), source, style);
  }

  /** The 1-based line of the first error; only for a rejected snippet. */
  int errorLine() {
    return LineIndex.of(source).line(result.errors().get(0).range().start());
  }

  String describe() {
    if (crashed()) {
      return "crashed: " + crash;
    }
    if (accepted()) {
      return "accepted";
    }
    SyntaxError error = result.errors().get(0);
    LineIndex lines = LineIndex.of(source);
    int start = error.range().start();
    return String.format(
        "rejected: %s (line %d, column %d)",
        error.message(), lines.line(start), lines.column(start));
  }
}
