package dev.asynclint.rules.concurrency;

import dev.asynclint.lint.CallRule;
import dev.asynclint.lint.FileContext;
import dev.asynclint.lint.RuleInfo;
import dev.asynclint.lint.Severity;
import dev.asynclint.semantic.project.CallSite;
import dev.asynclint.syntax.ast.Located;
import dev.asynclint.syntax.ast.NodeFinder;
import java.util.List;

/**
 * ASY502: an async client, pool or connection of the catalog ({@code async-clients.tsv}, plus the
 * user's {@code async-clients}) that the function creating it neither enters with {@code async
 * with} nor closes. Reported when the object is bound to a local variable whose every use calls a
 * method other than a closing one ({@code close}, {@code aclose}, {@code disconnect}, {@code
 * terminate}, {@code release}, {@code wait_closed}), or when it is dropped right away. Any other
 * use (stored, returned, yielded, passed to a call, captured by a nested function) hands ownership
 * elsewhere and silences the rule.
 */
@RuleInfo(
    code = "ASY502",
    name = "client-not-closed",
    severity = Severity.WARNING,
    summary =
        "An async client, pool or connection (`aiohttp.ClientSession()`, `httpx.AsyncClient()`,"
            + " `asyncpg.connect()`...) created without `async with` and never closed: its sockets"
            + " stay open until garbage collection, with an `Unclosed client session` warning.")
public final class ClientNotClosed implements CallRule {
  static final String UNCLOSED =
      "`%s` is never closed: its sockets stay open until the %s is garbage-collected; close it"
          + " in a `finally:` block (`%s.%s()`)%s";
  static final String DROPPED =
      "`%s` creates a %s that is used once and never closed: its sockets stay open until it is"
          + " garbage-collected; create it with `async with` and use it inside the block";

  @Override
  public void checkCall(CallSite site, FileContext context) {
    String kind = AsyncClients.kind(site, context.settings().asyncClients());
    if (kind == null) {
      return;
    }
    List<Located> ancestors = NodeFinder.ancestors(site.caller().module().tree(), site.call());
    ClientUse use = ClientUse.of(site.caller(), site.call(), ancestors);
    String spelling = AsyncClients.spelling(site);
    if (use == ClientUse.DROPPED) {
      context.report(this, site.call().range(), String.format(DROPPED, spelling, kind));
    } else if (use == ClientUse.UNCLOSED) {
      String variable = ClientUse.variable(ancestors, site.call());
      String closer = spelling.startsWith("httpx.") ? "aclose" : "close";
      context.report(
          this,
          site.call().range(),
          String.format(
              UNCLOSED,
              spelling,
              kind,
              variable,
              closer,
              kind.equals("connection")
                  ? ""
                  : String.format(", or use `async with %s as %s:`", spelling, variable)));
    }
  }
}
