package dev.asynclint.rules.eventloop;

import dev.asynclint.lint.ProjectContext;
import dev.asynclint.lint.ProjectRule;
import dev.asynclint.lint.Related;
import dev.asynclint.lint.RuleInfo;
import dev.asynclint.lint.Severity;
import dev.asynclint.rules.TestCode;
import dev.asynclint.semantic.project.CallEdge;
import dev.asynclint.semantic.project.CallSite;
import dev.asynclint.semantic.project.FunctionInfo;
import dev.asynclint.semantic.project.Project;
import dev.asynclint.semantic.project.Resolver;
import dev.asynclint.semantic.project.SourceModule;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * ASY601: a sync Flask or Django view that runs coroutines on an event loop of its own per request
 * ({@code asyncio.run()}, {@code new_event_loop()}, {@code run_until_complete()}), in its body or
 * in the sync functions it calls. The finding sits on the view, where the architectural decision
 * is; ASY100 and ASY101 report the individual calls.
 */
@RuleInfo(
    code = "ASY601",
    name = "sync-view-bridges-async",
    severity = Severity.WARNING,
    summary =
        "A sync Flask or Django view drives coroutines through its own event loop on every"
            + " request: the app pays for a loop per request and never gets concurrency from"
            + " asyncio; an ASGI server with an async framework runs the coroutines natively.")
public final class SyncViewBridgesAsync implements ProjectRule {
  static final String FLASK_VIEW =
      "Sync Flask view `%s` runs coroutines on an event loop of its own on every request (%s in"
          + " %s): serve the app with an ASGI server and an async framework (Quart, FastAPI) and"
          + " `await` the coroutines; async Flask views still get a loop per request under WSGI";
  static final String DJANGO_VIEW =
      "Sync Django view `%s` runs coroutines on an event loop of its own on every request (%s in"
          + " %s): make it an `async def` view served by an ASGI server (uvicorn, daphne) and"
          + " `await` the coroutines";

  @Override
  public void checkProject(ProjectContext context) {
    Project project = context.project();
    Map<FunctionInfo, CallSite> bridges = bridgingCalls(project, context.resolver());
    if (bridges.isEmpty()) {
      return;
    }
    Handlers handlers = Handlers.of(project, context.resolver());
    for (FunctionInfo handler : project.requestHandlers()) {
      if (!handlers.isSyncWsgiView(handler) || TestCode.isTest(handler.module())) {
        continue;
      }
      List<CallEdge> chain = findBridge(handler, bridges);
      if (chain == null) {
        continue;
      }
      FunctionInfo holder = chain.isEmpty() ? handler : chain.get(chain.size() - 1).callee();
      CallSite bridge = bridges.get(holder);
      String template =
          handlers.framework(handler) == Handlers.Framework.FLASK ? FLASK_VIEW : DJANGO_VIEW;
      String message =
          String.format(
              template, Chains.name(handler), AsyncioApi.display(bridge), Chains.quoted(holder));
      List<Related> related = new ArrayList<>(Chains.calls(context, chain));
      related.add(
          Chains.at(context, bridge, AsyncioApi.display(bridge) + " runs coroutines per request"));
      context.file(handler.module()).report(this, Syntax.defName(handler), message, related, null);
    }
  }

  /**
   * For each sync function, its first call that runs coroutines on a loop of its own: a loop it
   * runs, or creates (unless lazily, to keep).
   */
  private static Map<FunctionInfo, CallSite> bridgingCalls(Project project, Resolver resolver) {
    Map<FunctionInfo, CallSite> bridges = new IdentityHashMap<>();
    for (SourceModule module : project.index().modules()) {
      for (CallSite site : project.callSites(module)) {
        if (site.asyncContext()
            || site.caller().isModuleBody()
            || bridges.containsKey(site.caller())
            || Syntax.inCallbackLambda(site)) {
          continue;
        }
        boolean bridging =
            AsyncioApi.runsCoroutine(site)
                || AsyncioApi.calls(site, AsyncioApi.NEW_EVENT_LOOP)
                    && !LoopPerCall.isKept(CreatedLoop.of(site, resolver), resolver);
        if (bridging) {
          bridges.put(site.caller(), site);
        }
      }
    }
    return bridges;
  }

  /** The shortest chain of sync calls from the view to a bridging function; null if none. */
  private static List<CallEdge> findBridge(FunctionInfo view, Map<FunctionInfo, CallSite> bridges) {
    if (bridges.containsKey(view)) {
      return List.of();
    }
    Map<FunctionInfo, CallEdge> via = new HashMap<>();
    Deque<FunctionInfo> queue = new ArrayDeque<>();
    queue.add(view);
    via.put(view, null);
    while (!queue.isEmpty()) {
      FunctionInfo function = queue.poll();
      for (CallEdge edge : function.calls()) {
        FunctionInfo callee = edge.callee();
        if (edge.kind() != CallEdge.Kind.CALL
            || callee.isAsync()
            || via.containsKey(callee)
            || Syntax.inCallbackLambda(edge.site())) {
          continue;
        }
        via.put(callee, edge);
        if (bridges.containsKey(callee)) {
          List<CallEdge> chain = new ArrayList<>();
          for (CallEdge step = edge; step != null; step = via.get(step.caller())) {
            chain.add(step);
          }
          Collections.reverse(chain);
          return chain;
        }
        queue.add(callee);
      }
    }
    return null;
  }
}
