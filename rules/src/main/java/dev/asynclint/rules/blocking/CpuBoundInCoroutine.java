package dev.asynclint.rules.blocking;

import dev.asynclint.lint.RuleInfo;
import dev.asynclint.lint.Severity;

/** ASY209: the cpu calls of {@code blocking-apis.tsv} made in async context. */
@RuleInfo(
    code = "ASY209",
    name = "cpu-bound-in-coroutine",
    severity = Severity.INFO,
    summary =
        "Known CPU-heavy calls (`hashlib.pbkdf2_hmac`/`scrypt`, `bcrypt`, PIL image"
            + " processing) in async context: the event loop waits for the computation; run it"
            + " in an executor.")
public final class CpuBoundInCoroutine extends BlockingCallRule {
  public CpuBoundInCoroutine() {
    super(BlockingCategory.CPU);
  }
}
