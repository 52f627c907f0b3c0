package dev.asynclint.rules.blocking;

import dev.asynclint.lint.RuleInfo;
import dev.asynclint.lint.Severity;

/** ASY210: the sdk calls of {@code blocking-apis.tsv} made in async context. */
@RuleInfo(
    code = "ASY210",
    name = "blocking-sdk",
    severity = Severity.WARNING,
    summary =
        "Synchronous cloud and SDK clients (`boto3`/`botocore`, `google.cloud`, sync"
            + " `openai`/`anthropic`, `stripe`, `kafka-python`, `pika.BlockingConnection`) in"
            + " async context: the event loop waits for the remote service.")
public final class BlockingSdk extends BlockingCallRule {
  public BlockingSdk() {
    super(BlockingCategory.SDK);
  }
}
