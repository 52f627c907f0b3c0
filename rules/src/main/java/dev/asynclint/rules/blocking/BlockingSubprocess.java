package dev.asynclint.rules.blocking;

import dev.asynclint.lint.RuleInfo;
import dev.asynclint.lint.Severity;

/** ASY204: the subprocess calls of {@code blocking-apis.tsv} made in async context. */
@RuleInfo(
    code = "ASY204",
    name = "blocking-subprocess",
    severity = Severity.ERROR,
    equivalents = {"ASYNC220", "ASYNC221", "ASYNC222"},
    summary =
        "Waiting for a child process (`subprocess.run`, `Popen.wait`, `os.system`,"
            + " `os.wait*`) in async context: the event loop stops until the process exits.")
public final class BlockingSubprocess extends BlockingCallRule {
  public BlockingSubprocess() {
    super(BlockingCategory.SUBPROCESS);
  }
}
