package dev.asynclint.rules.blocking;

import dev.asynclint.semantic.project.FunctionInfo;
import dev.asynclint.semantic.project.Place;
import dev.asynclint.semantic.project.Resolver;
import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.syntax.ast.ExprContext;
import dev.asynclint.syntax.ast.Keyword;
import dev.asynclint.syntax.ast.Node;
import dev.asynclint.syntax.ast.Stmt;
import dev.asynclint.syntax.ast.UnaryOperator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The anatomy of a {@code while} loop in a coroutine, read as a possible busy-wait: its exit
 * conditions, its sleeps, and whether its body does anything besides waiting for them to change.
 */
final class BusyWaitLoop {
  /**
   * A loop found polling: {@code condition} is the first exit condition reading in-memory state,
   * {@code sleep} the awaited sleep call, {@code library} its module ({@code asyncio}, {@code
   * anyio}, {@code trio}), {@code timeout} whether an exit is a deadline or a count.
   */
  record Polling(Expr condition, Expr.Call sleep, String library, boolean timeout) {}

  /**
   * How one operand of an exit condition's {@code and}/{@code or} behaves while the loop sleeps.
   */
  private enum Kind {
    /** In-memory state another task or thread can change: a flag, a container, an event. */
    STATE,
    /** The clock, or a counter the loop itself advances. */
    TIMEOUT,
    /** A call that may ask the outside world: a process, a file, a server. */
    EXTERNAL,
    /** Constants only. */
    NONE
  }

  static final Set<String> SLEEPS =
      Set.of(
          "asyncio.sleep",
          "asyncio.tasks.sleep",
          "anyio.sleep",
          "anyio._core._eventloop.sleep",
          "trio.sleep",
          "trio._timeouts.sleep");

  private static final Set<String> CLOCKS =
      Set.of(
          "time.monotonic",
          "time.monotonic_ns",
          "time.time",
          "time.time_ns",
          "time.perf_counter",
          "time.perf_counter_ns",
          "datetime.datetime.now",
          "datetime.datetime.utcnow");

  /** Builtins that only look at the objects they are given. */
  private static final Set<String> PURE_BUILTINS =
      Set.of("builtins.len", "builtins.any", "builtins.all", "builtins.bool");

  /** Methods that read the in-memory state of a flag, queue, lock, future or container. */
  private static final Set<String> STATE_METHODS =
      Set.of(
          "is_set",
          "isSet",
          "empty",
          "full",
          "qsize",
          "done",
          "cancelled",
          "locked",
          "keys",
          "values",
          "items");

  /** Attributes that mirror an outside process rather than in-memory state. */
  private static final Set<String> EXTERNAL_ATTRIBUTES = Set.of("returncode", "pid", "exitcode");

  private static final Set<String> LOG_METHODS =
      Set.of("debug", "info", "warning", "warn", "error", "exception", "critical", "log", "trace");

  private final FunctionInfo function;
  private final Resolver resolver;
  private final Set<String> assigned = new HashSet<>();
  private final List<Expr.Call> sleeps = new ArrayList<>();
  private String library;
  private final List<Expr> exitTests = new ArrayList<>();

  private BusyWaitLoop(FunctionInfo function, Resolver resolver) {
    this.function = function;
    this.resolver = resolver;
  }

  /** The polling {@code loop} does, or null when it is not a busy-wait. */
  static Polling analyse(Stmt.While loop, FunctionInfo function, Resolver resolver) {
    BusyWaitLoop anatomy = new BusyWaitLoop(function, resolver);
    if (BusyWaitSyntax.containsAwait(loop.test()) || !anatomy.onlyWaits(loop.body(), false)) {
      return null;
    }
    if (anatomy.sleeps.isEmpty()) {
      return null;
    }
    anatomy.collectAssignedNames(loop.body());
    List<Expr> conditions = new ArrayList<>();
    if (!alwaysTrue(loop.test())) {
      conditions.add(loop.test());
    }
    conditions.addAll(anatomy.exitTests);
    Expr polled = null;
    boolean timeout = false;
    for (Expr condition : conditions) {
      for (Expr operand : operands(condition)) {
        Kind kind = anatomy.classify(operand);
        if (kind == Kind.EXTERNAL) {
          return null;
        }
        if (kind == Kind.TIMEOUT) {
          timeout = true;
        } else if (kind == Kind.STATE && polled == null) {
          polled = operand;
        }
      }
    }
    return polled == null
        ? null
        : new Polling(polled, anatomy.sleeps.get(0), anatomy.library, timeout);
  }

