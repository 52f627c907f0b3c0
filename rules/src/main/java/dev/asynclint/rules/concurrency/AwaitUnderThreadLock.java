package dev.asynclint.rules.concurrency;

import dev.asynclint.lint.FileContext;
import dev.asynclint.lint.FunctionRule;
import dev.asynclint.lint.Related;
import dev.asynclint.lint.RuleInfo;
import dev.asynclint.lint.Severity;
import dev.asynclint.semantic.project.FunctionInfo;
import dev.asynclint.semantic.project.Place;
import dev.asynclint.semantic.project.Resolver;
import dev.asynclint.semantic.project.Value;
import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.syntax.ast.Located;
import dev.asynclint.syntax.ast.NodeSearch;
import dev.asynclint.syntax.ast.Stmt;
import dev.asynclint.syntax.ast.Suspensions;
import dev.asynclint.syntax.ast.WithItem;
import java.util.List;
import java.util.Map;

/**
 * ASY506: a plain {@code with} in a coroutine on a {@code threading} lock, semaphore or condition
 * whose body can suspend the coroutine ({@code await}, {@code async for}, {@code async with}, an
 * async comprehension). The lock is recognised when the expression resolves to an instance of one
 * of these classes ({@code self._lock = threading.Lock()} in {@code __init__}, a module-level lock,
 * a local) or is a direct constructor call. {@code lock.acquire()} ... {@code await} ... {@code
 * lock.release()} is not followed.
 */
@RuleInfo(
    code = "ASY506",
    name = "await-under-thread-lock",
    severity = Severity.ERROR,
    summary =
        "A coroutine holds a `threading.Lock` (or `RLock`, `Semaphore`, `BoundedSemaphore`,"
            + " `Condition`) across an `await`: while it is suspended, any other coroutine that"
            + " reaches the same `with` blocks the whole event loop thread, and since the holder"
            + " can only resume on that thread, the program deadlocks.")
public final class AwaitUnderThreadLock implements FunctionRule {
  static final String MESSAGE =
      "`%s` (a `%s`) is held across %s: another coroutine taking it blocks the event loop"
          + " thread, and the holder can never resume to release it (deadlock); use an"
          + " `asyncio.Lock` with `async with`, or release the thread lock before suspending";
  static final String RELATED = "the coroutine can be suspended here while holding the lock";

  /** The thread primitives by qualified name, with the spelling the message uses. */
  private static final Map<String, String> THREAD_LOCKS =
      Map.of(
          "threading.Lock", "threading.Lock",
          "threading.RLock", "threading.RLock",
          "threading.Semaphore", "threading.Semaphore",
          "threading.BoundedSemaphore", "threading.BoundedSemaphore",
          "threading.Condition", "threading.Condition",
          "threading._RLock", "threading.RLock",
          "threading._CRLock", "threading.RLock");

  private static final int MAX_SNIPPET = 40;

  @Override
  public void checkFunction(FunctionInfo function, FileContext context) {
    if (!function.isAsync()) {
      return;
    }
    NodeSearch.forEachInScope(
        function.body(),
        node -> {
          if (node instanceof Stmt.With) {
            check((Stmt.With) node, function, context);
          }
        });
  }

  private void check(Stmt.With with, FunctionInfo function, FileContext context) {
    for (WithItem item : with.items()) {
      Expr lock = item.contextExpr();
      String kind = threadLock(lock, function, context.resolver());
      if (kind == null) {
        continue;
      }
      Located suspension = Suspensions.first(with.body());
      if (suspension == null) {
        return;
      }
      String source = context.module().source();
      String what = describe(suspension);
      Related related = new Related(context.displayPath(), source, suspension.range(), RELATED);
      context.report(
          this,
          lock.range(),
          String.format(MESSAGE, snippet(source, lock), kind, what),
          List.of(related),
          null);
      return;
    }
  }

  /** The spelling of the thread primitive {@code expr} is an instance of, or null. */
  private static String threadLock(Expr expr, FunctionInfo function, Resolver resolver) {
    Place place = new Place(function.module(), function.scope(), expr.range().start(), null);
    Value value = resolver.resolve(place, expr);
    if (value instanceof Value.Instance) {
      String kind = THREAD_LOCKS.get(((Value.Instance) value).className());
      if (kind != null) {
        return kind;
      }
    }
    if (expr instanceof Expr.Call) {
      String callee = resolver.qualifiedName(place, ((Expr.Call) expr).func());
      return callee == null ? null : THREAD_LOCKS.get(callee);
    }
    return null;
  }

  private static String describe(Located suspension) {
    if (suspension instanceof Stmt.AsyncFor) {
      return "an `async for`";
    }
    if (suspension instanceof Stmt.AsyncWith) {
      return "an `async with`";
    }
    if (suspension instanceof Expr.Await) {
      return "an `await`";
    }
    return "an async comprehension";
  }

  private static String snippet(String source, Expr expr) {
    String text =
        source.substring(expr.range().start(), expr.range().end()).replaceAll("\\s+", " ");
    return text.length() <= MAX_SNIPPET ? text : text.substring(0, MAX_SNIPPET - 3) + "...";
  }
}
