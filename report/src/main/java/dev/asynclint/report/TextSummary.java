package dev.asynclint.report;

import dev.asynclint.lint.Diagnostic;
import dev.asynclint.lint.Severity;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The closing lines of the text report: how many findings of each severity, how many {@code --fix}
 * repaired or could repair (and how many more {@code --unsafe-fixes} would enable, worded as ruff
 * words it), and how many files could not be checked.
 */
final class TextSummary {
  private final ReportOptions options;
  private final Ansi ansi;

  TextSummary(ReportOptions options, Ansi ansi) {
    this.options = options;
    this.ansi = ansi;
  }

  List<String> lines(ReportInput input) {
    List<String> lines = new ArrayList<>();
    lines.add(findings(input));
    String fixes = fixes(input.diagnostics());
    if (fixes != null) {
      lines.add(fixes);
    }
    int errors = input.errors().size();
    if (errors > 0) {
      lines.add(count(errors, "file", "files") + " could not be checked (see above).");
    }
    return lines;
  }

  private String findings(ReportInput input) {
    int remaining = input.diagnostics().size();
    if (input.fixed() > 0) {
      int total = input.fixed() + remaining;
      return "Found "
          + count(total, "finding", "findings")
          + " ("
          + input.fixed()
          + " fixed, "
          + remaining
          + " remaining).";
    }
    if (remaining > 0) {
      return "Found "
          + count(remaining, "finding", "findings")
          + " ("
          + bySeverity(input.diagnostics())
          + ").";
    }
    return input.errors().isEmpty() ? ansi.success("All checks passed!") : "No findings.";
  }

  /** Such as {@code 2 errors, 1 warning}: the severities that occur, most severe first. */
  private static String bySeverity(List<Diagnostic> diagnostics) {
    Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
    for (Diagnostic diagnostic : diagnostics) {
      counts.merge(diagnostic.rule().severity(), 1, Integer::sum);
    }
    List<String> parts = new ArrayList<>();
    counts.forEach(
        (severity, count) -> {
          switch (severity) {
            case ERROR:
              parts.add(count(count, "error", "errors"));
              break;
            case WARNING:
              parts.add(count(count, "warning", "warnings"));
              break;
            default:
              parts.add(count(count, "info", "info"));
          }
        });
    return String.join(", ", parts);
  }

  private String fixes(List<Diagnostic> diagnostics) {
    int applicable = 0;
    int hidden = 0;
    for (Diagnostic diagnostic : diagnostics) {
      if (options.applies(diagnostic.fix())) {
        applicable++;
      } else if (options.hides(diagnostic.fix())) {
        hidden++;
      }
    }
    String hint =
        count(hidden, "hidden fix", "hidden fixes")
            + " can be enabled with the `--unsafe-fixes` option)";
    String marker = ansi.fixMarker("[*]") + " ";
    if (applicable > 0 && hidden > 0) {
      return marker + applicable + " fixable with the `--fix` option (" + hint + ".";
    }
    if (applicable > 0) {
      return marker + applicable + " fixable with the `--fix` option.";
    }
    if (hidden > 0) {
      return "No fixes available (" + hint + ".";
    }
    return null;
  }

  private static String count(int count, String singular, String plural) {
    return count + " " + (count == 1 ? singular : plural);
  }
}