  /**
   * Whether {@code body} does nothing but sleep, test its exits, log and advance local counters;
   * records its sleeps and exit tests on the way. {@code inIf}: exits are allowed here.
   */
  private boolean onlyWaits(List<Stmt> body, boolean inIf) {
    for (Stmt statement : body) {
      if (!onlyWaits(statement, inIf)) {
        return false;
      }
    }
    return true;
  }

  private boolean onlyWaits(Stmt statement, boolean inIf) {
    if (statement instanceof Stmt.Pass || statement instanceof Stmt.Continue) {
      return true;
    }
    if (statement instanceof Stmt.Break
        || statement instanceof Stmt.Return
        || statement instanceof Stmt.Raise) {
      return inIf && !BusyWaitSyntax.containsAwait(statement);
    }
    if (statement instanceof Stmt.ExprStatement) {
      Expr value = ((Stmt.ExprStatement) statement).value();
      if (value instanceof Expr.Await) {
        return isPacedSleep(((Expr.Await) value).value());
      }
      return isLogging(value) && !BusyWaitSyntax.containsAwait(value);
    }
    if (statement instanceof Stmt.If) {
      Stmt.If branch = (Stmt.If) statement;
      if (BusyWaitSyntax.containsAwait(branch.test())) {
        return false;
      }
      if (exits(branch.body()) || exits(branch.orElse())) {
        exitTests.add(branch.test());
      }
      return onlyWaits(branch.body(), true) && onlyWaits(branch.orElse(), true);
    }
    return isCounterUpdate(statement);
  }

  /** {@code await asyncio.sleep(x)} with a nonzero constant or a plain name as {@code x}. */
  private boolean isPacedSleep(Expr awaited) {
    if (!(awaited instanceof Expr.Call)) {
      return false;
    }
    Expr.Call call = (Expr.Call) awaited;
    String name = resolver.qualifiedName(place(call), call.func());
    if (name == null || !SLEEPS.contains(name)) {
      return false;
    }
    Expr delay = delay(call);
    if (delay == null || !(isNonZeroNumber(delay) || isDottedName(delay))) {
      return false;
    }
    if (sleeps.isEmpty()) {
      library = name.substring(0, name.indexOf('.'));
    }
    sleeps.add(call);
    return true;
  }

  private static Expr delay(Expr.Call call) {
    if (call.args().size() == 1 && call.keywords().isEmpty()) {
      return call.args().get(0);
    }
    if (call.args().isEmpty() && call.keywords().size() == 1) {
      Keyword keyword = call.keywords().get(0);
      return "delay".equals(keyword.arg()) || "seconds".equals(keyword.arg())
          ? keyword.value()
          : null;
    }
    return null;
  }

  private static boolean isNonZeroNumber(Expr expr) {
    if (!(expr instanceof Expr.Constant)) {
      return false;
    }
    Object value = ((Expr.Constant) expr).value();
    return value instanceof Number && ((Number) value).doubleValue() > 0;
  }

  private static boolean isDottedName(Expr expr) {
    if (expr instanceof Expr.Attribute) {
      return isDottedName(((Expr.Attribute) expr).value());
    }
    return expr instanceof Expr.Name;
  }

  /** {@code logger.debug(...)}, {@code self.log.info(...)}, {@code logging.warning(...)}, print. */
  private static boolean isLogging(Expr expr) {
    if (!(expr instanceof Expr.Call)) {
      return false;
    }
    Expr func = ((Expr.Call) expr).func();
    if (func instanceof Expr.Name) {
      return ((Expr.Name) func).id().equals("print");
    }
    if (!(func instanceof Expr.Attribute)
        || !LOG_METHODS.contains(((Expr.Attribute) func).attr())) {
      return false;
    }
    Expr receiver = ((Expr.Attribute) func).value();
    String name =
        receiver instanceof Expr.Name
            ? ((Expr.Name) receiver).id()
            : receiver instanceof Expr.Attribute ? ((Expr.Attribute) receiver).attr() : "";
    return name.toLowerCase(Locale.ROOT).contains("log");
  }

