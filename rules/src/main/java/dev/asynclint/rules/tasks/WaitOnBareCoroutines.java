package dev.asynclint.rules.tasks;

import dev.asynclint.lint.CallRule;
import dev.asynclint.lint.FileContext;
import dev.asynclint.lint.RuleInfo;
import dev.asynclint.lint.Severity;
import dev.asynclint.semantic.project.CallSite;
import dev.asynclint.semantic.project.CallTarget;
import dev.asynclint.syntax.ast.Expr;
import java.util.List;
import java.util.Set;

/**
 * ASY305: {@code asyncio.wait()} given a display or comprehension of coroutine calls. Only what can
 * be seen is judged: the elements must be calls to project {@code async def}s or to asyncio
 * coroutine functions of {@code async-apis.tsv}; a name, or a call whose result is not known to be
 * a coroutine, is left alone.
 */
@RuleInfo(
    code = "ASY305",
    name = "wait-on-bare-coroutines",
    severity = Severity.ERROR,
    summary =
        "`asyncio.wait()` given coroutines rather than tasks or futures: deprecated since Python"
            + " 3.8 and a `TypeError` since 3.11; and the sets it returns hold tasks wrapped around"
            + " the coroutines, which the caller cannot match with what it passed.")
public final class WaitOnBareCoroutines implements CallRule {
  static final String MESSAGE =
      "`asyncio.wait()` is given coroutines (`%s()`), not tasks: Python 3.11 raises `TypeError`;"
          + " wrap each in `asyncio.create_task()` first";

  private static final Set<String> WAIT = Set.of("asyncio.wait", "asyncio.tasks.wait");

  @Override
  public void checkCall(CallSite site, FileContext context) {
    if (!TaskSyntax.calls(site, WAIT)) {
      return;
    }
    Expr.Call call = site.call();
    Expr awaitables = call.args().isEmpty() ? TaskSyntax.keyword(call, "fs") : call.args().get(0);
    List<Expr> elements = elements(awaitables);
    if (elements.isEmpty()) {
      return;
    }
    for (Expr element : elements) {
      if (!(element instanceof Expr.Call)) {
        continue;
      }
      CallSite inner = context.callSite((Expr.Call) element);
      if (inner != null && createsCoroutine(inner)) {
        String name = inner.target().qualifiedName();
        String shown = name.substring(name.lastIndexOf('.') + 1);
        context.report(this, element.range(), String.format(MESSAGE, shown));
        return;
      }
    }
  }

  /** The element expressions of a display, or the element of a comprehension; else none. */
  private static List<Expr> elements(Expr expr) {
    if (expr instanceof Expr.ListDisplay) {
      return ((Expr.ListDisplay) expr).elts();
    }
    if (expr instanceof Expr.SetDisplay) {
      return ((Expr.SetDisplay) expr).elts();
    }
    if (expr instanceof Expr.Tuple) {
      return ((Expr.Tuple) expr).elts();
    }
    if (expr instanceof Expr.ListComp) {
      return List.of(((Expr.ListComp) expr).elt());
    }
    if (expr instanceof Expr.SetComp) {
      return List.of(((Expr.SetComp) expr).elt());
    }
    if (expr instanceof Expr.GeneratorExp) {
      return List.of(((Expr.GeneratorExp) expr).elt());
    }
    return List.of();
  }

  /**
   * Whether the call gives a coroutine object, which {@code asyncio.wait} refuses: a project {@code
   * async def} or an asyncio coroutine function. A library's lazy awaitable that is not a coroutine
   * ({@code aiohttp}'s request context manager) is wrapped in a task by {@code wait} like a future.
   */
  private static boolean createsCoroutine(CallSite site) {
    return TaskSyntax.createsCoroutine(site)
        && (site.target().kind() == CallTarget.Kind.FUNCTION
            || site.target().qualifiedName().startsWith("asyncio."));
  }
}
