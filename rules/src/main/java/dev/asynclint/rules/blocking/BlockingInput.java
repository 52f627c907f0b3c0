package dev.asynclint.rules.blocking;

import dev.asynclint.lint.RuleInfo;
import dev.asynclint.lint.Severity;

/** ASY205: the input calls of {@code blocking-apis.tsv} made in async context. */
@RuleInfo(
    code = "ASY205",
    name = "blocking-input",
    severity = Severity.ERROR,
    summary =
        "`input()` or `getpass.getpass()` in async context: the event loop stops until"
            + " someone types.")
public final class BlockingInput extends BlockingCallRule {
  public BlockingInput() {
    super(BlockingCategory.INPUT);
  }
}
