package dev.asynclint.rules;

import dev.asynclint.lint.Rule;
import dev.asynclint.lint.RuleInfo;
import dev.asynclint.lint.Severity;

/**
 * ASY001: a file that does not parse. The engine reports it with the parser's message; the file's
 * other rules do not run, since a partial tree would make them guess.
 */
@RuleInfo(
    code = "ASY001",
    name = "syntax-error",
    severity = Severity.ERROR,
    summary =
        "The file is not valid Python for the target version, or cannot be decoded: nothing else"
            + " in it is checked until it parses.")
public final class SyntaxErrorRule implements Rule {}
