package dev.asynclint.rules.eventloop;

import dev.asynclint.lint.FileContext;
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
import dev.asynclint.semantic.project.SourceModule;
import dev.asynclint.syntax.ast.Located;
import dev.asynclint.syntax.ast.NodeFinder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * ASY106: {@code asyncio.set_event_loop()} on every call of a request handler (or a function one
 * calls), or of a task run by a thread pool ({@code run_in_executor}, {@code to_thread}, {@code
 * executor.submit}...), whose threads are reused. Setting the loop once in a thread of its own
 * ({@code Thread(target=...)}), or only when none is set yet, is the normal pattern; so is a loop
 * per test in test code.
 */
@RuleInfo(
    code = "ASY106",
    name = "set-event-loop-per-call",
    severity = Severity.WARNING,
    summary =
        "`asyncio.set_event_loop()` on every request or every pooled task: it swaps the current"
            + " loop of a reused thread each time, so code in that thread sees whichever loop was"
            + " set last, and replaced loops are dropped unclosed.")
public final class SetEventLoopPerCall implements ProjectRule {
  static final String IN_HANDLER =
      "`asyncio.set_event_loop()` runs on every call of `%s`, %s: it replaces the current loop of"
          + " a shared %s; %s";
  static final String THROUGH_HANDLER =
      "`asyncio.set_event_loop()` in %s runs on every call of `%s`, %s: it replaces the current"
          + " loop of a shared %s; %s";
  static final String IN_POOL =
      "`asyncio.set_event_loop()` in %s runs for every task %s hands to a thread pool: it replaces"
          + " the current loop of a reused thread on each call; pass the loop to the task, or set"
          + " one loop per thread in the pool's `initializer`";

  @Override
  public void checkProject(ProjectContext context) {
    Project project = context.project();
    Set<CallSite> sets = Collections.newSetFromMap(new IdentityHashMap<>());
    for (SourceModule module : project.index().modules()) {
      for (CallSite site : project.callSites(module)) {
        if (AsyncioApi.calls(site, AsyncioApi.SET_EVENT_LOOP)
            && !TestCode.isTest(module)
            && !Syntax.inCallbackLambda(site)
            && !isConditional(site)) {
          sets.add(site);
        }
      }
    }
    if (sets.isEmpty()) {
      return;
    }
    Handlers handlers = Handlers.of(project, context.resolver());
    CallEdge[] pooled = pooledTasks(project);
    Repetition repetition = Repetition.of(project, sets::contains);
    for (CallSite site : sets) {
      FunctionInfo function = site.caller();
      FileContext file = context.file(function.module());
      Repetition.Reason reason = repetition.reason(function);
      if (reason instanceof Repetition.FromHandler) {
        Repetition.FromHandler fromHandler = (Repetition.FromHandler) reason;
        FunctionInfo handler = fromHandler.handler();
        Handlers.Framework framework = handlers.framework(handler);
        String message =
            fromHandler.isHandler()
                ? String.format(
                    IN_HANDLER,
                    Chains.name(handler),
                    framework.description(),
                    framework.worker(),
                    framework.advice())
                : String.format(
                    THROUGH_HANDLER,
                    Chains.quoted(function),
                    Chains.name(handler),
                    framework.description(),
                    framework.worker(),
                    framework.advice());
        List<Related> related = Chains.fromHandler(context, handlers, fromHandler);
        file.report(this, site.call().range(), message, related, null);
      } else if (pooled[function.id()] != null) {
        List<CallEdge> chain = chain(pooled, function);
        String message =
            String.format(IN_POOL, Chains.quoted(function), Chains.quoted(chain.get(0).caller()));
        file.report(this, site.call().range(), message, Chains.calls(context, chain), null);
      }
    }
  }

  /** Whether the loop is set only under a condition, such as when none is set yet. */
  private static boolean isConditional(CallSite site) {
    List<Located> ancestors = NodeFinder.ancestors(site.caller().module().tree(), site.call());
    return Syntax.isConditional(Syntax.withinScope(ancestors), site.call().range().start());
  }

  /**
   * For each function run as a pooled task or called from one: the edge reaching it in a
   * breadth-first tree whose roots are the hand-offs to a pool.
   */
  private static CallEdge[] pooledTasks(Project project) {
    CallEdge[] via = new CallEdge[project.index().functions().size()];
    Deque<FunctionInfo> queue = new ArrayDeque<>();
    for (FunctionInfo function : project.index().functions()) {
      if (function.isAsync()) {
        continue;
      }
      for (CallEdge edge : function.callers()) {
        if (edge.kind() == CallEdge.Kind.THREAD
            && !AsyncioApi.calls(edge.site(), AsyncioApi.DEDICATED_THREADS)
            && via[function.id()] == null) {
          via[function.id()] = edge;
          queue.add(function);
        }
      }
    }
    while (!queue.isEmpty()) {
      FunctionInfo function = queue.poll();
      for (CallEdge edge : function.calls()) {
        FunctionInfo callee = edge.callee();
        if (edge.kind() == CallEdge.Kind.CALL && !callee.isAsync() && via[callee.id()] == null) {
          via[callee.id()] = edge;
          queue.add(callee);
        }
      }
    }
    return via;
  }

  private static List<CallEdge> chain(CallEdge[] via, FunctionInfo function) {
    List<CallEdge> chain = new ArrayList<>();
    CallEdge edge = via[function.id()];
    chain.add(edge);
    while (edge.kind() != CallEdge.Kind.THREAD) {
      edge = via[edge.caller().id()];
      chain.add(edge);
    }
    Collections.reverse(chain);
    return chain;
  }
}
