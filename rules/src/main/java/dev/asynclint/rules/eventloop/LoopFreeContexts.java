package dev.asynclint.rules.eventloop;

import dev.asynclint.semantic.project.CallEdge;
import dev.asynclint.semantic.project.FunctionInfo;
import dev.asynclint.semantic.project.Project;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The sync functions that certainly run where no event loop runs in their thread: module bodies
 * (import time), program entry points, sync handlers of frameworks that call them in worker threads
 * or processes, functions handed to threads and executors, and the functions called only from
 * those. A function with any other caller, or with no caller the project shows, is not one.
 */
final class LoopFreeContexts {
  /** Why no loop runs. */
  enum Kind {
    /** Module-level code, run when the module is imported. */
    IMPORT,
    /** An entry point, or code called only from entry points and import-time code. */
    STARTUP,
    /** A sync handler that a WSGI server or task-queue worker calls. */
    REQUEST,
    /** A function run in a thread or an executor, where no loop is set. */
    WORKER_THREAD,
    /** Called from loop-free code of different kinds. */
    MIXED
  }

  private final Kind[] kinds;

  private LoopFreeContexts(Kind[] kinds) {
    this.kinds = kinds;
  }

  static LoopFreeContexts of(Project project, Handlers handlers) {
    List<FunctionInfo> functions = project.index().functions();
    Kind[] kinds = new Kind[functions.size()];
    Deque<FunctionInfo> queue = new ArrayDeque<>();
    for (FunctionInfo function : functions) {
      Kind root = root(project, handlers, function);
      if (root != null) {
        kinds[function.id()] = root;
        queue.add(function);
      }
    }
    for (FunctionInfo function : functions) {
      if (kinds[function.id()] == null && !function.isAsync() && isThreadTarget(function)) {
        Kind kind = fromCallers(function, kinds);
        if (kind != null) {
          kinds[function.id()] = kind;
          queue.add(function);
        }
      }
    }
    while (!queue.isEmpty()) {
      FunctionInfo function = queue.poll();
      for (CallEdge edge : function.calls()) {
        FunctionInfo callee = edge.callee();
        if (kinds[callee.id()] == null && !callee.isAsync()) {
          Kind kind = fromCallers(callee, kinds);
          if (kind != null) {
            kinds[callee.id()] = kind;
            queue.add(callee);
          }
        }
      }
    }
    return new LoopFreeContexts(kinds);
  }

  /** Why no loop runs in {@code function}; null when one may. */
  Kind of(FunctionInfo function) {
    return kinds[function.id()];
  }

  private static Kind root(Project project, Handlers handlers, FunctionInfo function) {
    if (function.isModuleBody()) {
      return Kind.IMPORT;
    }
    if (function.isAsync()) {
      return null;
    }
    if (project.entryPoints().contains(function) || isConsoleScriptMain(function)) {
      return Kind.STARTUP;
    }
    if (project.requestHandlers().contains(function)
        && handlers.framework(function).syncHandlersRunWithoutLoop()) {
      return Kind.REQUEST;
    }
    return null;
  }

  /** A module-level {@code def main()} nothing in the project calls: a console-script target. */
  private static boolean isConsoleScriptMain(FunctionInfo function) {
    return function.name().equals("main")
        && function.owner() == null
        && function.qualifiedName().equals(function.module().name() + ".main")
        && function.callers().isEmpty();
  }

  private static boolean isThreadTarget(FunctionInfo function) {
    for (CallEdge edge : function.callers()) {
      if (edge.kind() == CallEdge.Kind.THREAD) {
        return true;
      }
    }
    return false;
  }

  /**
   * The kind of a function all of whose callers run without a loop: threads and executors it is
   * handed to, and loop-free callers; null when one caller may run with a loop.
   */
  private static Kind fromCallers(FunctionInfo function, Kind[] kinds) {
    if (function.callers().isEmpty()) {
      return null;
    }
    Kind kind = null;
    for (CallEdge edge : function.callers()) {
      Kind caller;
      if (edge.kind() == CallEdge.Kind.THREAD) {
        caller = Kind.WORKER_THREAD;
      } else if (edge.kind() == CallEdge.Kind.CALL && !edge.site().asyncContext()) {
        caller = kinds[edge.caller().id()];
      } else {
        return null;
      }
      if (caller == null) {
        return null;
      }
      if (caller == Kind.IMPORT) {
        caller = Kind.STARTUP;
      }
      kind = kind == null || kind == caller ? caller : Kind.MIXED;
    }
    return kind;
  }
}
