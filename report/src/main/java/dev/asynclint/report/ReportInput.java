package dev.asynclint.report;

import dev.asynclint.lint.Diagnostic;
import dev.asynclint.lint.RuleMetadata;
import java.util.List;

/**
 * Everything a report shows about one run of {@code asynclint check}.
 *
 * @param diagnostics the findings that remain, already sorted
 * @param rules the rules that were enabled, for the SARIF rule catalog
 * @param filesChecked how many files were checked
 * @param errors files that could not be read and internal errors
 * @param fixed how many findings {@code --fix} repaired (0 without {@code --fix})
 * @param toolVersion the version of asynclint
 */
public record ReportInput(
    List<Diagnostic> diagnostics,
    List<RuleMetadata> rules,
    int filesChecked,
    List<FileError> errors,
    int fixed,
    String toolVersion) {

  public ReportInput {
    diagnostics = List.copyOf(diagnostics);
    rules = List.copyOf(rules);
    errors = List.copyOf(errors);
  }
}
