package dev.asynclint.rules.concurrency;

import dev.asynclint.semantic.project.CallEdge;
import dev.asynclint.semantic.project.CallSite;
import dev.asynclint.semantic.project.FunctionInfo;
import dev.asynclint.semantic.project.Place;
import dev.asynclint.semantic.project.Resolver;
import dev.asynclint.semantic.project.Value;
import dev.asynclint.semantic.scope.Binding;
import dev.asynclint.semantic.scope.BindingKind;
import dev.asynclint.semantic.scope.NameLookup;
import dev.asynclint.semantic.scope.ScopeKind;
import dev.asynclint.syntax.ast.Arg;
import dev.asynclint.syntax.ast.Comprehension;
import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.syntax.ast.ExprContext;
import dev.asynclint.syntax.ast.Keyword;
import dev.asynclint.syntax.ast.Node;
import dev.asynclint.syntax.ast.NodeSearch;
import dev.asynclint.syntax.ast.Stmt;
import dev.asynclint.syntax.ast.WithItem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What bounds a fan-out (ASY500): a bounded iterable, a limiter acquired by the scheduled coroutine
 * or the code that schedules it, a worker pool, a loop that paces itself.
 */
final class FanOutGuards {
  /** Deep enough for {@code enumerate(sorted(batch))}, shallow enough to stop alias cycles. */
  private static final int MAX_DEPTH = 4;

  private static final int MAX_SNIPPET = 40;

  /** Classes whose presence in the scheduling code shows the work is limited or queued. */
  private static final Set<String> LIMITERS =
      Set.of(
          "asyncio.Semaphore",
          "asyncio.locks.Semaphore",
          "asyncio.BoundedSemaphore",
          "asyncio.locks.BoundedSemaphore",
          "asyncio.Queue",
          "asyncio.queues.Queue",
          "asyncio.LifoQueue",
          "asyncio.PriorityQueue",
          "anyio.Semaphore",
          "anyio.CapacityLimiter",
          "aiolimiter.AsyncLimiter");

  /** Builtins that keep the size of the iterable they are given. */
  private static final Set<String> SIZE_PRESERVING =
      Set.of(
          "builtins.enumerate",
          "builtins.sorted",
          "builtins.reversed",
          "builtins.list",
          "builtins.tuple",
          "builtins.set",
          "builtins.frozenset",
          "builtins.filter",
          "builtins.map",
          "builtins.zip");

  /**
   * Last names of callees whose fan-out releases or waits for what already exists (closing every
   * connection, cancelling every task) or hands work to a bounded executor.
   */
  private static final Set<String> HARMLESS =
      Set.of(
          "sleep",
          "close",
          "aclose",
          "stop",
          "cancel",
          "wait_closed",
          "shutdown",
          "disconnect",
          "wait",
          "wait_for",
          "join",
          "to_thread",
          "run_in_executor",
          "cleanup",
          "terminate",
          "kill",
          "release",
          "unsubscribe",
          "flush",
          "put");

  /** Words in a decorator name that announce a concurrency or rate limit. */
  private static final List<String> LIMITING_DECORATOR_WORDS =
      List.of("limit", "throttl", "semaphore", "concurren", "rate");

  /**
   * Words in an iterable that name the parts of a deployment or a registry (peers, workers,
   * plugins, subscribers...) rather than input data.
   */
  private static final List<String> REGISTRY_WORDS =
      List.of(
          "plugin",
          "hook",
          "handler",
          "callback",
          "listener",
          "subscriber",
          "observer",
          "extension",
          "middleware",
          "worker",
          "nann",
          "peer",
          "server",
          "replica",
          "shard",
          "connection",
          "client",
          "children",
          "task");

  /** Words in a variable name that announce a chunk of bounded size. */
  private static final List<String> CHUNK_WORDS = List.of("batch", "chunk", "window", "page");

  private final Resolver resolver;

  FanOutGuards(Resolver resolver) {
    this.resolver = resolver;
  }

