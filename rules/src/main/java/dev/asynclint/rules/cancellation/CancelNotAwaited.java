package dev.asynclint.rules.cancellation;

import dev.asynclint.lint.FileContext;
import dev.asynclint.lint.FunctionRule;
import dev.asynclint.lint.RuleInfo;
import dev.asynclint.lint.Severity;
import dev.asynclint.rules.TestCode;
import dev.asynclint.semantic.project.ClassInfo;
import dev.asynclint.semantic.project.FunctionInfo;
import dev.asynclint.semantic.project.Place;
import dev.asynclint.semantic.scope.Symbol;
import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.syntax.ast.ExprContext;
import dev.asynclint.syntax.ast.Node;
import dev.asynclint.syntax.ast.NodeSearch;
import dev.asynclint.syntax.ast.Stmt;
import dev.asynclint.syntax.ast.Walker;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * ASY402: {@code task.cancel()} in a coroutine, on a task the code keeps — a local variable or a
 * {@code self} attribute assigned from {@code asyncio.create_task()}, {@code ensure_future()} or
 * {@code loop.create_task()} — that nothing ever awaits. Every read of the variable (in the whole
 * function, nested functions included) or of the attribute (anywhere in the module, on any object)
 * must only call {@code cancel()}, {@code done()}, {@code cancelled()}, {@code get_name()} on it or
 * test it ({@code is None}, {@code if task}); awaiting it, passing it anywhere ({@code gather},
 * {@code wait}, a list), adding a done callback, or returning it all mean the outcome is observed.
 * Test modules are skipped: tests of cancellation cancel tasks and inspect them on purpose.
 */
@RuleInfo(
    code = "ASY402",
    name = "cancel-not-awaited",
    severity = Severity.INFO,
    summary =
        "`task.cancel()` on a stored task that is never awaited: cancellation is only a request,"
            + " so the code carries on while the task still runs its cleanup, and the task's"
            + " exception (or its refusal to stop) is never observed.")
public final class CancelNotAwaited implements FunctionRule {
  static final String MESSAGE =
      "`%s.cancel()` only requests cancellation, and `%s` is never awaited: the code carries on"
          + " before the task has run its cleanup, and the task's exception is never retrieved;"
          + " `await` it after cancelling (suppressing its `CancelledError`), or run it in an"
          + " `asyncio.TaskGroup`";

  private static final Set<String> SCHEDULERS =
      Set.of(
          "asyncio.create_task",
          "asyncio.tasks.create_task",
          "asyncio.ensure_future",
          "asyncio.tasks.ensure_future",
          "asyncio.AbstractEventLoop.create_task",
          "asyncio.events.AbstractEventLoop.create_task",
          "asyncio.base_events.BaseEventLoop.create_task");

  /** Methods whose call neither awaits the task nor hands its outcome to anyone. */
  private static final Set<String> UNOBSERVING =
      Set.of("cancel", "done", "cancelled", "get_name", "set_name", "get_coro", "cancelling");

  @Override
  public void checkFunction(FunctionInfo function, FileContext context) {
    if (!function.isAsync() || TestCode.isTest(function.module())) {
      return;
    }
    List<Expr.Call> cancels = new ArrayList<>();
    NodeSearch.forEachInScope(
        function.body(),
        node -> {
          if (node instanceof Stmt.ExprStatement
              && ((Stmt.ExprStatement) node).value() instanceof Expr.Call) {
            Expr.Call call = (Expr.Call) ((Stmt.ExprStatement) node).value();
            if (call.func() instanceof Expr.Attribute
                && ((Expr.Attribute) call.func()).attr().equals("cancel")
                && call.args().isEmpty()) {
              cancels.add(call);
            }
          }
        });
    for (Expr.Call call : cancels) {
      Expr task = ((Expr.Attribute) call.func()).value();
      String spelling =
          context.module().source().substring(task.range().start(), task.range().end());
      if (neverAwaited(task, function, context)) {
        context.report(this, call.range(), String.format(MESSAGE, spelling, spelling));
      }
    }
  }

