package dev.asynclint.rules.tasks;

import dev.asynclint.lint.CallRule;
import dev.asynclint.lint.FileContext;
import dev.asynclint.lint.RuleInfo;
import dev.asynclint.lint.Severity;
import dev.asynclint.semantic.project.CallSite;
import dev.asynclint.semantic.project.CallTarget;
import dev.asynclint.semantic.project.FunctionInfo;
import dev.asynclint.semantic.project.SourceModule;
import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.syntax.ast.Located;
import dev.asynclint.syntax.ast.Node;
import dev.asynclint.syntax.ast.NodeFinder;
import dev.asynclint.syntax.ast.NodeSearch;
import dev.asynclint.syntax.ast.Stmt;
import dev.asynclint.syntax.ast.Walker;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ASY302: a task scheduled ({@code asyncio.create_task}, {@code ensure_future}, {@code
 * loop.create_task}) on a project {@code async def} that always enters an endless loop ({@code
 * while True:} with no {@code break}, {@code return} or {@code raise} in it), when nothing can ever
 * cancel or await the task: it is discarded, bound to a local name the function never reads, or
 * stored in an attribute whose name appears nowhere else in the project.
 */
@RuleInfo(
    code = "ASY302",
    name = "orphaned-forever-task",
    severity = Severity.WARNING,
    summary =
        "A task running an endless loop (`while True` without exit) that nothing keeps a usable"
            + " reference to, so it is never cancelled or awaited: it runs, and holds what it uses,"
            + " until the event loop shuts down, and an exception that ends it is never seen.")
public final class OrphanedForeverTask implements CallRule {
  static final String MESSAGE =
      "task running `%s()`, an endless `while True` loop, is never cancelled or awaited (%s): it"
          + " runs until the event loop shuts down and its failure goes unseen; keep the task and"
          + " cancel it on shutdown, or run the loop inside an `asyncio.TaskGroup` of its owner";

  static final String DISCARDED = "the task is discarded";
  static final String UNREAD_LOCAL = "`%s` is never read";
  static final String UNREAD_ATTRIBUTE = "`.%s` is never read anywhere in the project";

  @Override
  public void checkCall(CallSite site, FileContext context) {
    String name = site.target().qualifiedName();
    if (name == null || !DanglingTask.SCHEDULERS.containsKey(name)) {
      return;
    }
    Expr.Call call = site.call();
    Expr coroutine = call.args().isEmpty() ? TaskSyntax.keyword(call, "coro") : call.args().get(0);
    if (!(coroutine instanceof Expr.Call)) {
      return;
    }
    CallSite inner = context.callSite((Expr.Call) coroutine);
    if (inner == null
        || inner.target().kind() != CallTarget.Kind.FUNCTION
        || !TaskSyntax.createsCoroutine(inner)
        || !loopsForever(inner.target().function().body())) {
      return;
    }
    String orphan = orphanedBy(site, context);
    if (orphan != null) {
      context.report(
          this, call.range(), String.format(MESSAGE, TaskSyntax.shortName(inner), orphan));
    }
  }