  /** Whether the iterable has a size its code bounds: a display, a literal range, a slice. */
  boolean isBounded(Expr iterable, Place place, int depth) {
    if (depth > MAX_DEPTH) {
      return false;
    }
    if (iterable instanceof Expr.ListDisplay
        || iterable instanceof Expr.Tuple
        || iterable instanceof Expr.SetDisplay
        || iterable instanceof Expr.DictDisplay
        || iterable instanceof Expr.Constant) {
      return true;
    }
    if (iterable instanceof Expr.Subscript) {
      Expr slice = ((Expr.Subscript) iterable).slice();
      return slice instanceof Expr.Slice && ((Expr.Slice) slice).upper() != null;
    }
    if (iterable instanceof Expr.Call) {
      return isBoundedCall((Expr.Call) iterable, place, depth);
    }
    List<Comprehension> generators = Comprehension.clausesOf(iterable);
    if (generators != null) {
      return generators.size() == 1 && isBounded(generators.get(0).iter(), place, depth + 1);
    }
    if (iterable instanceof Expr.Name) {
      return isBoundedName((Expr.Name) iterable, place, depth);
    }
    return false;
  }

  private boolean isBoundedCall(Expr.Call call, Place place, int depth) {
    if (call.func() instanceof Expr.Attribute) {
      String method = ((Expr.Attribute) call.func()).attr();
      if (method.equals("items") || method.equals("keys") || method.equals("values")) {
        return isBounded(((Expr.Attribute) call.func()).value(), place, depth + 1);
      }
    }
    String name = resolver.qualifiedName(place, call.func());
    if (name == null) {
      return false;
    }
    if (name.equals("builtins.range")) {
      return !call.args().isEmpty()
          && call.args().stream().allMatch(arg -> arg instanceof Expr.Constant);
    }
    if (name.equals("itertools.islice")) {
      return call.args().size() >= 2;
    }
    if (SIZE_PRESERVING.contains(name)) {
      for (Expr arg : call.args()) {
        if (isBounded(arg, place, depth + 1)) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean isBoundedName(Expr.Name name, Place place, int depth) {
    String lower = name.id().toLowerCase(Locale.ROOT);
    for (String word : CHUNK_WORDS) {
      if (lower.contains(word)) {
        return true;
      }
    }
    NameLookup lookup = place.lookup(name.id());
    if (lookup.origin() != NameLookup.Origin.BOUND || lookup.bindings().isEmpty()) {
      return false;
    }
    for (Binding binding : lookup.bindings()) {
      if (binding.kind() == BindingKind.PARAMETER && lookup.bindings().size() == 1) {
        FunctionInfo owner = resolver.index().functionOf(binding.scope().node());
        return owner != null && boundedByEveryCaller(name, owner, depth + 1);
      }
      if (binding.kind() != BindingKind.ASSIGNMENT || binding.value() == null) {
        return false;
      }
      Place at = new Place(place.module(), binding.scope(), binding.value().range().start(), null);
      if (!isBounded(binding.value(), at, depth + 1)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the iterable is a parameter of {@code function} that every project call passes a
   * bounded value ({@code fetch_quotes(["AAPL", "MSFT"])}); false when nothing in the project calls
   * the function (a public API, whose callers are unknown).
   */
  boolean boundedByEveryCaller(Expr iterable, FunctionInfo function) {
    return boundedByEveryCaller(iterable, function, 0);
  }

  private boolean boundedByEveryCaller(Expr iterable, FunctionInfo function, int depth) {
    if (depth > MAX_DEPTH || !(iterable instanceof Expr.Name) || function.parameters() == null) {
      return false;
    }
    String name = ((Expr.Name) iterable).id();
    List<Arg> positional = new ArrayList<>(function.parameters().posOnlyArgs());
    positional.addAll(function.parameters().args());
    int index = -1;
    for (int i = 0; i < positional.size(); i++) {
      if (positional.get(i).arg().equals(name)) {
        index = i;
      }
    }
    boolean keywordOnly =
        function.parameters().kwOnlyArgs().stream().anyMatch(arg -> arg.arg().equals(name));
    if (index < 0 && !keywordOnly || function.callers().isEmpty()) {
      return false;
    }
    for (CallEdge edge : function.callers()) {
      if (edge.kind() != CallEdge.Kind.CALL) {
        return false;
      }
      Expr.Call call = edge.site().call();
      int position = index;
      if (function.owner() != null && call.func() instanceof Expr.Attribute && index >= 0) {
        position = index - 1;
      }
      Expr argument = null;
      for (Keyword keyword : call.keywords()) {
        if (keyword.arg() == null) {
          return false;
        }
        if (keyword.arg().equals(name)) {
          argument = keyword.value();
        }
      }
      if (argument == null && position >= 0 && position < call.args().size()) {
        for (int i = 0; i <= position; i++) {
          if (call.args().get(i) instanceof Expr.Starred) {
            return false;
          }
        }
        argument = call.args().get(position);
      }
      if (argument == null || !isBounded(argument, edge.site().place(), depth + 1)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the iterable is a collection the program keeps for itself rather than data it is given:
   * rooted at an attribute of {@code self} or {@code cls} ({@code self.workers.values()}, {@code
   * list(self.plugins)}) or at a module-level name. Such registries of peers, plugins or
   * connections grow with the deployment, not with the input, and fanning out over them is a
   * broadcast. Also any iterable whose text names such a registry ({@code nanny_workers.values()},
   * {@code response["worker-plugins"]}).
   */
  static boolean isInternalCollection(
      Expr iterable, String text, FunctionInfo function, Place place) {
    String lower = text.toLowerCase(Locale.ROOT);
    for (String word : REGISTRY_WORDS) {
      if (lower.contains(word)) {
        return true;
      }
    }
    Expr root = iterable;
    for (int depth = 0; depth < MAX_DEPTH * 4; depth++) {
      if (root instanceof Expr.Call) {
        Expr.Call call = (Expr.Call) root;
        if (call.func() instanceof Expr.Attribute) {
          root = ((Expr.Attribute) call.func()).value();
        } else if (!call.args().isEmpty()) {
          root = call.args().get(0);
        } else {
          return false;
        }
      } else if (root instanceof Expr.Attribute) {
        root = ((Expr.Attribute) root).value();
      } else if (root instanceof Expr.Subscript) {
        root = ((Expr.Subscript) root).value();
      } else if (root instanceof Expr.Await) {
        return false;
      } else {
        break;
      }
    }
    if (!(root instanceof Expr.Name)) {
      return false;
    }
    Expr.Name name = (Expr.Name) root;
    return LockAcquisitions.isSelf(function, name)
        || name.id().equals("self")
        || name.id().equals("cls")
        || isModuleLevel(name, place);
  }

  private static boolean isModuleLevel(Expr.Name name, Place place) {
    NameLookup lookup = place.lookup(name.id());
    if (lookup.origin() != NameLookup.Origin.BOUND || lookup.bindings().isEmpty()) {
      return false;
    }
    for (Binding binding : lookup.bindings()) {
      if (binding.scope().kind() != ScopeKind.MODULE) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the code that schedules the work limits it: a limiter passed to the scheduled call, or
   * a semaphore or queue the scheduling function refers to (it bounds the work some other way, such
   * as a queue its workers drain).
   */
  boolean guardsAround(FunctionInfo caller, CallSite scheduled) {
    for (Expr arg : arguments(scheduled.call())) {
      if (isLimiter(resolver.resolve(scheduled.place(), arg))) {
        return true;
      }
    }
    Place place = new Place(caller.module(), caller.scope(), caller.node().range().start(), null);
    return NodeSearch.any(
        caller.body(),
        node ->
            (node instanceof Expr.Name && ((Expr.Name) node).ctx() == ExprContext.LOAD
                    || node instanceof Expr.Attribute)
                && isLimiter(resolver.resolve(place, (Expr) node)));
  }

  /**
   * Whether a scheduled project coroutine bounds itself: it acquires a shared object ({@code async
   * with sem:}, {@code await sem.acquire()}), it is a worker (it loops), or a decorator limits it;
   * else whether a project coroutine it awaits does (one more level).
   */
  boolean guardedCallee(FunctionInfo callee, int depth) {
    for (String decorator : callee.decoratorNames()) {
      String lower = decorator.toLowerCase(Locale.ROOT);
      for (String word : LIMITING_DECORATOR_WORDS) {
        if (lower.contains(word)) {
          return true;
        }
      }
    }
    String lowerName = callee.name().toLowerCase(Locale.ROOT);
    if (lowerName.contains("worker") || lowerName.contains("consumer")) {
      return true;
    }
    if (acquiresIn(callee.body(), callee)) {
      return true;
    }
    if (depth >= 1) {
      return false;
    }
    for (CallEdge edge : callee.calls()) {
      if (edge.kind() == CallEdge.Kind.CALL
          && edge.callee().isAsync()
          && edge.callee() != callee
          && guardedCallee(edge.callee(), depth + 1)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether these statements acquire a shared object ({@code async with sem:} on a name or
   * attribute rather than a new object, {@code await x.acquire()}) or loop ({@code while}: a worker
   * that drains a queue).
   */
  boolean acquiresIn(List<Stmt> statements, FunctionInfo function) {
    return NodeSearch.anyInScope(
        statements,
        node -> {
          if (node instanceof Stmt.While) {
            return true;
          }
          if (node instanceof Stmt.AsyncWith) {
            for (WithItem item : ((Stmt.AsyncWith) node).items()) {
              if (isSharedObject(item.contextExpr(), function)) {
                return true;
              }
            }
          }
          if (node instanceof Expr.Await && ((Expr.Await) node).value() instanceof Expr.Call) {
            Expr func = ((Expr.Call) ((Expr.Await) node).value()).func();
            return func instanceof Expr.Attribute
                && ((Expr.Attribute) func).attr().equals("acquire");
          }
          return false;
        });
  }

  private boolean isSharedObject(Expr expr, FunctionInfo function) {
    if (!(expr instanceof Expr.Name
        || expr instanceof Expr.Attribute
        || expr instanceof Expr.Subscript)) {
      return false;
    }
    Place place = new Place(function.module(), function.scope(), expr.range().start(), null);
    Value value = resolver.resolve(place, expr);
    if (value instanceof Value.Instance) {
      String cls = ((Value.Instance) value).className();
      return !cls.startsWith("asyncio.TaskGroup")
          && !cls.startsWith("asyncio.taskgroups.")
          && !cls.startsWith("asyncio.Timeout")
          && !cls.startsWith("aiohttp.")
          && !cls.startsWith("httpx.");
    }
    return true;
  }

  private static boolean isLimiter(Value value) {
    if (value instanceof Value.Instance) {
      return LIMITERS.contains(((Value.Instance) value).className());
    }
    return value instanceof Value.Named && LIMITERS.contains(((Value.Named) value).qualifiedName());
  }

  /** Whether the callee's last name says the fan-out only releases or waits for existing work. */
  static boolean isHarmless(String qualifiedName) {
    return HARMLESS.contains(qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1));
  }

  /**
   * Whether the arguments of the scheduled call read one of the item names, and its callee does not
   * (a method of each item, such as {@code conn.close()}, acts on what already exists).
   */
  static boolean variesWithItems(Expr.Call call, Set<String> names) {
    if (reads(List.of(call.func()), names)) {
      return false;
    }
    return reads(arguments(call), names);
  }

  private static List<Expr> arguments(Expr.Call call) {
    List<Expr> arguments = new ArrayList<>(call.args());
    for (Keyword keyword : call.keywords()) {
      arguments.add(keyword.value());
    }
    return arguments;
  }

  private static boolean reads(List<? extends Node> roots, Set<String> names) {
    return NodeSearch.any(
        roots,
        node ->
            node instanceof Expr.Name
                && ((Expr.Name) node).ctx() == ExprContext.LOAD
                && names.contains(((Expr.Name) node).id()));
  }

  /**
   * Whether a loop body waits for something on each iteration ({@code await}, {@code async with},
   * {@code async for}), which paces the work it starts, or can leave the loop early.
   */
  static boolean pacedOrLeftEarly(List<Stmt> body) {
    return NodeSearch.anyInScope(
        body,
        node ->
            node instanceof Expr.Await
                || node instanceof Stmt.AsyncWith
                || node instanceof Stmt.AsyncFor
                || node instanceof Stmt.Break
                || node instanceof Stmt.Return
                || node instanceof Expr.Yield);
  }

  /** The names a {@code for} target or comprehension target binds. */
  static Set<String> boundNames(Expr target) {
    Set<String> names = new HashSet<>();
    NodeSearch.any(
        target,
        node -> {
          if (node instanceof Expr.Name) {
            names.add(((Expr.Name) node).id());
          }
          return false;
        });
    return names;
  }

  /** The names assigned in these statements, outside nested scopes. */
  static Set<String> assignedNames(List<Stmt> statements) {
    Set<String> names = new HashSet<>();
    NodeSearch.anyInScope(
        statements,
        node -> {
          if (node instanceof Expr.Name && ((Expr.Name) node).ctx() == ExprContext.STORE) {
            names.add(((Expr.Name) node).id());
          }
          return false;
        });
    return names;
  }

  static String snippet(String source, Expr expr) {
    String text =
        source.substring(expr.range().start(), expr.range().end()).replaceAll("\\s+", " ");
    return text.length() <= MAX_SNIPPET ? text : text.substring(0, MAX_SNIPPET - 3) + "...";
  }
}
