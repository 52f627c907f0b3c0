package dev.asynclint.rules.concurrency;

import dev.asynclint.lint.FileContext;
import dev.asynclint.lint.ProjectContext;
import dev.asynclint.lint.ProjectRule;
import dev.asynclint.lint.Related;
import dev.asynclint.lint.RuleInfo;
import dev.asynclint.lint.Severity;
import dev.asynclint.rules.TestCode;
import dev.asynclint.rules.eventloop.Chains;
import dev.asynclint.semantic.project.CallEdge;
import dev.asynclint.semantic.project.CallSite;
import dev.asynclint.semantic.project.FunctionInfo;
import dev.asynclint.semantic.project.Project;
import dev.asynclint.semantic.project.SourceModule;
import dev.asynclint.syntax.ast.Arg;
import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.syntax.ast.Keyword;
import dev.asynclint.syntax.ast.Located;
import dev.asynclint.syntax.ast.Node;
import dev.asynclint.syntax.ast.NodeFinder;
import dev.asynclint.syntax.ast.NodeSearch;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * ASY501: an async client, pool or connection of the catalog ({@code async-clients.tsv}, plus the
 * user's {@code async-clients}) created where it runs repeatedly: in an async request handler or a
 * coroutine it calls (at most two calls down, every link async), on each iteration of a {@code for}
 * loop or comprehension, or in a function a loop calls per item. A client that escapes the function
 * (stored in a global or attribute for reuse, returned, passed on) is not reported, nor one created
 * in a lifecycle function (lifespan, startup, setup, {@code __init__}, a context manager) or in
 * test code. A client built from the item itself ({@code asyncpg.connect(dsn)} for each {@code
 * dsn}) is needed per item and is not reported either.
 */
@RuleInfo(
    code = "ASY501",
    name = "client-per-request",
    severity = Severity.WARNING,
    summary =
        "An async client, pool or connection (`aiohttp.ClientSession()`, `httpx.AsyncClient()`,"
            + " `asyncpg.connect()`...) created on every request or every item instead of once:"
            + " each one opens new connections and pays the TCP and TLS handshakes again.")
public final class ClientPerRequest implements ProjectRule {
  static final String IN_HANDLER =
      "`%s` creates a new %s on every call of request handler %s: each request opens new"
          + " connections instead of reusing them; create one %s at startup (lifespan,"
          + " `on_startup`) and share it";
  static final String THROUGH_HANDLER =
      "`%s` in %s creates a new %s on every call of request handler %s: each request opens new"
          + " connections instead of reusing them; create one %s at startup (lifespan,"
          + " `on_startup`) and share it";
  static final String PER_ITERATION =
      "`%s` creates a new %s on every iteration of this loop: create one before the loop and"
          + " reuse it for every item";
  static final String PER_ITEM =
      "`%s` in %s creates a new %s for every item %s processes in a loop: create one %s there"
          + " and pass it in";

  /** Longest chain of calls from a handler to the creation that is still reported. */
  private static final int MAX_CHAIN = 2;

  /** Words in a function name that mark code run once per application or connection. */
  private static final List<String> LIFECYCLE_WORDS =
      List.of("lifespan", "startup", "start_up", "setup", "init", "shutdown", "__aenter__");

  @Override
  public void checkProject(ProjectContext context) {
    Project project = context.project();
    Set<String> userClients = context.settings().asyncClients();
    for (SourceModule module : project.index().modules()) {
      if (TestCode.isTest(module)) {
        continue;
      }
      for (CallSite site : project.callSites(module)) {
        String kind = AsyncClients.kind(site, userClients);
        FunctionInfo function = site.caller();
        if (kind == null || function.isModuleBody() || isLifecycle(function)) {
          continue;
        }
        List<Located> ancestors = NodeFinder.ancestors(module.tree(), site.call());
        if (ClientUse.of(function, site.call(), ancestors) == ClientUse.ESCAPES) {
          continue;
        }
        check(context, site, kind, ancestors);
      }
    }
  }

  private void check(ProjectContext context, CallSite site, String kind, List<Located> ancestors) {
    FileContext file = context.file(site.caller().module());
    String spelling = AsyncClients.spelling(site);
    Loop loop = Loop.around(ancestors, site.call());
    if (loop != null) {
      if (!loop.isWhile() && !loop.leavesEarly() && !reads(site.call(), loop.names())) {
        file.report(this, site.call().range(), String.format(PER_ITERATION, spelling, kind));
      }
      return;
    }
    FunctionInfo function = site.caller();
    Project project = context.project();
    if (project.reachableFromHandler(function)) {
      List<CallEdge> chain = project.pathFromHandler(function);
      FunctionInfo handler = chain.isEmpty() ? function : chain.get(0).caller();
      if (chain.size() <= MAX_CHAIN && allAsync(handler, chain)) {
        String message =
            chain.isEmpty()
                ? String.format(IN_HANDLER, spelling, kind, Chains.quoted(handler), kind)
                : String.format(
                    THROUGH_HANDLER,
                    spelling,
                    Chains.quoted(function),
                    kind,
                    Chains.quoted(handler),
                    kind);
        file.report(this, site.call().range(), message, Chains.calls(context, chain), null);
        return;
      }
    }
    if (reads(site.call(), parameterNames(function))) {
      return;
    }
    for (CallEdge edge : function.callers()) {
      FunctionInfo caller = edge.caller();
      if (edge.kind() != CallEdge.Kind.CALL
          || caller == function
          || TestCode.isTest(caller.module())
          || isLifecycle(caller)) {
        continue;
      }
      Expr.Call call = edge.site().call();
      Loop callerLoop = Loop.around(NodeFinder.ancestors(caller.module().tree(), call), call);
      if (callerLoop == null
          || callerLoop.isWhile()
          || callerLoop.leavesEarly()
          || !reads(call, callerLoop.names())) {
        continue;
      }
      String message =
          String.format(
              PER_ITEM, spelling, Chains.quoted(function), kind, Chains.quoted(caller), kind);
      List<Related> related =
          List.of(
              Chains.at(
                  context,
                  edge.site(),
                  Chains.quoted(caller) + " calls " + Chains.quoted(function) + " per item"));
      file.report(this, site.call().range(), message, related, null);
      return;
    }
  }

  private static boolean allAsync(FunctionInfo handler, List<CallEdge> chain) {
    if (!handler.isAsync()) {
      return false;
    }
    for (CallEdge edge : chain) {
      if (!edge.callee().isAsync() || edge.kind() != CallEdge.Kind.CALL) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a function runs once per application or connection: named like a lifecycle hook, or a
   * context manager factory (it yields the client it creates to a block).
   */
  static boolean isLifecycle(FunctionInfo function) {
    String name = function.name().toLowerCase(Locale.ROOT);
    for (String word : LIFECYCLE_WORDS) {
      if (name.contains(word)) {
        return true;
      }
    }
    for (String decorator : function.decoratorNames()) {
      if (decorator.contains("contextmanager") || decorator.contains("fixture")) {
        return true;
      }
    }
    return false;
  }

  private static Set<String> parameterNames(FunctionInfo function) {
    Set<String> names = new HashSet<>();
    if (function.parameters() == null) {
      return names;
    }
    List<Arg> all = new ArrayList<>();
    all.addAll(function.parameters().posOnlyArgs());
    all.addAll(function.parameters().args());
    all.addAll(function.parameters().kwOnlyArgs());
    for (Arg arg : all) {
      if (!arg.arg().equals("self") && !arg.arg().equals("cls")) {
        names.add(arg.arg());
      }
    }
    return names;
  }

  /** Whether the arguments of a call read one of the names. */
  private static boolean reads(Expr.Call call, Set<String> names) {
    List<Node> arguments = new ArrayList<>(call.args());
    for (Keyword keyword : call.keywords()) {
      arguments.add(keyword.value());
    }
    return NodeSearch.any(
        arguments, node -> node instanceof Expr.Name && names.contains(((Expr.Name) node).id()));
  }
}
