package dev.asynclint.syntax.parser;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What CPython's {@code ast.parse} made of a snippet: its dump, or the error it raised. */
record CpythonVerdict(String dump, String error) {
  /** CPython's str() of a SyntaxError ends with the file name and the line. */
  private static final Pattern LINE = Pattern.compile("\\(<unknown>, line (\\d+)\\)$");

  boolean accepted() {
    return dump != null;
  }

  /** The line CPython reports for its error, or 0 when it reports none. */
  int errorLine() {
    if (error == null) {
      return 0;
    }
    Matcher matcher = LINE.matcher(error);
    return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
  }

  String describe() {
    return accepted() ? "accepted" : "rejected: " + error;
  }
}
