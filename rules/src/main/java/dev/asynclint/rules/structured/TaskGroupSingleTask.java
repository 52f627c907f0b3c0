package dev.asynclint.rules.structured;

import dev.asynclint.lint.FileContext;
import dev.asynclint.lint.FunctionRule;
import dev.asynclint.lint.RuleInfo;
import dev.asynclint.lint.Severity;
import dev.asynclint.semantic.project.FunctionInfo;
import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.syntax.ast.NodeSearch;
import dev.asynclint.syntax.ast.Stmt;
import dev.asynclint.syntax.ast.WithItem;
import java.util.List;

/**
 * ASY701: a task group ({@code asyncio.TaskGroup}, a trio nursery, an anyio task group) whose block
 * only starts one task: {@code async with TaskGroup() as tg: tg.create_task(work())}. The group
 * adds nothing but an exception group around the one task's error. The task must not be given the
 * group itself (it could start more tasks), and the block must hold nothing else.
 */
@RuleInfo(
    code = "ASY701",
    name = "task-group-single-task",
    severity = Severity.INFO,
    equivalents = {"ASYNC112"},
    summary =
        "A task group that runs a single task and nothing else: awaiting the coroutine directly"
            + " does the same with less machinery, and its exception arrives as itself instead of"
            + " wrapped in an `ExceptionGroup`.")
public final class TaskGroupSingleTask implements FunctionRule {
  static final String MESSAGE =
      "this task group only runs `%s`: await the coroutine directly instead (its error is then"
          + " raised as itself, not inside an `ExceptionGroup`)";

  @Override
  public void checkFunction(FunctionInfo function, FileContext context) {
    if (!function.isAsync()) {
      return;
    }
    Scopes.forEachWith(
        function,
        with -> {
          List<WithItem> items = Scopes.items(with);
          List<Stmt> body = Scopes.body(with);
          if (!(with instanceof Stmt.AsyncWith) || items.size() != 1 || body.size() != 1) {
            return;
          }
          String group = Scopes.groupName(items.get(0), function, context.resolver());
          Expr.Call spawn = group == null ? null : onlySpawn(body.get(0), group);
          if (spawn == null || spawn.args().isEmpty() || mentions(spawn, group)) {
            return;
          }
          context.report(
              this, items.get(0).contextExpr().range(), String.format(MESSAGE, name(spawn)));
        });
  }

  /** The statement's call when it is {@code tg.create_task(...)}, alone or assigned to a name. */
  private static Expr.Call onlySpawn(Stmt statement, String group) {
    Expr value = null;
    if (statement instanceof Stmt.ExprStatement) {
      value = ((Stmt.ExprStatement) statement).value();
    } else if (statement instanceof Stmt.Assign
        && ((Stmt.Assign) statement).targets().size() == 1
        && ((Stmt.Assign) statement).targets().get(0) instanceof Expr.Name) {
      value = ((Stmt.Assign) statement).value();
    }
    return Scopes.spawns(value, group) ? (Expr.Call) value : null;
  }

  private static boolean mentions(Expr.Call spawn, String group) {
    return NodeSearch.any(
            spawn.args(),
            node -> node instanceof Expr.Name && ((Expr.Name) node).id().equals(group))
        || NodeSearch.any(
            spawn.keywords(),
            node -> node instanceof Expr.Name && ((Expr.Name) node).id().equals(group));
  }

  /** {@code fetch()} for {@code create_task(fetch(url))}, {@code fetch} for {@code start_soon}. */
  private static String name(Expr.Call spawn) {
    Expr first = spawn.args().get(0);
    if (first instanceof Expr.Call) {
      return callee(((Expr.Call) first).func()) + "()";
    }
    return callee(first);
  }

  private static String callee(Expr expr) {
    if (expr instanceof Expr.Name) {
      return ((Expr.Name) expr).id();
    }
    if (expr instanceof Expr.Attribute) {
      return callee(((Expr.Attribute) expr).value()) + "." + ((Expr.Attribute) expr).attr();
    }
    return "the task";
  }
}
