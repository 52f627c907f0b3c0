package dev.asynclint.rules.structured;

import dev.asynclint.lint.FileContext;
import dev.asynclint.lint.FunctionRule;
import dev.asynclint.lint.Related;
import dev.asynclint.lint.RuleInfo;
import dev.asynclint.lint.Severity;
import dev.asynclint.semantic.project.FunctionInfo;
import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.syntax.ast.Located;
import dev.asynclint.syntax.ast.Node;
import dev.asynclint.syntax.ast.NodeSearch;
import dev.asynclint.syntax.ast.Stmt;
import dev.asynclint.syntax.ast.Walker;
import java.util.List;

/**
 * ASY702: an early {@code return}, {@code break} or {@code continue} out of a task group's block
 * (nested in an {@code if}, loop or {@code try} of the block, after a task was started in it). The
 * author leaves early — typically with the first result — but the group's exit waits for every task
 * it started, so the statement only takes effect once all of them have finished. Not reported when
 * the block cancels something ({@code tg.cancel_scope.cancel()}, {@code task.cancel()}) or raises
 * before leaving, and not for a {@code break}/{@code continue} of a loop inside the block.
 */
@RuleInfo(
    code = "ASY702",
    name = "control-flow-in-task-group",
    severity = Severity.ERROR,
    summary =
        "An early `return`/`break`/`continue` out of a `TaskGroup` (or nursery) block: the group"
            + " still waits for every task it started before the statement takes effect, so the"
            + " early exit is delayed until all the work is done.")
public final class ControlFlowInTaskGroup implements FunctionRule {
  static final String MESSAGE =
      "`%s` leaves the task group block early, but the group first waits for every task it"
          + " started; cancel the remaining tasks before leaving, or leave after the block";
  static final String RELATED = "a task started in the group, which the exit waits for";

  @Override
  public void checkFunction(FunctionInfo function, FileContext context) {
    Scopes.forEachTaskGroup(
        function, context.resolver(), (body, group) -> check(body, group, context));
  }

  private void check(List<Stmt> body, String group, FileContext context) {
    for (Stmt statement : body) {
      new Walker() {
        private int loops;

        @Override
        protected boolean enter(Node node) {
          if (NodeSearch.opensScope(node)) {
            return false;
          }
          if (isLoop(node)) {
            loops++;
          }
          boolean leaves =
              node instanceof Stmt.Return
                  || loops == 0 && (node instanceof Stmt.Break || node instanceof Stmt.Continue);
          if (leaves && node != statement) {
            report((Stmt) node, body, group, context);
          }
          return true;
        }

        @Override
        protected void leave(Node node) {
          if (isLoop(node)) {
            loops--;
          }
        }
      }.walk(statement);
    }
  }

  private void report(Stmt exit, List<Stmt> body, String group, FileContext context) {
    int at = exit.range().start();
    Located[] spawn = {null};
    boolean[] cancels = {false};
    NodeSearch.anyInScope(
        body,
        node -> {
          if (!(node instanceof Located) || ((Located) node).range().start() >= at) {
            return false;
          }
          if (spawn[0] == null && Scopes.spawns(node, group)) {
            spawn[0] = (Located) node;
          }
          if (node instanceof Stmt.Raise || isCancel(node)) {
            cancels[0] = true;
          }
          return false;
        });
    if (spawn[0] == null || cancels[0]) {
      return;
    }
    String keyword =
        exit instanceof Stmt.Return ? "return" : exit instanceof Stmt.Break ? "break" : "continue";
    context.report(
        this,
        exit.range(),
        String.format(MESSAGE, keyword),
        List.of(
            new Related(
                context.displayPath(), context.module().source(), spawn[0].range(), RELATED)),
        null);
  }

  private static boolean isCancel(Node node) {
    return node instanceof Expr.Call
        && ((Expr.Call) node).func() instanceof Expr.Attribute
        && ((Expr.Attribute) ((Expr.Call) node).func()).attr().equals("cancel");
  }

  private static boolean isLoop(Node node) {
    return node instanceof Stmt.For || node instanceof Stmt.AsyncFor || node instanceof Stmt.While;
  }
}
