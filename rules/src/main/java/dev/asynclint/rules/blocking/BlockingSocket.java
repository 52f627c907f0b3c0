package dev.asynclint.rules.blocking;

import dev.asynclint.lint.RuleInfo;
import dev.asynclint.lint.Severity;

/** ASY206: the socket calls of {@code blocking-apis.tsv} made in async context. */
@RuleInfo(
    code = "ASY206",
    name = "blocking-socket",
    severity = Severity.ERROR,
    summary =
        "Blocking socket operations, DNS lookups, `select.select`, TLS handshakes and"
            + " `smtplib`/`ftplib`/`telnetlib`/`paramiko` sessions in async context: the event"
            + " loop waits for the network.")
public final class BlockingSocket extends BlockingCallRule {
  public BlockingSocket() {
    super(BlockingCategory.SOCKET);
  }
}
