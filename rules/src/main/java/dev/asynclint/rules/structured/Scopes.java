package dev.asynclint.rules.structured;

import dev.asynclint.semantic.project.FunctionInfo;
import dev.asynclint.semantic.project.Place;
import dev.asynclint.semantic.project.Resolver;
import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.syntax.ast.Node;
import dev.asynclint.syntax.ast.NodeSearch;
import dev.asynclint.syntax.ast.Stmt;
import dev.asynclint.syntax.ast.Suspensions;
import dev.asynclint.syntax.ast.WithItem;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** The structured-concurrency constructs the ASY7xx rules look at: timeouts and task groups. */
final class Scopes {
  private Scopes() {}

  /** Context managers that cancel their body after a deadline. */
  static final Set<String> TIMEOUTS =
      Set.of(
          "asyncio.timeout",
          "asyncio.timeout_at",
          "asyncio.timeouts.timeout",
          "asyncio.timeouts.timeout_at",
          "trio.move_on_after",
          "trio.move_on_at",
          "trio.fail_after",
          "trio.fail_at",
          "anyio.move_on_after",
          "anyio.fail_after");

  /** Context managers that wait for the tasks started in them when their block ends. */
  static final Set<String> TASK_GROUPS =
      Set.of(
          "asyncio.TaskGroup",
          "asyncio.taskgroups.TaskGroup",
          "trio.open_nursery",
          "anyio.create_task_group",
          "anyio.abc.TaskGroup");

  /** The methods that start a task in a group. */
  static final Set<String> SPAWNS = Set.of("create_task", "start_soon", "start");

  /** The qualified name of the function a context expression calls; null if not a call. */
  static String calledName(Expr expr, FunctionInfo function, Resolver resolver) {
    if (!(expr instanceof Expr.Call)) {
      return null;
    }
    Place place = new Place(function.module(), function.scope(), expr.range().start(), null);
    return resolver.qualifiedName(place, ((Expr.Call) expr).func());
  }

  /** The name a task group is bound to: {@code tg} of {@code async with TaskGroup() as tg}. */
  static String groupName(WithItem item, FunctionInfo function, Resolver resolver) {
    if (!(item.optionalVars() instanceof Expr.Name)) {
      return null;
    }
    String name = calledName(item.contextExpr(), function, resolver);
    if (name == null || !TASK_GROUPS.contains(name)) {
      return null;
    }
    return ((Expr.Name) item.optionalVars()).id();
  }

  /** Whether the call starts a task in the group named {@code group}: {@code tg.create_task()}. */
  static boolean spawns(Node node, String group) {
    if (!(node instanceof Expr.Call) || !(((Expr.Call) node).func() instanceof Expr.Attribute)) {
      return false;
    }
    Expr.Attribute method = (Expr.Attribute) ((Expr.Call) node).func();
    return SPAWNS.contains(method.attr())
        && method.value() instanceof Expr.Name
        && ((Expr.Name) method.value()).id().equals(group);
  }

  /**
   * Whether the statements can hand control to the event loop or to a caller: a suspension point,
   * or a {@code yield} (the caller may suspend while the generator is paused).
   */
  static boolean hasCheckpoint(List<Stmt> body) {
    return NodeSearch.anyInScope(
        body,
        node ->
            Suspensions.isSuspension(node)
                || node instanceof Expr.Yield
                || node instanceof Expr.YieldFrom);
  }

  /** Visits the {@code with} and {@code async with} statements of a function's own body. */
  static void forEachWith(FunctionInfo function, Consumer<Stmt> visitor) {
    NodeSearch.forEachInScope(
        function.body(),
        node -> {
          if (node instanceof Stmt.With || node instanceof Stmt.AsyncWith) {
            visitor.accept((Stmt) node);
          }
        });
  }

  /**
   * Visits the task-group blocks of a coroutine ({@code async with TaskGroup() as tg:}) with the
   * name the group is bound to.
   */
  static void forEachTaskGroup(
      FunctionInfo function, Resolver resolver, BiConsumer<List<Stmt>, String> visitor) {
    if (!function.isAsync()) {
      return;
    }
    forEachWith(
        function,
        with -> {
          if (!(with instanceof Stmt.AsyncWith)) {
            return;
          }
          for (WithItem item : items(with)) {
            String group = groupName(item, function, resolver);
            if (group != null) {
              visitor.accept(body(with), group);
            }
          }
        });
  }

  static List<WithItem> items(Stmt with) {
    return with instanceof Stmt.With ? ((Stmt.With) with).items() : ((Stmt.AsyncWith) with).items();
  }

  static List<Stmt> body(Stmt with) {
    return with instanceof Stmt.With ? ((Stmt.With) with).body() : ((Stmt.AsyncWith) with).body();
  }
}
