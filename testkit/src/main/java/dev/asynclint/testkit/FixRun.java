package dev.asynclint.testkit;

import dev.asynclint.lint.Diagnostic;
import dev.asynclint.lint.Edit;
import dev.asynclint.lint.FixAvailability;
import dev.asynclint.lint.Rule;
import dev.asynclint.lint.Settings;
import dev.asynclint.syntax.parser.Parser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One rule run over one source file written into a folder, and its fix applied: what the fix tests
 * of the rules share.
 */
public final class FixRun {
  private final Path file;
  private final Rule rule;
  private final Settings settings;

  public FixRun(Path dir, String fileName, Rule rule, Settings settings) {
    this.file = dir.resolve(fileName);
    this.rule = rule;
    this.settings = settings;
  }

  public FixRun(Path dir, String fileName, Rule rule) {
    this(dir, fileName, rule, Settings.DEFAULT);
  }

  /** The rule's findings on {@code source}. */
  public List<Diagnostic> findings(String source) throws IOException {
    Files.writeString(file, source, StandardCharsets.UTF_8);
    return Fixture.load(file.getParent()).run(List.of(rule), settings);
  }

  /**
   * The text after applying the fix of the single finding on {@code source}; fails unless there is
   * exactly one finding, its fix has the given applicability, the result parses, and the rule finds
   * nothing more in it.
   */
  public String fixed(String source, FixAvailability applicability) throws IOException {
    List<Diagnostic> findings = findings(source);
    if (findings.size() != 1) {
      throw new AssertionError("expected one finding, got " + findings);
    }
    Diagnostic finding = findings.get(0);
    if (finding.fix() == null || finding.fix().applicability() != applicability) {
      throw new AssertionError("expected a fix that is " + applicability + ": " + finding);
    }
    String result = apply(source, finding.fix().edits());
    if (Parser.parse(result).hasErrors()) {
      throw new AssertionError("the fixed text does not parse:\n" + result);
    }
    List<Diagnostic> after = findings(result);
    if (!after.isEmpty()) {
      throw new AssertionError("the rule still reports " + after + " in:\n" + result);
    }
    return result;
  }

  /** Applies non-overlapping edits, given in source order. */
  public static String apply(String source, List<Edit> edits) {
    StringBuilder text = new StringBuilder(source);
    for (int i = edits.size() - 1; i >= 0; i--) {
      Edit edit = edits.get(i);
      text.replace(edit.range().start(), edit.range().end(), edit.replacement());
    }
    return text.toString();
  }
}
