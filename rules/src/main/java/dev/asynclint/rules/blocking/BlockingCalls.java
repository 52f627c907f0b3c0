package dev.asynclint.rules.blocking;

import dev.asynclint.lint.FileContext;
import dev.asynclint.semantic.project.CallSite;
import dev.asynclint.semantic.project.FunctionInfo;
import dev.asynclint.semantic.project.Resolver;
import dev.asynclint.semantic.project.Value;
import dev.asynclint.semantic.scope.Binding;
import dev.asynclint.semantic.scope.Scope;
import dev.asynclint.semantic.scope.ScopeKind;
import dev.asynclint.syntax.ast.Blocks;
import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.syntax.ast.Keyword;
import dev.asynclint.syntax.ast.Located;
import dev.asynclint.syntax.ast.NodeFinder;
import dev.asynclint.syntax.ast.NodeSearch;
import dev.asynclint.syntax.ast.References;
import dev.asynclint.syntax.ast.Stmt;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * Which calls block the event loop: a call in async context, of a blocking API, that is not handed
 * to a thread, whose callee the semantic model resolved.
 */
final class BlockingCalls {
  /** Callables that run their argument in a worker thread (or that ASY213 checks instead). */
  private static final Set<String> OFFLOADERS =
      Set.of(
          "asyncio.to_thread",
          "asyncio.threads.to_thread",
          "asyncio.AbstractEventLoop.run_in_executor",
          "asyncio.events.AbstractEventLoop.run_in_executor",
          "asyncio.base_events.BaseEventLoop.run_in_executor",
          "anyio.to_thread.run_sync",
          "starlette.concurrency.run_in_threadpool",
          "fastapi.concurrency.run_in_threadpool",
          "asgiref.sync.sync_to_async",
          "concurrent.futures.Executor.submit",
          "concurrent.futures.ThreadPoolExecutor.submit",
          "concurrent.futures.ProcessPoolExecutor.submit");

  /** Method names of offloading calls, for receivers the model could not resolve. */
  private static final Set<String> OFFLOADER_METHODS =
      Set.of("run_in_executor", "to_thread", "run_sync", "run_in_threadpool", "sync_to_async");

  private BlockingCalls() {}

  /** The blocking API this call site calls where it blocks the loop; null otherwise. */
  static BlockingApis.Entry find(CallSite site, FileContext context) {
    if (!site.asyncContext()) {
      return null;
    }
    return blockingApi(site, context.resolver());
  }

  /**
   * The blocking API this call site calls, wherever it stands (sync or async code), unless the call
   * is handed to a thread; null otherwise.
   */
  static BlockingApis.Entry blockingApi(CallSite site, Resolver resolver) {
    if (handedToThread(site)) {
      return null;
    }
    String name = calleeName(site, resolver);
    if (name == null) {
      return null;
    }
    BlockingApis.Entry entry = BlockingApis.get().find(name);
    if (entry == null
        || !entry.blocks(site.call(), site.caller().module().source())
        || FRESH_LOCK_ACQUIRES.contains(entry.name()) && acquiresLockItJustCreated(site)
        || entry.name().equals("threading.Thread.join") && joinsEndedThread(site)
        || entry.name().equals("socket.socket.connect") && connectsDatagramSocket(site)
        || ImpossibleBranches.contains(site, resolver)) {
      return null;
    }
    return entry;
  }

  /** Acquiring one of these right after creating it returns at once. */
  private static final Set<String> FRESH_LOCK_ACQUIRES =
      Set.of("threading.Lock.acquire", "threading.RLock.acquire", "threading.Condition.acquire");

  /**
   * {@code self._lock = threading.Lock()} directly followed by {@code self._lock.acquire()}: no
   * other code has seen the new lock yet, so it is free.
   */
  private static boolean acquiresLockItJustCreated(CallSite site) {
    Expr lock = receiver(site);
    List<Stmt> before = blockBefore(site);
    if (lock == null
        || before.isEmpty()
        || !(before.get(before.size() - 1) instanceof Stmt.Assign)) {
      return false;
    }
    Stmt.Assign creation = (Stmt.Assign) before.get(before.size() - 1);
    return creation.value() instanceof Expr.Call
        && creation.targets().size() == 1
        && References.same(creation.targets().get(0), lock);
  }

