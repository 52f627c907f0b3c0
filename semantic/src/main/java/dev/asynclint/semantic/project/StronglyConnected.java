package dev.asynclint.semantic.project;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/** Tarjan's strongly connected components of the call graph, without recursion. */
final class StronglyConnected {
  private StronglyConnected() {}

  /** The components, each callee's component before its callers' (reverse topological order). */
  static List<List<FunctionInfo>> componentsCalleesFirst(List<FunctionInfo> functions) {
    int size = functions.size();
    int[] index = new int[size];
    int[] low = new int[size];
    int[] nextEdge = new int[size];
    boolean[] onStack = new boolean[size];
    Arrays.fill(index, -1);
    Deque<FunctionInfo> stack = new ArrayDeque<>();
    Deque<FunctionInfo> work = new ArrayDeque<>();
    List<List<FunctionInfo>> components = new ArrayList<>();
    int counter = 0;
    for (FunctionInfo root : functions) {
      if (index[root.id()] >= 0) {
        continue;
      }
      work.push(root);
      while (!work.isEmpty()) {
        FunctionInfo function = work.peek();
        int id = function.id();
        if (index[id] < 0) {
          index[id] = low[id] = counter++;
          stack.push(function);
          onStack[id] = true;
        }
        List<CallEdge> calls = function.calls();
        if (nextEdge[id] < calls.size()) {
          FunctionInfo callee = calls.get(nextEdge[id]++).callee();
          int calleeId = callee.id();
          if (index[calleeId] < 0) {
            work.push(callee);
          } else if (onStack[calleeId]) {
            low[id] = Math.min(low[id], index[calleeId]);
          }
          continue;
        }
        work.pop();
        FunctionInfo parent = work.peek();
        if (parent != null) {
          low[parent.id()] = Math.min(low[parent.id()], low[id]);
        }
        if (low[id] == index[id]) {
          List<FunctionInfo> component = new ArrayList<>();
          FunctionInfo member;
          do {
            member = stack.pop();
            onStack[member.id()] = false;
            component.add(member);
          } while (member != function);
          components.add(component);
        }
      }
    }
    return components;
  }
}
