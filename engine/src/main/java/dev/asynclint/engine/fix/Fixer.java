package dev.asynclint.engine.fix;

import dev.asynclint.engine.LintResult;
import dev.asynclint.engine.discovery.InputFile;
import dev.asynclint.lint.Diagnostic;
import dev.asynclint.syntax.PythonVersion;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code --fix} and {@code --diff}: checks, applies the enabled fixes file by file, checks the
 * project again with the new texts, and so on until no fix applies or {@value #MAX_PASSES} passes
 * have run; then writes each changed file (atomically, in its encoding, with its byte order mark
 * and line endings) or, with {@code --diff}, shows it as a unified diff and writes nothing.
 *
 * <p>All passes work on texts in memory, so a file is written once, with every pass's fixes. A pass
 * whose fixes leave a file that no longer parses (or that its encoding cannot represent) is refused
 * for that file: its text stays as it was and nothing is counted.
 */
public final class Fixer {
  /** At most this many rounds of fixes. */
  public static final int MAX_PASSES = 10;

  /**
   * One check of the project.
   *
   * @param diagnostics the findings left after suppressions, in order
   * @param errors files that could not be read, and internal errors
   */
  public record Pass(
      List<Diagnostic> diagnostics, List<LintResult.FileError> errors, int filesChecked) {}

  /** Checks the project, reading the files named in {@code sources} from there. */
  @FunctionalInterface
  public interface Linting {
    /**
     * @param sources the fixed texts so far, by {@link InputFile#path()}
     */
    Pass run(Map<Path, String> sources);
  }

  /** A changed file as a unified diff ({@code --diff}). */
  public record FileDiff(String path, String diff) {}

  /**
   * What fixing did.
   *
   * @param last the check after the last pass of fixes: what remains
   * @param fixed how many findings were fixed (would be, with {@code --diff})
   * @param diffs the changed files, with {@code --diff}
   * @param errors files whose fixes could not be written
   */
  public record Result(
      Pass last, int fixed, List<FileDiff> diffs, List<LintResult.FileError> errors) {}

  private final FixMode mode;
  private final FixApplier applier;

  /**
   * @param mode {@link FixMode#FIX} or {@link FixMode#DIFF}
   * @param targetVersion the version every fixed file must still parse with
   */
  public Fixer(FixMode mode, boolean unsafeFixes, PythonVersion targetVersion) {
    if (mode == FixMode.NONE) {
      throw new IllegalArgumentException("nothing to fix");
    }
    this.mode = mode;
    this.applier = new FixApplier(unsafeFixes, targetVersion);
  }

  /** Fixes {@code files}, checked by {@code linting}. */
  public Result run(List<InputFile> files, Linting linting) {
    Map<String, InputFile> byDisplayPath = new HashMap<>();
    for (InputFile file : files) {
      byDisplayPath.put(file.displayPath(), file);
    }
    Map<Path, SourceFile> originals = new LinkedHashMap<>();
    Set<Path> unfixable = new HashSet<>();
    Map<Path, String> sources = new HashMap<>();
    Map<Path, Integer> fixedByFile = new LinkedHashMap<>();
    Pass pass = linting.run(Map.of());
    for (int round = 0; round < MAX_PASSES; round++) {
      boolean changed = false;
      for (Map.Entry<String, List<Diagnostic>> entry : fixable(pass.diagnostics()).entrySet()) {
        InputFile file = byDisplayPath.get(entry.getKey());
        if (file == null || unfixable.contains(file.path())) {
          continue;
        }
        String source = entry.getValue().get(0).source();
        SourceFile original = originals.get(file.path());
        if (original == null) {
          original = SourceFile.read(file.path());
          // Not as the check read it (changed since, or unreadable now): leave it alone.
          if (original == null || !original.text().equals(source)) {
            unfixable.add(file.path());
            continue;
          }
          originals.put(file.path(), original);
        }
        FixApplier.Result result = applier.apply(source, entry.getValue());
        if (result.applied() == 0 || original.encode(result.text()) == null) {
          continue;
        }
        sources.put(file.path(), result.text());
        fixedByFile.merge(file.path(), result.applied(), Integer::sum);
        changed = true;
      }
      if (!changed) {
        break;
      }
      pass = linting.run(sources);
    }
    List<FileDiff> diffs = new ArrayList<>();
    List<LintResult.FileError> errors = new ArrayList<>();
    int fixed = 0;
    for (InputFile file : files) {
      String text = sources.get(file.path());
      if (text == null) {
        continue;
      }
      SourceFile original = originals.get(file.path());
      if (mode == FixMode.DIFF) {
        String diff = UnifiedDiff.of(file.displayPath(), original.text(), text);
        if (!diff.isEmpty()) {
          diffs.add(new FileDiff(file.displayPath(), diff));
        }
      } else if (!text.equals(original.text())) {
        try {
          original.write(original.encode(text));
        } catch (IOException | RuntimeException e) {
          errors.add(
              new LintResult.FileError(file.displayPath(), "cannot write fixes: " + describe(e)));
          continue;
        }
      }
      fixed += fixedByFile.getOrDefault(file.path(), 0);
    }
    return new Result(pass, fixed, diffs, errors);
  }

  /** The findings with a fix this run applies, by file, in order. */
  private Map<String, List<Diagnostic>> fixable(List<Diagnostic> diagnostics) {
    Map<String, List<Diagnostic>> byFile = new LinkedHashMap<>();
    for (Diagnostic diagnostic : diagnostics) {
      if (applier.enabled(diagnostic.fix())) {
        byFile.computeIfAbsent(diagnostic.path(), path -> new ArrayList<>()).add(diagnostic);
      }
    }
    return byFile;
  }

  private static String describe(Exception e) {
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    String message = e.getMessage();
    return message == null ? e.getClass().getSimpleName() : message;
  }
}
