package dev.asynclint.rules.structured;

import dev.asynclint.lint.FileContext;
import dev.asynclint.lint.FunctionRule;
import dev.asynclint.lint.Related;
import dev.asynclint.lint.RuleInfo;
import dev.asynclint.lint.Severity;
import dev.asynclint.semantic.project.FunctionInfo;
import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.syntax.ast.Node;
import dev.asynclint.syntax.ast.NodeSearch;
import dev.asynclint.syntax.ast.Stmt;
import dev.asynclint.syntax.ast.WithItem;
import java.util.List;

/**
 * ASY703: inside a task group's block, a {@code with}/{@code async with} opens a resource ({@code
 * as resp}) and hands it to a task of the group ({@code tg.create_task(consume(resp))}, {@code
 * nursery.start_soon(consume, resp)}). The inner block closes the resource when it ends, while the
 * task runs on until the group's block ends. Only the resource itself passed as an argument is
 * followed (not {@code resp.status}, which is read at once), and a task awaited before the inner
 * block ends is fine.
 */
@RuleInfo(
    code = "ASY703",
    name = "resource-closed-before-task",
    severity = Severity.ERROR,
    summary =
        "A resource opened by a `with`/`async with` inside a `TaskGroup` block is handed to a"
            + " task of the group, but the inner block closes it as soon as it ends, while the"
            + " task is still running: the task then reads a closed response, file or connection.")
public final class ResourceClosedBeforeTask implements FunctionRule {
  static final String MESSAGE =
      "`%s` is closed when its `with` block ends, but the task given it runs until the task"
          + " group's block ends: open the resource inside the task, or keep it open around the"
          + " whole task group";
  static final String RELATED = "`%s` is opened here and closed at the end of this block";

  @Override
  public void checkFunction(FunctionInfo function, FileContext context) {
    Scopes.forEachTaskGroup(
        function, context.resolver(), (body, group) -> checkGroup(body, group, context));
  }

  private void checkGroup(List<Stmt> body, String group, FileContext context) {
    NodeSearch.anyInScope(
        body,
        node -> {
          if (node instanceof Stmt.With || node instanceof Stmt.AsyncWith) {
            for (WithItem item : Scopes.items((Stmt) node)) {
              if (item.optionalVars() instanceof Expr.Name) {
                checkResource((Stmt) node, (Expr.Name) item.optionalVars(), group, context);
              }
            }
          }
          return false;
        });
  }

  private void checkResource(Stmt with, Expr.Name resource, String group, FileContext context) {
    List<Stmt> body = Scopes.body(with);
    NodeSearch.anyInScope(
        body,
        node -> {
          if (Scopes.spawns(node, group) && passes((Expr.Call) node, resource.id())) {
            if (!awaitedInside(body, node)) {
              context.report(
                  this,
                  ((Expr.Call) node).range(),
                  String.format(MESSAGE, resource.id()),
                  List.of(
                      new Related(
                          context.displayPath(),
                          context.module().source(),
                          resource.range(),
                          String.format(RELATED, resource.id()))),
                  null);
            }
            return true;
          }
          return false;
        });
  }

  /**
   * Whether the spawn passes the resource itself: {@code create_task(f(resp))} or {@code
   * start_soon(f, resp)}.
   */
  private static boolean passes(Expr.Call spawn, String resource) {
    for (Expr argument : spawn.args()) {
      if (isName(argument, resource)) {
        return true;
      }
      if (argument instanceof Expr.Call) {
        Expr.Call coroutine = (Expr.Call) argument;
        for (Expr inner : coroutine.args()) {
          if (isName(inner, resource)) {
            return true;
          }
        }
        if (coroutine.keywords().stream().anyMatch(k -> isName(k.value(), resource))) {
          return true;
        }
      }
    }
    return false;
  }

  /** {@code task = tg.create_task(...)} followed by {@code await task} in the same block. */
  private static boolean awaitedInside(List<Stmt> body, Node spawn) {
    for (Stmt statement : body) {
      if (statement instanceof Stmt.Assign
          && ((Stmt.Assign) statement).value() == spawn
          && ((Stmt.Assign) statement).targets().get(0) instanceof Expr.Name) {
        String task = ((Expr.Name) ((Stmt.Assign) statement).targets().get(0)).id();
        return NodeSearch.anyInScope(
            body, node -> node instanceof Expr.Await && isName(((Expr.Await) node).value(), task));
      }
    }
    return false;
  }

  private static boolean isName(Expr expr, String name) {
    return expr instanceof Expr.Name && ((Expr.Name) expr).id().equals(name);
  }
}
