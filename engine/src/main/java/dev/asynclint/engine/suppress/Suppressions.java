package dev.asynclint.engine.suppress;

import dev.asynclint.lint.Diagnostic;
import dev.asynclint.lint.Rule;
import dev.asynclint.lint.RuleMetadata;
import dev.asynclint.rules.RuleRegistry;
import dev.asynclint.syntax.lexer.Tokens;
import dev.asynclint.text.LineIndex;
import dev.asynclint.text.TextRange;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The suppression comments of one file, and the findings they silence.
 *
 * <ul>
 *   <li>{@code # noqa} silences every finding of its line; {@code # noqa: ASY200,ASY301} those of
 *       the rules it names, by code or by one of their {@link RuleMetadata#equivalents()} ({@code #
 *       noqa: ASYNC251} silences the rule that lists {@code ASYNC251}). A finding is silenced by a
 *       directive on its own line or on the first line of the multi-line statement holding it.
 *   <li>{@code # asynclint: file-ignore[ASY6]} anywhere in the file silences every finding of the
 *       rules whose code starts with one of the listed prefixes (or equals one of their
 *       equivalents).
 * </ul>
 *
 * Syntax errors ({@code ASY001}) are never silenced, as in ruff: nothing else in such a file is
 * checked, so hiding the error would hide the whole file.
 */
public final class Suppressions {
  private static final String SYNTAX_ERROR = "ASY001";
  private static final RuleMetadata UNUSED_NOQA =
      RuleRegistry.byCode("ASY002").orElseThrow().metadata();
  private static final Pattern ASYNCLINT_CODE = Pattern.compile("ASY[0-9]+");

  private final String source;
  private final LineIndex lines;
  private final LogicalLines logicalLines;
  private final Map<Integer, List<NoqaDirective>> noqaByLine = new HashMap<>();
  private final List<NoqaDirective> noqa;
  private final List<String> fileIgnores;
  private final Set<String> knownCodes = new HashSet<>();
  private final Map<String, List<String>> rulesByEquivalent = new HashMap<>();

  private Suppressions(
      String source,
      LineIndex lines,
      Tokens tokens,
      SuppressionComments comments,
      List<? extends Rule> catalog) {
    this.source = source;
    this.lines = lines;
    this.noqa = List.copyOf(comments.noqa());
    this.fileIgnores = List.copyOf(comments.fileIgnores());
    for (NoqaDirective directive : noqa) {
      noqaByLine.computeIfAbsent(directive.line(), line -> new ArrayList<>()).add(directive);
    }
    this.logicalLines = noqa.isEmpty() ? null : LogicalLines.of(tokens, source.length());
    // The catalog only names the codes of `# noqa` directives: most files have none.
    for (Rule rule : noqa.isEmpty() ? List.<Rule>of() : catalog) {
      RuleMetadata metadata = rule.metadata();
      knownCodes.add(metadata.code());
      for (String equivalent : metadata.equivalents()) {
        rulesByEquivalent
            .computeIfAbsent(equivalent, code -> new ArrayList<>())
            .add(metadata.code());
      }
    }
  }

  /** The suppressions of a file, with asynclint's rules as the known codes. */
  public static Suppressions of(String source, Tokens tokens) {
    return of(source, tokens, RuleRegistry.all());
  }

  /**
   * The suppressions of a file.
   *
   * @param tokens the file's tokens, whose comments hold the directives
   * @param catalog the rules whose codes and equivalents an unused {@code # noqa} code is checked
   *     against
   */
  public static Suppressions of(String source, Tokens tokens, List<? extends Rule> catalog) {
    SuppressionComments comments = new SuppressionComments(source);
    // Most files have no directive: their line index is never needed, so it is made on demand.
    LineIndex lines = null;
    for (int i = 0; i < tokens.commentCount(); i++) {
      TextRange comment = tokens.comment(i);
      if (mayHoldDirective(source, comment)) {
        if (lines == null) {
          lines = LineIndex.of(source);
        }
        comments.read(comment, lines.line(comment.start()));
      }
    }
    return new Suppressions(source, lines, tokens, comments, catalog);
  }

  /** Whether a comment mentions {@code noqa} (in any case) or {@code asynclint:}. */
  private static boolean mayHoldDirective(String source, TextRange comment) {
    for (int at = comment.start(); at + 4 <= comment.end(); at++) {
      char c = source.charAt(at);
      if ((c == 'n' || c == 'N') && source.regionMatches(true, at, "noqa", 0, 4)
          || c == 'a' && source.startsWith("asynclint:", at)) {
        return true;
      }
    }
    return false;
  }

  /** The {@code # noqa} directives of the file, in source order. */
  public List<NoqaDirective> noqaDirectives() {
    return noqa;
  }

  /** The prefixes of the file's {@code # asynclint: file-ignore[...]} comments. */
  public List<String> fileIgnores() {
    return fileIgnores;
  }

  /**
   * What the suppressions leave of a file's findings.
   *
   * @param kept the findings not silenced, in their order
   * @param unusedNoqa one {@code ASY002} finding per {@code # noqa} code of an asynclint rule (or
   *     of an equivalent of one) that silenced nothing
   */
  public record Result(List<Diagnostic> kept, List<Diagnostic> unusedNoqa) {
    public Result {
      kept = List.copyOf(kept);
      unusedNoqa = List.copyOf(unusedNoqa);
    }
  }

  /**
   * Drops the silenced findings.
   *
   * @param diagnostics the findings of this file
   * @param path the file as the user named it, for the {@code ASY002} findings
   * @param reportUnused whether to report unused {@code # noqa} codes ({@code ASY002} is enabled)
   */
  public Result filter(List<Diagnostic> diagnostics, String path, boolean reportUnused) {
    Set<NoqaCode> used = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Diagnostic> kept = new ArrayList<>();
    for (Diagnostic diagnostic : diagnostics) {
      if (!silenced(diagnostic, used)) {
        kept.add(diagnostic);
      }
    }
    List<Diagnostic> unused = new ArrayList<>();
    if (reportUnused) {
      RuleMetadata unusedNoqa = UNUSED_NOQA;
      if (!fileIgnored(unusedNoqa)) {
        for (NoqaDirective directive : noqa) {
          if (!names(directive, unusedNoqa)) {
            reportUnused(directive, used, unusedNoqa, path, unused);
          }
        }
      }
    }
    return new Result(kept, unused);
  }

  private boolean silenced(Diagnostic diagnostic, Set<NoqaCode> used) {
    RuleMetadata rule = diagnostic.rule();
    if (rule.code().equals(SYNTAX_ERROR)) {
      return false;
    }
    if (fileIgnored(rule)) {
      return true;
    }
    if (noqa.isEmpty()) {
      return false;
    }
    int offset = diagnostic.range().start();
    int line = lines.line(offset);
    if (silencedOn(line, rule, used)) {
      return true;
    }
    int statementStart = logicalLines.startOf(offset);
    if (statementStart < 0) {
      return false;
    }
    int firstLine = lines.line(statementStart);
    return firstLine != line && silencedOn(firstLine, rule, used);
  }

  private boolean silencedOn(int line, RuleMetadata rule, Set<NoqaCode> used) {
    boolean silenced = false;
    for (NoqaDirective directive : noqaByLine.getOrDefault(line, List.of())) {
      if (directive.isBare()) {
        silenced = true;
      }
      for (NoqaCode code : directive.codes()) {
        if (matches(code.code(), rule)) {
          used.add(code);
          silenced = true;
        }
      }
    }
    return silenced;
  }

  private static boolean matches(String code, RuleMetadata rule) {
    return code.equals(rule.code()) || rule.equivalents().contains(code);
  }

  private boolean fileIgnored(RuleMetadata rule) {
    for (String prefix : fileIgnores) {
      if (rule.code().startsWith(prefix) || rule.equivalents().contains(prefix)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the directive names {@code rule} itself: then its unused codes are not reported. */
  private static boolean names(NoqaDirective directive, RuleMetadata rule) {
    for (NoqaCode code : directive.codes()) {
      if (matches(code.code(), rule)) {
        return true;
      }
    }
    return false;
  }

  private void reportUnused(
      NoqaDirective directive,
      Set<NoqaCode> used,
      RuleMetadata unusedNoqa,
      String path,
      List<Diagnostic> out) {
    for (NoqaCode code : directive.codes()) {
      if (used.contains(code)) {
        continue;
      }
      String reason;
      if (ASYNCLINT_CODE.matcher(code.code()).matches()) {
        reason =
            knownCodes.contains(code.code())
                ? "no `" + code.code() + "` finding on this line"
                : "no rule has this code";
      } else if (rulesByEquivalent.containsKey(code.code())) {
        reason =
            "no `"
                + String.join("`/`", rulesByEquivalent.get(code.code()))
                + "` finding on this line";
      } else {
        continue; // another linter's code: not ours to judge
      }
      out.add(
          new Diagnostic(
              unusedNoqa,
              "Unused `noqa` code `" + code.code() + "` (" + reason + ")",
              path,
              source,
              code.range(),
              List.of(),
              null));
    }
  }
}
