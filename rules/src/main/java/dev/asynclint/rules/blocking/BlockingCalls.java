package dev.asynclint.rules.blocking;

import dev.asynclint.lint.FileContext;
import dev.asynclint.semantic.project.CallSite;
import dev.asynclint.semantic.project.FunctionInfo;
import dev.asynclint.semantic.project.Resolver;
import dev.asynclint.semantic.project.Value;
import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.syntax.ast.Keyword;
import dev.asynclint.syntax.ast.Located;
import dev.asynclint.syntax.ast.NodeFinder;
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
    if (entry == null || !entry.blocks(site.call(), site.caller().module().source())) {
      return null;
    }
    return entry;
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