  /**
   * {@code while thread.is_alive(): await asyncio.sleep(0.1)} earlier in the block, with no {@code
   * break}: the thread has ended by the time {@code thread.join()} runs, which returns at once.
   */
  private static boolean joinsEndedThread(CallSite site) {
    Expr thread = receiver(site);
    if (thread == null) {
      return false;
    }
    for (Stmt statement : blockBefore(site)) {
      if (statement instanceof Stmt.While
          && ((Stmt.While) statement).test() instanceof Expr.Call
          && ((Expr.Call) ((Stmt.While) statement).test()).func() instanceof Expr.Attribute) {
        Expr.Attribute test = (Expr.Attribute) ((Expr.Call) ((Stmt.While) statement).test()).func();
        if (test.attr().equals("is_alive")
            && References.same(test.value(), thread)
            && !NodeSearch.anyInScope(
                ((Stmt.While) statement).body(), node -> node instanceof Stmt.Break)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * {@code sock = socket.socket(family, socket.SOCK_DGRAM)} then {@code sock.connect(addr)}:
   * connecting a UDP socket only records the peer (and picks the local address); nothing is sent.
   */
  private static boolean connectsDatagramSocket(CallSite site) {
    Expr socket = receiver(site);
    if (!(socket instanceof Expr.Name)) {
      return false;
    }
    List<Binding> bindings = site.place().lookup(((Expr.Name) socket).id()).bindings();
    return bindings.size() == 1
        && bindings.get(0).value() instanceof Expr.Call
        && NodeSearch.any(
            bindings.get(0).value(),
            node ->
                node instanceof Expr.Attribute
                        && ((Expr.Attribute) node).attr().equals("SOCK_DGRAM")
                    || node instanceof Expr.Name && ((Expr.Name) node).id().equals("SOCK_DGRAM"));
  }

  /** {@code lock} of {@code lock.acquire()}; null for a call of a plain name. */
  private static Expr receiver(CallSite site) {
    Expr func = site.call().func();
    return func instanceof Expr.Attribute ? ((Expr.Attribute) func).value() : null;
  }

  /**
   * The statements before the call's own in its block, when the call is a whole expression
   * statement; empty otherwise.
   */
  private static List<Stmt> blockBefore(CallSite site) {
    List<Located> ancestors = NodeFinder.ancestors(site.caller().module().tree(), site.call());
    int last = ancestors.size() - 1;
    if (last < 1
        || !(ancestors.get(last) instanceof Stmt.ExprStatement)
        || ((Stmt.ExprStatement) ancestors.get(last)).value() != site.call()) {
      return List.of();
    }
    Stmt statement = (Stmt) ancestors.get(last);
    List<Stmt> block = Blocks.holding(ancestors.get(last - 1), statement);
    int index = block.indexOf(statement);
    return index < 0 ? List.of() : block.subList(0, index);
  }

  /** Whether the scope is a lambda's or a comprehension's inside one. */
  private static boolean inLambda(Scope scope) {
    for (Scope current = scope; current != null; current = current.parent()) {
      if (current.kind() == ScopeKind.LAMBDA) {
        return true;
      }
      if (current.kind() != ScopeKind.COMPREHENSION) {
        return false;
      }
    }
    return false;
  }

  /**
   * Whether the call does not run where it stands: an argument of a call that runs it in a thread,
   * or in the body of a lambda handed to another call.
   */
  static boolean handedToThread(CallSite site) {
    return offloaded(site) || inHandedOnLambda(site);
  }

  /**
   * The callable the user listed in {@code blocking-calls} that this call site calls where it
   * blocks the loop; null otherwise.
   */
  static String findUserListed(CallSite site, FileContext context) {
    Set<String> listed = context.settings().blockingCalls();
    if (listed.isEmpty() || !site.asyncContext() || handedToThread(site)) {
      return null;
    }
    String name = calleeName(site, context.resolver());
    return name != null && listed.contains(name) ? name : null;
  }

  /**
   * The callable of {@code listed} (the user's {@code blocking-calls}) this call site calls,
   * wherever it stands, unless the call is handed to a thread; null otherwise.
   */
  static String userListed(CallSite site, Resolver resolver, Set<String> listed) {
    if (listed.isEmpty() || handedToThread(site)) {
      return null;
    }
    String name = calleeName(site, resolver);
    return name != null && listed.contains(name) ? name : null;
  }

  /** How messages name the coroutine holding a call: {@code `Service.load`}. */
  static String coroutine(FunctionInfo function) {
    if (function.owner() != null) {
      String owner = function.owner().qualifiedName();
      return "`" + owner.substring(owner.lastIndexOf('.') + 1) + "." + function.name() + "`";
    }
    return "`" + function.name() + "`";
  }

  /**
   * The qualified name of the callee. When the model stops at an attribute of a known object
   * ({@code client.chat.completions.create} on an {@code openai.OpenAI}), the remaining attribute
   * path is appended to what it knows.
   */
  private static String calleeName(CallSite site, Resolver resolver) {
    String name = site.target().qualifiedName();
    if (name != null || !(site.call().func() instanceof Expr.Attribute)) {
      return name;
    }
    Deque<String> path = new ArrayDeque<>();
    Expr expr = site.call().func();
    while (expr instanceof Expr.Attribute) {
      Expr.Attribute attribute = (Expr.Attribute) expr;
      path.addFirst(attribute.attr());
      expr = attribute.value();
      Value value = resolver.resolve(site.place(), expr);
      String known = known(value);
      if (known != null) {
        return known + "." + String.join(".", path);
      }
    }
    return null;
  }

  private static String known(Value value) {
    if (value instanceof Value.Instance) {
      return ((Value.Instance) value).className();
    }
    if (value instanceof Value.Member) {
      return ((Value.Member) value).qualifiedName();
    }
    return null;
  }

  /** Whether the call is an argument of a call that runs it in a thread: ASY213's concern. */
  private static boolean offloaded(CallSite site) {
    CallSite outer = site.argumentOf();
    if (outer == null) {
      return false;
    }
    String name = outer.target().qualifiedName();
    if (name != null) {
      return OFFLOADERS.contains(name);
    }
    Expr func = outer.call().func();
    return func instanceof Expr.Attribute
        && OFFLOADER_METHODS.contains(((Expr.Attribute) func).attr());
  }

  /**
   * Whether the call is in the body of a lambda handed to another call ({@code
   * run_in_executor(None, lambda: requests.get(url))}): it runs wherever the receiver calls it.
   */
  private static boolean inHandedOnLambda(CallSite site) {
    if (!inLambda(site.place().scope())) {
      return false;
    }
    List<Located> path =
        NodeFinder.pathTo(site.caller().module().tree(), site.call().range().start());
    for (int i = path.size() - 1; i >= 1; i--) {
      Located node = path.get(i);
      if (node instanceof Expr.Lambda) {
        Located parent = path.get(i - 1);
        if (parent instanceof Keyword
            || (parent instanceof Expr.Call && ((Expr.Call) parent).func() != node)) {
          return true;
        }
      } else if (node instanceof Stmt.FunctionDef || node instanceof Stmt.AsyncFunctionDef) {
        return false;
      }
    }
    return false;
  }
}
