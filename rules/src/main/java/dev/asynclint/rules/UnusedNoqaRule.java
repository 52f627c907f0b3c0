package dev.asynclint.rules;

import dev.asynclint.lint.Rule;
import dev.asynclint.lint.RuleInfo;
import dev.asynclint.lint.Severity;

/**
 * ASY002: a {@code # noqa} code of an asynclint rule (or of an equivalent rule of another linter)
 * that suppressed nothing on its line. The engine reports it after applying suppressions.
 */
@RuleInfo(
    code = "ASY002",
    name = "unused-noqa",
    severity = Severity.INFO,
    equivalents = {"RUF100"},
    summary =
        "A `# noqa` comment names an asynclint rule that reports nothing on its line: the"
            + " suppression is stale and would hide a future finding there.")
public final class UnusedNoqaRule implements Rule {}
