package dev.asynclint.rules.tasks;

import dev.asynclint.lint.CallRule;
import dev.asynclint.lint.FileContext;
import dev.asynclint.lint.RuleInfo;
import dev.asynclint.lint.Severity;
import dev.asynclint.semantic.project.CallSite;
import dev.asynclint.semantic.project.FunctionInfo;
import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.syntax.ast.Located;
import dev.asynclint.syntax.ast.NodeFinder;
import dev.asynclint.syntax.ast.Stmt;
import java.util.List;
import java.util.Set;

/**
 * ASY306: {@code await asyncio.gather(..., return_exceptions=True)} whose list of results and
 * exceptions is thrown away, or bound to a local name that the function never reads.
 */
@RuleInfo(
    code = "ASY306",
    name = "gathered-exceptions-ignored",
    severity = Severity.WARNING,
    summary =
        "`await asyncio.gather(..., return_exceptions=True)` whose results are discarded or never"
            + " read: the exceptions the awaitables raised are returned in that list instead of"
            + " raised, so dropping it silences every failure.")
public final class GatheredExceptionsIgnored implements CallRule {
  static final String DISCARDED =
      "`asyncio.gather(..., return_exceptions=True)` result is discarded: the exceptions are"
          + " returned in that list, not raised, so every failure is silently lost; inspect the"
          + " results (`isinstance(result, BaseException)`) or drop `return_exceptions=True`";
  static final String UNREAD =
      "`asyncio.gather(..., return_exceptions=True)` result `%s` is never read: the exceptions are"
          + " returned in that list, not raised, so every failure is silently lost; inspect the"
          + " results (`isinstance(result, BaseException)`) or drop `return_exceptions=True`";

  private static final Set<String> GATHER = Set.of("asyncio.gather", "asyncio.tasks.gather");

  @Override
  public void checkCall(CallSite site, FileContext context) {
    if (!TaskSyntax.calls(site, GATHER)
        || !TaskSyntax.isTrue(TaskSyntax.keyword(site.call(), "return_exceptions"))) {
      return;
    }
    List<Located> ancestors = NodeFinder.ancestors(site.caller().module().tree(), site.call());
    int n = ancestors.size();
    if (n < 2 || !(ancestors.get(n - 1) instanceof Expr.Await)) {
      return;
    }
    Located statement = ancestors.get(n - 2);
    int offset = site.call().range().start();
    if (TaskSyntax.inCleanup(ancestors, offset)
        || TaskSyntax.callsMethodBefore(site.caller().body(), "cancel", offset)) {
      return;
    }
    if (statement instanceof Stmt.ExprStatement) {
      context.report(this, site.call().range(), DISCARDED);
      return;
    }
    String name = TaskSyntax.assignedName(statement);
    FunctionInfo function = site.caller();
    if (name == null || function.isModuleBody() || TaskSyntax.declaredOuter(function, name)) {
      return;
    }
    if (!TaskSyntax.reads(function.body(), name)) {
      context.report(this, site.call().range(), String.format(UNREAD, name));
    }
  }
}