  /**
   * How the task is lost, for the message, or null when something may still reach it: the task is
   * discarded, bound to a local name the function never reads, or stored in {@code obj.attr} when
   * no file of the project mentions {@code attr} anywhere else.
   */
  private static String orphanedBy(CallSite site, FileContext context) {
    FunctionInfo caller = site.caller();
    List<Located> ancestors = NodeFinder.ancestors(caller.module().tree(), site.call());
    Located parent = ancestors.isEmpty() ? null : ancestors.get(ancestors.size() - 1);
    if (TaskSyntax.expectsRaise(ancestors)) {
      return null;
    }
    if (parent instanceof Stmt.ExprStatement
        && ((Stmt.ExprStatement) parent).value() == site.call()) {
      return DISCARDED;
    }
    if (TaskSyntax.assignedValue(parent) != site.call()) {
      return null;
    }
    String local = TaskSyntax.assignedName(parent);
    if (local != null) {
      boolean unread =
          !caller.isModuleBody()
              && !TaskSyntax.declaredOuter(caller, local)
              && !TaskSyntax.readsLocalsDynamically(caller)
              && !TaskSyntax.reads(caller.body(), local);
      return unread ? String.format(UNREAD_LOCAL, local) : null;
    }
    Expr target = assignedAttribute(parent);
    if (target == null) {
      return null;
    }
    String attr = ((Expr.Attribute) target).attr();
    Pattern word = Pattern.compile("(?<!\\w)" + Pattern.quote(attr) + "(?!\\w)");
    int mentions = 0;
    for (SourceModule module : context.project().index().modules()) {
      Matcher matcher = word.matcher(module.source());
      while (matcher.find()) {
        mentions++;
      }
    }
    return mentions == 1 ? String.format(UNREAD_ATTRIBUTE, attr) : null;
  }

  /** The one {@code obj.attr} target of a plain assignment, or null. */
  private static Expr assignedAttribute(Located statement) {
    Expr target = null;
    if (statement instanceof Stmt.Assign && ((Stmt.Assign) statement).targets().size() == 1) {
      target = ((Stmt.Assign) statement).targets().get(0);
    } else if (statement instanceof Stmt.AnnAssign) {
      target = ((Stmt.AnnAssign) statement).target();
    }
    return target instanceof Expr.Attribute ? target : null;
  }

  /**
   * Whether the function certainly enters a loop it never leaves: a {@code while True:} reached
   * unconditionally (directly in the body, or in the body of a {@code with} or {@code try}) with no
   * {@code break} of its own and no {@code return} or {@code raise} inside.
   */
  static boolean loopsForever(List<Stmt> body) {
    for (Stmt statement : body) {
      if (statement instanceof Stmt.While) {
        Stmt.While loop = (Stmt.While) statement;
        if (alwaysTrue(loop.test()) && !leaves(loop.body())) {
          return true;
        }
      } else if (statement instanceof Stmt.With && loopsForever(((Stmt.With) statement).body())
          || statement instanceof Stmt.AsyncWith
              && loopsForever(((Stmt.AsyncWith) statement).body())
          || statement instanceof Stmt.Try && loopsForever(((Stmt.Try) statement).body())) {
        return true;
      }
    }
    return false;
  }

  private static boolean alwaysTrue(Expr test) {
    if (!(test instanceof Expr.Constant)) {
      return false;
    }
    Object value = ((Expr.Constant) test).value();
    return Boolean.TRUE.equals(value)
        || value instanceof Number && ((Number) value).doubleValue() != 0;
  }

  /** Whether the loop body can end the loop: its own {@code break}, a {@code return}, a raise. */
  private static boolean leaves(List<Stmt> loopBody) {
    if (NodeSearch.anyInScope(
        loopBody, node -> node instanceof Stmt.Return || node instanceof Stmt.Raise)) {
      return true;
    }
    boolean[] found = {false};
    Walker breaks =
        new Walker() {
          @Override
          protected boolean enter(Node node) {
            if (node instanceof Stmt.Break) {
              found[0] = true;
            }
            List<Stmt> orElse = null;
            if (node instanceof Stmt.For) {
              orElse = ((Stmt.For) node).orElse();
            } else if (node instanceof Stmt.AsyncFor) {
              orElse = ((Stmt.AsyncFor) node).orElse();
            } else if (node instanceof Stmt.While) {
              orElse = ((Stmt.While) node).orElse();
            }
            if (orElse != null) {
              // A nested loop's own breaks end it, not ours; its `else` runs in our loop.
              for (Stmt statement : orElse) {
                walk(statement);
              }
              return false;
            }
            return !found[0] && !NodeSearch.opensScope(node);
          }
        };
    for (Stmt statement : loopBody) {
      breaks.walk(statement);
    }
    return found[0];
  }
}