  private static boolean neverAwaited(Expr task, FunctionInfo function, FileContext context) {
    if (task instanceof Expr.Name) {
      String name = ((Expr.Name) task).id();
      Symbol symbol = function.scope().symbol(name);
      if (symbol == null
          || !symbol.isLocal()
          || symbol.isParameter()
          || symbol.isDeclaredGlobal()
          || symbol.isDeclaredNonlocal()) {
        return false;
      }
      TaskUses uses =
          new TaskUses(expr -> expr instanceof Expr.Name && ((Expr.Name) expr).id().equals(name));
      for (Stmt statement : function.body()) {
        uses.walk(statement);
      }
      return !uses.observed && scheduledInto(List.of(function), uses.stores, context);
    }
    if (isSelfAttribute(task) && function.owner() != null) {
      String attr = ((Expr.Attribute) task).attr();
      TaskUses uses =
          new TaskUses(
              expr ->
                  expr instanceof Expr.Attribute && ((Expr.Attribute) expr).attr().equals(attr));
      uses.walk(function.module().tree());
      ClassInfo owner = function.owner();
      return !uses.observed
          && scheduledInto(new ArrayList<>(owner.methods().values()), uses.stores, context);
    }
    return false;
  }

  private static boolean isSelfAttribute(Expr expr) {
    return expr instanceof Expr.Attribute
        && ((Expr.Attribute) expr).value() instanceof Expr.Name
        && ((Expr.Name) ((Expr.Attribute) expr).value()).id().equals("self");
  }

  /** Whether one of the assignments made in these functions stores a newly scheduled task. */
  private static boolean scheduledInto(
      List<FunctionInfo> functions, List<Stmt.Assign> stores, FileContext context) {
    for (FunctionInfo function : functions) {
      Stmt node = function.node();
      for (Stmt.Assign assign : stores) {
        if (node == null
            || assign.range().start() < node.range().start()
            || assign.range().end() > node.range().end()
            || !(assign.value() instanceof Expr.Call)) {
          continue;
        }
        Expr callee = ((Expr.Call) assign.value()).func();
        Place place = new Place(function.module(), function.scope(), callee.range().start(), null);
        String name = context.resolver().qualifiedName(place, callee);
        if (name != null && SCHEDULERS.contains(name)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Finds the stores of the task variable, and whether any read of it observes the task. */
  private static final class TaskUses extends Walker {
    private final Predicate<Expr> matches;
    private final List<Node> stack = new ArrayList<>();
    private final List<Stmt.Assign> stores = new ArrayList<>();
    private boolean observed;

    TaskUses(Predicate<Expr> matches) {
      this.matches = matches;
    }

    @Override
    protected boolean enter(Node node) {
      if (node instanceof Stmt.Assign
          && ((Stmt.Assign) node).targets().stream().anyMatch(target -> matches.test(target))) {
        stores.add((Stmt.Assign) node);
      }
      if (node instanceof Expr && matches.test((Expr) node) && reads((Expr) node)) {
        observed |= !unobserving(node);
      }
      stack.add(node);
      return true;
    }

    @Override
    protected void leave(Node node) {
      stack.remove(stack.size() - 1);
    }

    private static boolean reads(Expr expr) {
      ExprContext ctx =
          expr instanceof Expr.Name ? ((Expr.Name) expr).ctx() : ((Expr.Attribute) expr).ctx();
      return ctx == ExprContext.LOAD;
    }

    private boolean unobserving(Node read) {
      Node parent = parent(1);
      Node grandparent = parent(2);
      if (parent instanceof Expr.Attribute) {
        return UNOBSERVING.contains(((Expr.Attribute) parent).attr())
            && grandparent instanceof Expr.Call
            && ((Expr.Call) grandparent).func() == parent;
      }
      return parent instanceof Expr.Compare
          || parent instanceof Expr.UnaryOp
          || parent instanceof Expr.BoolOp
          || parent instanceof Stmt.If && ((Stmt.If) parent).test() == read
          || parent instanceof Stmt.While && ((Stmt.While) parent).test() == read
          || parent instanceof Stmt.Assert;
    }

    private Node parent(int up) {
      int index = stack.size() - up;
      return index >= 0 ? stack.get(index) : null;
    }
  }
}
