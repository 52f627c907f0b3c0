package dev.asynclint.semantic.project;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

/**
 * The functions reachable from a set of sources through the call graph, each with a shortest
 * witness path; computed once by a breadth-first search, linear in the size of the graph.
 */
public final class Reachability {
  private final CallEdge[] via;
  private final boolean[] reached;

  private Reachability(int size) {
    via = new CallEdge[size];
    reached = new boolean[size];
  }

  /** Searches from {@code sources} along the edges {@code follow} accepts. */
  public static Reachability from(
      List<FunctionInfo> functions, Collection<FunctionInfo> sources, Predicate<CallEdge> follow) {
    Reachability reach = new Reachability(functions.size());
    Deque<FunctionInfo> queue = new ArrayDeque<>();
    for (FunctionInfo source : sources) {
      if (!reach.reached[source.id()]) {
        reach.reached[source.id()] = true;
        queue.add(source);
      }
    }
    while (!queue.isEmpty()) {
      FunctionInfo function = queue.poll();
      for (CallEdge edge : function.calls()) {
        int callee = edge.callee().id();
        if (!reach.reached[callee] && follow.test(edge)) {
          reach.reached[callee] = true;
          reach.via[callee] = edge;
          queue.add(edge.callee());
        }
      }
    }
    return reach;
  }

  public boolean reaches(FunctionInfo function) {
    return reached[function.id()];
  }

  /** The calls leading from a source to {@code function}; empty for a source or unreached one. */
  public List<CallEdge> path(FunctionInfo function) {
    List<CallEdge> path = new ArrayList<>();
    for (CallEdge edge = via[function.id()]; edge != null; edge = via[edge.caller().id()]) {
      path.add(edge);
    }
    Collections.reverse(path);
    return path;
  }
}