  /** {@code waited += step}, {@code elapsed = time.monotonic() - start}: local names only. */
  private boolean isCounterUpdate(Stmt statement) {
    List<Expr> targets;
    Expr value;
    if (statement instanceof Stmt.Assign) {
      targets = ((Stmt.Assign) statement).targets();
      value = ((Stmt.Assign) statement).value();
    } else if (statement instanceof Stmt.AugAssign) {
      targets = List.of(((Stmt.AugAssign) statement).target());
      value = ((Stmt.AugAssign) statement).value();
    } else if (statement instanceof Stmt.AnnAssign) {
      targets = List.of(((Stmt.AnnAssign) statement).target());
      value = ((Stmt.AnnAssign) statement).value();
    } else {
      return false;
    }
    if (value == null || BusyWaitSyntax.containsAwait(value)) {
      return false;
    }
    for (Expr target : targets) {
      if (!(target instanceof Expr.Name)) {
        return false;
      }
    }
    for (Expr.Call call : BusyWaitSyntax.calls(value)) {
      if (!isClock(call)) {
        return false;
      }
    }
    return true;
  }

  private static boolean exits(List<Stmt> body) {
    if (body.isEmpty()) {
      return false;
    }
    Stmt last = body.get(body.size() - 1);
    return last instanceof Stmt.Break || last instanceof Stmt.Return || last instanceof Stmt.Raise;
  }

  private static boolean alwaysTrue(Expr test) {
    if (!(test instanceof Expr.Constant)) {
      return false;
    }
    Object value = ((Expr.Constant) test).value();
    return Boolean.TRUE.equals(value)
        || (value instanceof Number && ((Number) value).doubleValue() != 0);
  }

  /** The operands of a condition's {@code and}/{@code or}, each kept with its own {@code not}. */
  private static List<Expr> operands(Expr condition) {
    List<Expr> operands = new ArrayList<>();
    if (condition instanceof Expr.BoolOp) {
      for (Expr value : ((Expr.BoolOp) condition).values()) {
        operands.addAll(operands(value));
      }
    } else if (condition instanceof Expr.UnaryOp
        && ((Expr.UnaryOp) condition).op() == UnaryOperator.NOT
        && ((Expr.UnaryOp) condition).operand() instanceof Expr.BoolOp) {
      operands.addAll(operands(((Expr.UnaryOp) condition).operand()));
    } else {
      operands.add(condition);
    }
    return operands;
  }

  private Kind classify(Expr operand) {
    boolean clock = false;
    for (Expr.Call call : BusyWaitSyntax.calls(operand)) {
      if (isClock(call)) {
        clock = true;
      } else if (!readsState(call)) {
        return Kind.EXTERNAL;
      }
    }
    boolean counter = false;
    boolean state = false;
    for (Expr read : BusyWaitSyntax.reads(operand)) {
      if (read instanceof Expr.Attribute
          && EXTERNAL_ATTRIBUTES.contains(((Expr.Attribute) read).attr())) {
        return Kind.EXTERNAL;
      }
      if (read instanceof Expr.Name && assigned.contains(((Expr.Name) read).id())) {
        counter = true;
      } else {
        state = true;
      }
    }
    if (clock || counter) {
      return Kind.TIMEOUT;
    }
    return state ? Kind.STATE : Kind.NONE;
  }

  private boolean isClock(Expr.Call call) {
    if (resolvesTo(call, CLOCKS)) {
      return true;
    }
    return call.func() instanceof Expr.Attribute
        && ((Expr.Attribute) call.func()).attr().equals("time")
        && call.args().isEmpty()
        && call.keywords().isEmpty();
  }

  /** {@code len(queue)}, {@code event.is_set()}, {@code future.done()}: nothing leaves memory. */
  private boolean readsState(Expr.Call call) {
    if (call.func() instanceof Expr.Attribute) {
      Expr.Attribute method = (Expr.Attribute) call.func();
      return STATE_METHODS.contains(method.attr()) && call.args().isEmpty();
    }
    return resolvesTo(call, PURE_BUILTINS);
  }

  private boolean resolvesTo(Expr.Call call, Set<String> names) {
    String name = resolver.qualifiedName(place(call), call.func());
    return name != null && names.contains(name);
  }

  private Place place(Expr expr) {
    return new Place(function.module(), function.scope(), expr.range().start(), null);
  }

  private void collectAssignedNames(List<Stmt> body) {
    for (Stmt statement : body) {
      new BusyWaitSyntax.ScopeWalker() {
        @Override
        protected boolean enter(Node node) {
          if (node instanceof Expr.Name && ((Expr.Name) node).ctx() == ExprContext.STORE) {
            assigned.add(((Expr.Name) node).id());
          }
          return super.enter(node);
        }
      }.walk(statement);
    }
  }
}
