package dev.asynclint.rules.concurrency;

import dev.asynclint.lint.CallRule;
import dev.asynclint.lint.FileContext;
import dev.asynclint.lint.Related;
import dev.asynclint.lint.RuleInfo;
import dev.asynclint.lint.Severity;
import dev.asynclint.rules.TestCode;
import dev.asynclint.semantic.project.CallSite;
import dev.asynclint.semantic.project.FunctionInfo;
import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.syntax.ast.ExprContext;
import dev.asynclint.syntax.ast.Located;
import dev.asynclint.syntax.ast.Node;
import dev.asynclint.syntax.ast.NodeFinder;
import dev.asynclint.syntax.ast.Stmt;
import dev.asynclint.syntax.ast.Walker;
import dev.asynclint.syntax.ast.WithItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * ASY505: a {@code threading} lock, event, condition or semaphore, or a {@code queue} queue,
 * created once for the module ({@code NAME = threading.Lock()} at module level) or for an instance
 * ({@code self.x = queue.Queue()}), and used only by coroutines: every read of the name (of an
 * attribute of that name, for instances) anywhere in the module is inside an {@code async def} and
 * calls one of the primitive's methods or enters it with {@code with}. Any read in a plain
 * function, a lambda or at module level, any other use (passed to a call, a bound method handed out
 * such as {@code run_in_executor(None, q.get)}), and any sign of threads in the module ({@code
 * Thread}, executors, {@code to_thread}, {@code run_in_executor}, {@code call_soon_threadsafe},
 * {@code run_coroutine_threadsafe}) mean threads may share it, and nothing is reported. The finding
 * sits on the constructor call, so that a {@code with lock:} around an {@code await}, which ASY506
 * reports, is not reported twice. Test modules are skipped.
 */
@RuleInfo(
    code = "ASY505",
    name = "thread-primitive-in-async",
    severity = Severity.WARNING,
    summary =
        "A `threading.Lock`/`RLock`/`Event`/`Condition`/`Semaphore` or a `queue.Queue` used only"
            + " to coordinate coroutines: its waits block the event loop's thread instead of"
            + " suspending the coroutine, so the loop stalls or deadlocks; the `asyncio`"
            + " counterpart suspends only the waiting coroutine.")
public final class ThreadPrimitiveInAsync implements CallRule {
  static final String MESSAGE =
      "`%s()` is only used by coroutines (`%s` in `%s`): its waits block the event loop's thread"
          + " instead of suspending the coroutine, stalling every task; use `%s`";
  static final String RELATED = "used by a coroutine here";

  /** The thread primitives by qualified name, with their asyncio counterparts. */
  private static final Map<String, String> COUNTERPARTS =
      Map.ofEntries(
          Map.entry("threading.Lock", "asyncio.Lock"),
          Map.entry("threading.RLock", "asyncio.Lock"),
          Map.entry("threading.Event", "asyncio.Event"),
          Map.entry("threading.Condition", "asyncio.Condition"),
          Map.entry("threading.Semaphore", "asyncio.Semaphore"),
          Map.entry("threading.BoundedSemaphore", "asyncio.BoundedSemaphore"),
          Map.entry("queue.Queue", "asyncio.Queue"),
          Map.entry("queue.LifoQueue", "asyncio.LifoQueue"),
          Map.entry("queue.PriorityQueue", "asyncio.PriorityQueue"),
          Map.entry("queue.SimpleQueue", "asyncio.Queue"));

  /** The methods through which coroutines coordinate on a primitive. */
  private static final Set<String> COORDINATION =
      Set.of(
          "acquire",
          "release",
          "locked",
          "wait",
          "wait_for",
          "notify",
          "notify_all",
          "set",
          "clear",
          "is_set",
          "get",
          "put",
          "get_nowait",
          "put_nowait",
          "task_done",
          "join",
          "empty",
          "full",
          "qsize");

  /** Names whose mere mention shows that the module runs code in other threads. */
  private static final Set<String> THREAD_SIGNS =
      Set.of(
          "Thread",
          "Timer",
          "ThreadPoolExecutor",
          "ProcessPoolExecutor",
          "to_thread",
          "run_in_executor",
          "call_soon_threadsafe",
          "run_coroutine_threadsafe",
          "start_new_thread",
          "submit");

