package dev.asynclint.rules.cancellation;

import dev.asynclint.lint.CallRule;
import dev.asynclint.lint.FileContext;
import dev.asynclint.lint.RuleInfo;
import dev.asynclint.lint.Severity;
import dev.asynclint.rules.TestCode;
import dev.asynclint.semantic.project.CallSite;
import dev.asynclint.semantic.project.CallTarget;
import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.syntax.ast.Located;
import dev.asynclint.syntax.ast.NodeFinder;
import dev.asynclint.syntax.ast.Stmt;
import dev.asynclint.syntax.ast.WithItem;
import java.util.List;
import java.util.Set;

/**
 * ASY404: a network operation awaited in a coroutine with no timeout that the code shows: no {@code
 * timeout=} on the call, none on the construction of its client (when the model sees the
 * construction), and no enclosing timeout block in the same function. Calls wrapped in {@code
 * asyncio.wait_for()} are not awaited directly and therefore never reported. httpx clients have a
 * five-second default, so they are reported only when the timeout is turned off ({@code
 * timeout=None}); aiohttp sessions default to a five-minute total timeout, which the message names.
 */
@RuleInfo(
    code = "ASY404",
    name = "await-without-timeout",
    severity = Severity.INFO,
    summary =
        "A network await with no timeout waits as long as the peer wants: a stalled server or a"
            + " half-open connection holds the coroutine, and what it holds (a request slot, a"
            + " connection, a lock), for minutes or forever.")
public final class AwaitWithoutTimeout implements CallRule {
  static final String MESSAGE =
      "`%s` is awaited with no timeout%s: a stalled peer holds coroutine `%s` %s; wrap it in"
          + " `asyncio.timeout(...)`/`asyncio.wait_for(...)` or pass a timeout";

  /** Names of context managers that bound the time of their body. */
  private static final Set<String> TIMEOUT_BLOCKS =
      Set.of("timeout", "timeout_at", "fail_after", "fail_at", "move_on_after", "move_on_at");

  @Override
  public void checkCall(CallSite site, FileContext context) {
    if (!site.asyncContext()
        || site.target().kind() == CallTarget.Kind.FUNCTION
        || site.target().kind() == CallTarget.Kind.CLASS) {
      return;
    }
    NetworkCalls.Kind kind = NetworkCalls.kind(site, context.resolver());
    if (kind == null
        || TestCode.isTest(site.caller().module())
        || kind.readsConnection() && !NetworkCalls.receiverMadeHere(site)) {
      return;
    }
    List<Located> path =
        NodeFinder.pathTo(site.caller().module().tree(), site.call().range().start());
    int at = path.indexOf(site.call());
    if (at < 1 || !awaitedDirectly(path, at, kind) || insideTimeoutBlock(path, at)) {
      return;
    }
    if (!unbounded(site, kind, context)) {
      return;
    }
    String callee = site.target().qualifiedName();
    String shortName =
        callee == null
            ? "StreamReader." + ((Expr.Attribute) site.call().func()).attr()
            : callee.substring(callee.lastIndexOf('.', callee.lastIndexOf('.') - 1) + 1);
    context.report(
        this,
        site.call().range(),
        String.format(
            MESSAGE, shortName + "()", kind.note(), site.caller().name(), kind.consequence()));
  }

  /**
   * Whether the arguments and the client leave the call without a timeout. httpx has a default one,
   * so it counts only when turned off ({@code timeout=None}); an aiohttp session counts only when
   * its construction is seen, without {@code timeout=}.
   */
  private static boolean unbounded(CallSite site, NetworkCalls.Kind kind, FileContext context) {
    Expr.Call call = site.call();
    NetworkCalls.Timeout own = NetworkCalls.timeoutOf(call);
    if (kind == NetworkCalls.Kind.HTTPX) {
      return own == NetworkCalls.Timeout.DISABLED
          || own == NetworkCalls.Timeout.NOT_SET
              && NetworkCalls.clientTimeout(site, context.resolver())
                  == NetworkCalls.Timeout.DISABLED;
    }
    if (own != NetworkCalls.Timeout.NOT_SET) {
      return own == NetworkCalls.Timeout.DISABLED && kind != NetworkCalls.Kind.AIOHTTP_SESSION;
    }
    if (kind == NetworkCalls.Kind.WEBSOCKET_RECEIVE && NetworkCalls.connectionBoundsReceive(site)) {
      return false;
    }
    if (kind == NetworkCalls.Kind.AIOHTTP_SESSION) {
      return NetworkCalls.clientTimeout(site, context.resolver()) == NetworkCalls.Timeout.NOT_SET;
    }
    return true;
  }

  /** {@code await call(...)}, or {@code async with call(...)} for HTTP requests. */
  private static boolean awaitedDirectly(List<Located> path, int at, NetworkCalls.Kind kind) {
    Located parent = path.get(at - 1);
    if (parent instanceof Expr.Await) {
      return true;
    }
    return kind.requestsHttp()
        && parent instanceof Stmt.AsyncWith
        && ((Stmt.AsyncWith) parent)
            .items().stream().anyMatch(item -> item.contextExpr() == path.get(at));
  }

  /** Whether a {@code with}/{@code async with} of a timeout encloses the call in its function. */
  private static boolean insideTimeoutBlock(List<Located> path, int at) {
    for (int i = at - 1; i >= 0; i--) {
      Located node = path.get(i);
      if (node instanceof Stmt.FunctionDef
          || node instanceof Stmt.AsyncFunctionDef
          || node instanceof Expr.Lambda) {
        return false;
      }
      List<WithItem> items = null;
      if (node instanceof Stmt.AsyncWith) {
        items = ((Stmt.AsyncWith) node).items();
      } else if (node instanceof Stmt.With) {
        items = ((Stmt.With) node).items();
      }
      if (items != null && items.stream().anyMatch(AwaitWithoutTimeout::isTimeoutBlock)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isTimeoutBlock(WithItem item) {
    Expr expr = item.contextExpr();
    if (!(expr instanceof Expr.Call)) {
      return false;
    }
    Expr func = ((Expr.Call) expr).func();
    String name =
        func instanceof Expr.Attribute
            ? ((Expr.Attribute) func).attr()
            : func instanceof Expr.Name ? ((Expr.Name) func).id() : "";
    return TIMEOUT_BLOCKS.contains(name) || name.toLowerCase().contains("timeout");
  }
}
