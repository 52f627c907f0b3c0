package dev.asynclint.engine;

import dev.asynclint.engine.suppress.Suppressions;
import dev.asynclint.lint.Diagnostic;
import java.util.List;
import java.util.Map;

/**
 * What a run found.
 *
 * @param diagnostics the findings, in {@link Linter#ORDER}, before suppressions
 * @param errors files that could not be read, and rules that crashed
 * @param suppressions the {@code # noqa} and file-level suppressions of every file that was read
 *     and decoded, by display path
 */
public record LintResult(
    List<Diagnostic> diagnostics,
    List<FileError> errors,
    int filesChecked,
    Map<String, Suppressions> suppressions) {

  /** A file the run could not check, or a crash while checking it. */
  public record FileError(String path, String message, Throwable cause) {
    public FileError(String path, String message) {
      this(path, message, null);
    }
  }
}