  @Override
  public void checkCall(CallSite site, FileContext context) {
    String name = site.target().qualifiedName();
    String counterpart = name == null ? null : COUNTERPARTS.get(name);
    if (counterpart == null || TestCode.isTest(site.caller().module())) {
      return;
    }
    Expr target = sharedTarget(site);
    if (target == null) {
      return;
    }
    Predicate<Expr> matches =
        target instanceof Expr.Name
            ? expr ->
                expr instanceof Expr.Name
                    && ((Expr.Name) expr).id().equals(((Expr.Name) target).id())
            : expr ->
                expr instanceof Expr.Attribute
                    && ((Expr.Attribute) expr).attr().equals(((Expr.Attribute) target).attr());
    Uses uses = new Uses(matches);
    uses.walk(site.caller().module().tree());
    if (uses.threads || uses.shared || uses.first == null) {
      return;
    }
    String source = context.module().source();
    String use = source.substring(uses.first.range().start(), uses.first.range().end());
    context.report(
        this,
        site.call().range(),
        String.format(MESSAGE, name, use, uses.firstFunction, counterpart),
        List.of(new Related(context.displayPath(), source, uses.first.range(), RELATED)),
        null);
  }

  /**
   * The variable a primitive created once for many callers is bound to: a module-level name, or a
   * {@code self} attribute assigned in a method; null for anything else.
   */
  private static Expr sharedTarget(CallSite site) {
    List<Located> ancestors = NodeFinder.ancestors(site.caller().module().tree(), site.call());
    Located parent = ancestors.isEmpty() ? null : ancestors.get(ancestors.size() - 1);
    if (!(parent instanceof Stmt.Assign)
        || ((Stmt.Assign) parent).value() != site.call()
        || ((Stmt.Assign) parent).targets().size() != 1) {
      return null;
    }
    Expr target = ((Stmt.Assign) parent).targets().get(0);
    FunctionInfo caller = site.caller();
    if (target instanceof Expr.Name && caller.isModuleBody()) {
      return target;
    }
    if (target instanceof Expr.Attribute
        && ((Expr.Attribute) target).value() instanceof Expr.Name
        && ((Expr.Name) ((Expr.Attribute) target).value()).id().equals("self")
        && caller.owner() != null) {
      return target;
    }
    return null;
  }

  /** Classifies every read of the primitive in the module, and looks for threads. */
  private static final class Uses extends Walker {
    private final Predicate<Expr> matches;
    private final List<Node> stack = new ArrayList<>();
    private final List<String> functions = new ArrayList<>();
    private boolean threads;
    private boolean shared;
    private Located first;
    private String firstFunction;

    Uses(Predicate<Expr> matches) {
      this.matches = matches;
    }

    @Override
    protected boolean enter(Node node) {
      if (node instanceof Stmt.AsyncFunctionDef) {
        functions.add(((Stmt.AsyncFunctionDef) node).name());
      } else if (node instanceof Stmt.FunctionDef
          || node instanceof Expr.Lambda
          || node instanceof Stmt.ClassDef) {
        functions.add(null);
      }
      if (node instanceof Expr.Name && THREAD_SIGNS.contains(((Expr.Name) node).id())
          || node instanceof Expr.Attribute
              && THREAD_SIGNS.contains(((Expr.Attribute) node).attr())) {
        threads = true;
      }
      if (node instanceof Expr && matches.test((Expr) node) && loads((Expr) node)) {
        classify((Expr) node);
      }
      stack.add(node);
      return true;
    }

    @Override
    protected void leave(Node node) {
      stack.remove(stack.size() - 1);
      if (node instanceof Stmt.AsyncFunctionDef
          || node instanceof Stmt.FunctionDef
          || node instanceof Expr.Lambda
          || node instanceof Stmt.ClassDef) {
        functions.remove(functions.size() - 1);
      }
    }

    private static boolean loads(Expr expr) {
      ExprContext ctx =
          expr instanceof Expr.Name ? ((Expr.Name) expr).ctx() : ((Expr.Attribute) expr).ctx();
      return ctx == ExprContext.LOAD;
    }

    private void classify(Expr read) {
      String coroutine = functions.isEmpty() ? null : functions.get(functions.size() - 1);
      Located use = coordination(read);
      if (coroutine == null || use == null) {
        shared = true;
        return;
      }
      if (first == null) {
        first = use;
        firstFunction = coroutine;
      }
    }

    /** The call or {@code with} item through which the read coordinates; null for other uses. */
    private Located coordination(Expr read) {
      Node parent = stack.isEmpty() ? null : stack.get(stack.size() - 1);
      Node grandparent = stack.size() < 2 ? null : stack.get(stack.size() - 2);
      if (parent instanceof WithItem && ((WithItem) parent).contextExpr() == read) {
        return read;
      }
      if (parent instanceof Expr.Attribute
          && COORDINATION.contains(((Expr.Attribute) parent).attr())
          && grandparent instanceof Expr.Call
          && ((Expr.Call) grandparent).func() == parent) {
        return (Expr.Call) grandparent;
      }
      return null;
    }
  }
}
