package dev.asynclint.engine.fix;

import dev.asynclint.lint.Diagnostic;
import dev.asynclint.lint.Edit;
import dev.asynclint.lint.Fix;
import dev.asynclint.lint.FixAvailability;
import dev.asynclint.syntax.PythonVersion;
import dev.asynclint.syntax.parser.Parser;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Applies the fixes of one file's findings to its text, as one pass of {@code --fix}.
 *
 * <p>The enabled fixes (safe ones; unsafe ones too with {@code --unsafe-fixes}) are applied in the
 * order of their first edit. A fix whose edits overlap, or touch, the text an already applied fix
 * replaced is skipped: the next pass, on the new text, retries it. A fix identical to one already
 * applied (two findings with the same repair) is counted without being applied twice. Text inserted
 * with {@code \n} takes the line ending of the file. When the result does not parse with the target
 * version the whole pass is refused for the file and its text is kept.
 */
public final class FixApplier {
  private final boolean unsafeFixes;
  private final PythonVersion targetVersion;

  /**
   * What a pass did to a file.
   *
   * @param text the new text (the original one when nothing was applied or the pass was refused)
   * @param applied how many findings the applied fixes repaired
   * @param refused whether fixes applied but their result did not parse, so were dropped
   */
  public record Result(String text, int applied, boolean refused) {}

  public FixApplier(boolean unsafeFixes, PythonVersion targetVersion) {
    this.unsafeFixes = unsafeFixes;
    this.targetVersion = targetVersion;
  }

  /** Whether this applier applies {@code fix} (which may be null). */
  public boolean enabled(Fix fix) {
    return fix != null
        && !fix.edits().isEmpty()
        && (fix.applicability() == FixAvailability.SAFE || unsafeFixes);
  }

  /**
   * Applies the enabled fixes of {@code diagnostics}, findings in the file whose text is {@code
   * source}.
   */
  public Result apply(String source, List<Diagnostic> diagnostics) {
    List<Fix> fixes = new ArrayList<>();
    for (Diagnostic diagnostic : diagnostics) {
      if (enabled(diagnostic.fix())) {
        fixes.add(diagnostic.fix());
      }
    }
    if (fixes.isEmpty()) {
      return new Result(source, 0, false);
    }
    // A stable sort: fixes starting at the same place keep the findings' order.
    fixes.sort(Comparator.comparingInt((Fix fix) -> fix.edits().get(0).range().start()));
    String lineEnding = lineEnding(source);
    StringBuilder out = new StringBuilder(source.length() + 64);
    Set<Edit> done = new HashSet<>();
    int last = -1;
    int applied = 0;
    for (Fix fix : fixes) {
      if (done.containsAll(fix.edits())) {
        applied++;
        continue;
      }
      int start = fix.edits().get(0).range().start();
      int end = fix.edits().get(fix.edits().size() - 1).range().end();
      if (start <= last || end > source.length()) {
        continue;
      }
      for (Edit edit : fix.edits()) {
        out.append(source, Math.max(last, 0), edit.range().start());
        out.append(withLineEnding(edit.replacement(), lineEnding));
        last = edit.range().end();
        done.add(edit);
      }
      applied++;
    }
    if (done.isEmpty()) {
      return new Result(source, 0, false);
    }
    out.append(source, last, source.length());
    String text = out.toString();
    if (Parser.parse(text, targetVersion).hasErrors()) {
      return new Result(source, 0, true);
    }
    return new Result(text, applied, false);
  }

  /** The file's line ending: its first one, {@code \n} when it has none. */
  static String lineEnding(String source) {
    for (int i = 0; i < source.length(); i++) {
      char c = source.charAt(i);
      if (c == '\n') {
        return "\n";
      }
      if (c == '\r') {
        return i + 1 < source.length() && source.charAt(i + 1) == '\n' ? "\r\n" : "\r";
      }
    }
    return "\n";
  }

  private static String withLineEnding(String text, String lineEnding) {
    if (lineEnding.equals("\n") || text.indexOf('\n') < 0) {
      return text;
    }
    return text.replace("\r\n", "\n").replace("\n", lineEnding);
  }
}
