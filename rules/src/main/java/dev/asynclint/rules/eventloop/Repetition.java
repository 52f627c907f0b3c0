package dev.asynclint.rules.eventloop;

import dev.asynclint.rules.TestCode;
import dev.asynclint.semantic.project.CallEdge;
import dev.asynclint.semantic.project.CallSite;
import dev.asynclint.semantic.project.FunctionInfo;
import dev.asynclint.semantic.project.Project;
import dev.asynclint.semantic.project.SourceModule;
import dev.asynclint.semantic.scope.ScopeKind;
import dev.asynclint.syntax.ast.Located;
import dev.asynclint.syntax.ast.NodeFinder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

/**
 * Why the code of a function runs many times in one program run: it serves requests (a request
 * handler, or a decorator's wrapper around one, calls it), or a loop calls it once per item. A
 * function without such evidence, such as a library's public API or a command dispatched by name,
 * is not assumed to run repeatedly.
 */
final class Repetition {
  /** A reason a function runs repeatedly, with the calls that show it. */
  sealed interface Reason permits FromHandler, PerItem {}

  /**
   * A request handler runs the function: it is the handler ({@code chain} empty, no {@code
   * wrapper}), or the handler calls it through {@code chain}, or a decorator's {@code wrapper}
   * around the handler does (the chain then starts in the wrapper).
   */
  record FromHandler(FunctionInfo handler, FunctionInfo wrapper, List<CallEdge> chain)
      implements Reason {
    /** Whether the function is the handler itself. */
    boolean isHandler() {
      return wrapper == null && chain.isEmpty();
    }
  }

  /** A loop calls the function per item: {@code chain} starts at the call in the loop. */
  record PerItem(List<CallEdge> chain) implements Reason {}

  private final Project project;
  private final HandlerWrappers wrappers;

  /** For each function called per item: the call that reaches it, in a breadth-first tree. */
  private final CallEdge[] perItemVia;

  /** The functions called right in a loop, where the chains of {@link #perItemVia} start. */
  private final boolean[] calledInLoop;

  private Repetition(Project project) {
    this.project = project;
    this.wrappers = HandlerWrappers.of(project);
    this.perItemVia = new CallEdge[project.index().functions().size()];
    this.calledInLoop = new boolean[perItemVia.length];
  }

  /**
   * Finds the functions that run repeatedly among those that hold a call {@code relevant} accepts,
   * directly or through the sync functions they call.
   */
  static Repetition of(Project project, Predicate<CallSite> relevant) {
    Repetition repetition = new Repetition(project);
    boolean[] holds = reachesRelevant(project, relevant);
    Deque<FunctionInfo> queue = new ArrayDeque<>();
    for (FunctionInfo function : project.index().functions()) {
      if (!holds[function.id()] || function.isAsync()) {
        continue;
      }
      for (CallEdge edge : function.callers()) {
        if (edge.kind() == CallEdge.Kind.CALL
            && repetition.perItemVia[function.id()] == null
            && isPerItemCall(edge.site())) {
          repetition.perItemVia[function.id()] = edge;
          repetition.calledInLoop[function.id()] = true;
          queue.add(function);
        }
      }
    }
    while (!queue.isEmpty()) {
      FunctionInfo function = queue.poll();
      for (CallEdge edge : function.calls()) {
        FunctionInfo callee = edge.callee();
        if (edge.kind() == CallEdge.Kind.CALL
            && !callee.isAsync()
            && holds[callee.id()]
            && repetition.perItemVia[callee.id()] == null) {
          repetition.perItemVia[callee.id()] = edge;
          queue.add(callee);
        }
      }
    }
    return repetition;
  }

  /** The functions holding a relevant call, or calling sync functions that do. */
  private static boolean[] reachesRelevant(Project project, Predicate<CallSite> relevant) {
    boolean[] holds = new boolean[project.index().functions().size()];
    Deque<FunctionInfo> queue = new ArrayDeque<>();
    for (SourceModule module : project.index().modules()) {
      for (CallSite site : project.callSites(module)) {
        if (!holds[site.caller().id()] && relevant.test(site) && !Syntax.inCallbackLambda(site)) {
          holds[site.caller().id()] = true;
          queue.add(site.caller());
        }
      }
    }
    while (!queue.isEmpty()) {
      FunctionInfo function = queue.poll();
      if (function.isAsync()) {
        continue;
      }
      for (CallEdge edge : function.callers()) {
        if (edge.kind() == CallEdge.Kind.CALL && !holds[edge.caller().id()]) {
          holds[edge.caller().id()] = true;
          queue.add(edge.caller());
        }
      }
    }
    return holds;
  }

  /** Whether a call sits in a loop and passes it something that changes per iteration. */
  private static boolean isPerItemCall(CallSite site) {
    if (TestCode.isTest(site.caller().module()) || Syntax.inCallbackLambda(site)) {
      return false;
    }
    if (!site.inLoop() && site.place().scope().kind() != ScopeKind.COMPREHENSION) {
      return false;
    }
    List<Located> ancestors = NodeFinder.ancestors(site.caller().module().tree(), site.call());
    int offset = site.call().range().start();
    Iteration iteration = Iteration.around(ancestors, offset);
    return iteration != null
        && iteration.varies(Syntax.arguments(site.call()))
        && !iteration.endsAfter(ancestors, offset);
  }

  /** Why the code of {@code function} runs repeatedly; null when nothing shows it does. */
  Reason reason(FunctionInfo function) {
    if (project.reachableFromHandler(function)) {
      List<CallEdge> chain = project.pathFromHandler(function);
      FunctionInfo handler = chain.isEmpty() ? function : chain.get(0).caller();
      return new FromHandler(handler, null, chain);
    }
    HandlerWrappers.Reached wrapped = wrappers.reached(function);
    if (wrapped != null) {
      return new FromHandler(wrapped.handler(), wrapped.wrapper(), wrapped.chain());
    }
    if (perItemVia[function.id()] != null) {
      List<CallEdge> chain = new ArrayList<>();
      CallEdge edge = perItemVia[function.id()];
      chain.add(edge);
      while (!calledInLoop[edge.callee().id()]) {
        edge = perItemVia[edge.caller().id()];
        chain.add(edge);
      }
      Collections.reverse(chain);
      return new PerItem(chain);
    }
    return null;
  }
}
