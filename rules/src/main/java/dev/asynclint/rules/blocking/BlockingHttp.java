package dev.asynclint.rules.blocking;

import dev.asynclint.lint.RuleInfo;
import dev.asynclint.lint.Severity;

/** ASY201: the http calls of {@code blocking-apis.tsv} made in async context. */
@RuleInfo(
    code = "ASY201",
    name = "blocking-http",
    severity = Severity.ERROR,
    equivalents = {"ASYNC210", "ASYNC211", "ASYNC212"},
    summary =
        "A synchronous HTTP call (`requests`, `urllib.request.urlopen`, `http.client`,"
            + " `httpx` sync API, `urllib3`) in async context: the whole event loop waits for"
            + " the response.")
public final class BlockingHttp extends BlockingCallRule {
  public BlockingHttp() {
    super(BlockingCategory.HTTP);
  }
}
