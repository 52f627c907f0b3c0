package dev.asynclint.rules.structured;

import dev.asynclint.lint.FileContext;
import dev.asynclint.lint.FileRule;
import dev.asynclint.lint.RuleInfo;
import dev.asynclint.lint.Severity;
import dev.asynclint.semantic.project.ClassInfo;
import dev.asynclint.semantic.project.Place;
import dev.asynclint.semantic.project.Resolver;
import dev.asynclint.semantic.project.Value;
import dev.asynclint.semantic.scope.Scope;
import dev.asynclint.semantic.scope.Symbol;
import dev.asynclint.syntax.ast.Blocks;
import dev.asynclint.syntax.ast.ExceptHandler;
import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.syntax.ast.Stmt;
import dev.asynclint.syntax.ast.WithItem;
import java.util.List;
import java.util.Set;

/**
 * ASY705: a plain {@code with} on an object that only supports {@code async with}: asyncio's locks,
 * semaphores, conditions, timeouts and task groups, aiohttp's and httpx's async clients and
 * aiohttp's responses, trio nurseries, anyio task groups, aiofiles, and project classes that define
 * {@code __aenter__} but no {@code __enter__} (with every base class in the project). The object is
 * recognised from the call that creates it or from the value the semantic model tracks.
 */
@RuleInfo(
    code = "ASY705",
    name = "sync-with-on-async-resource",
    severity = Severity.ERROR,
    summary =
        "A plain `with` on an asynchronous context manager (`asyncio.Lock`, `asyncio.timeout()`,"
            + " `aiohttp.ClientSession`...): it has no `__enter__`, so the statement raises"
            + " `TypeError` (or `AttributeError`) the first time it runs.")
public final class SyncWithOnAsyncResource implements FileRule {
  static final String MESSAGE =
      "`%s` is an asynchronous context manager: a plain `with` raises `TypeError` at run time;"
          + " use `async with` (inside an `async def`)";

  /** Calls that create objects usable only with {@code async with}. */
  private static final Set<String> FACTORIES =
      Set.of(
          "asyncio.timeout",
          "asyncio.timeout_at",
          "asyncio.timeouts.timeout",
          "asyncio.timeouts.timeout_at",
          "asyncio.TaskGroup",
          "asyncio.taskgroups.TaskGroup",
          "asyncio.Lock",
          "asyncio.Semaphore",
          "asyncio.BoundedSemaphore",
          "asyncio.Condition",
          "asyncio.locks.Lock",
          "asyncio.locks.Semaphore",
          "asyncio.locks.BoundedSemaphore",
          "asyncio.locks.Condition",
          "aiohttp.ClientSession",
          "aiohttp.client.ClientSession",
          "httpx.AsyncClient",
          "trio.open_nursery",
          "anyio.create_task_group",
          "aiofiles.open");

  /** Classes whose instances are usable only with {@code async with}. */
  private static final Set<String> CLASSES =
      Set.of(
          "asyncio.Lock",
          "asyncio.Semaphore",
          "asyncio.BoundedSemaphore",
          "asyncio.Condition",
          "asyncio.TaskGroup",
          "aiohttp.ClientSession",
          "aiohttp.ClientResponse",
          "httpx.AsyncClient");

  @Override
  public void checkFile(FileContext context) {
    checkBlock(context.module().tree().body(), context.module().scopes().moduleScope(), context);
  }

  /**
   * The statements of a block and those nested in them; a `with` is in the innermost def or class.
   */
  private void checkBlock(List<Stmt> block, Scope scope, FileContext context) {
    // Indexed loops: this runs on every statement of every file, and the iterators of a recursive
    // walk are never optimized away.
    for (int i = 0; i < block.size(); i++) {
      Stmt statement = block.get(i);
      if (statement instanceof Stmt.With) {
        check((Stmt.With) statement, scope, context);
      }
      Scope inner =
          statement instanceof Stmt.FunctionDef
                  || statement instanceof Stmt.AsyncFunctionDef
                  || statement instanceof Stmt.ClassDef
              ? context.module().scopes().scopeOf(statement)
              : scope;
      List<List<Stmt>> nested = Blocks.of(statement);
      for (int j = 0; j < nested.size(); j++) {
        checkBlock(nested.get(j), inner, context);
      }
      if (statement instanceof Stmt.Try) {
        checkHandlers(((Stmt.Try) statement).handlers(), scope, context);
      } else if (statement instanceof Stmt.TryStar) {
        checkHandlers(((Stmt.TryStar) statement).handlers(), scope, context);
      }
    }
  }

  private void checkHandlers(List<ExceptHandler> handlers, Scope scope, FileContext context) {
    for (int i = 0; i < handlers.size(); i++) {
      checkBlock(handlers.get(i).body(), scope, context);
    }
  }

  private void check(Stmt.With with, Scope scope, FileContext context) {
    for (WithItem item : with.items()) {
      Expr expr = item.contextExpr();
      Place place = new Place(context.module(), scope, expr.range().start(), null);
      String name = asyncOnly(expr, place, context.resolver());
      if (name != null) {
        context.report(this, expr.range(), String.format(MESSAGE, name));
      }
    }
  }

  /** How the message names the async-only object; null when it is not one. */
  private static String asyncOnly(Expr expr, Place place, Resolver resolver) {
    if (expr instanceof Expr.Call) {
      String callee = resolver.qualifiedName(place, ((Expr.Call) expr).func());
      if (callee != null && FACTORIES.contains(callee)) {
        return callee
                .replace("asyncio.timeouts.", "asyncio.")
                .replace("asyncio.locks.", "asyncio.")
                .replace("asyncio.taskgroups.", "asyncio.")
                .replace("aiohttp.client.", "aiohttp.")
            + "()";
      }
    }
    Value value = resolver.resolve(place, expr);
    if (!(value instanceof Value.Instance)) {
      return null;
    }
    String cls = ((Value.Instance) value).className();
    if (CLASSES.contains(cls)) {
      return cls;
    }
    ClassInfo project = resolver.index().cls(cls);
    if (project != null
        && project.allExternalBases().isEmpty()
        && project.findMethod("__aenter__") != null
        && !bindsEnter(project)) {
      return cls.substring(cls.lastIndexOf('.') + 1);
    }
    return null;
  }

  /** Whether a class of the hierarchy binds {@code __enter__}, by {@code def} or assignment. */
  private static boolean bindsEnter(ClassInfo cls) {
    for (ClassInfo ancestor : cls.mro()) {
      Symbol symbol = ancestor.scope().symbol("__enter__");
      if (symbol != null && symbol.isBound()) {
        return true;
      }
    }
    return false;
  }
}
