package dev.asynclint.rules.eventloop;

import dev.asynclint.semantic.project.CallEdge;
import dev.asynclint.semantic.project.FunctionInfo;
import dev.asynclint.semantic.project.Project;
import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.syntax.ast.Located;
import dev.asynclint.syntax.ast.Node;
import dev.asynclint.syntax.ast.NodeSearch;
import dev.asynclint.syntax.ast.Stmt;
import dev.asynclint.syntax.ast.Walker;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;

/**
 * The wrappers project decorators put around request handlers, and what they call. A decorator such
 * as {@code def async_route(f): @wraps(f) def wrapped(*a): return asyncio.run(f(*a)); return
 * wrapped}, applied to a route, makes the framework call {@code wrapped} on every request, though
 * nothing in the project calls it.
 */
final class HandlerWrappers {
  /** A function a wrapper of {@code handler} runs, through {@code chain} from {@code wrapper}. */
  record Reached(FunctionInfo handler, FunctionInfo wrapper, List<CallEdge> chain) {}

  private final FunctionInfo[] handlerOf;
  private final FunctionInfo[] wrapperOf;
  private final CallEdge[] via;

  private HandlerWrappers(int size) {
    handlerOf = new FunctionInfo[size];
    wrapperOf = new FunctionInfo[size];
    via = new CallEdge[size];
  }

  static HandlerWrappers of(Project project) {
    HandlerWrappers wrappers = new HandlerWrappers(project.index().functions().size());
    Deque<FunctionInfo> queue = new ArrayDeque<>();
    for (FunctionInfo handler : project.requestHandlers()) {
      for (String decorator : handler.decoratorNames()) {
        FunctionInfo factory = project.index().function(decorator);
        FunctionInfo wrapper = factory == null ? null : returnedWrapper(project, factory);
        if (wrapper != null && wrappers.handlerOf[wrapper.id()] == null) {
          wrappers.handlerOf[wrapper.id()] = handler;
          wrappers.wrapperOf[wrapper.id()] = wrapper;
          queue.add(wrapper);
        }
      }
    }
    while (!queue.isEmpty()) {
      FunctionInfo function = queue.poll();
      for (CallEdge edge : function.calls()) {
        FunctionInfo callee = edge.callee();
        if (edge.kind() == CallEdge.Kind.CALL
            && !callee.isAsync()
            && wrappers.handlerOf[callee.id()] == null) {
          wrappers.handlerOf[callee.id()] = wrappers.handlerOf[function.id()];
          wrappers.wrapperOf[callee.id()] = wrappers.wrapperOf[function.id()];
          wrappers.via[callee.id()] = edge;
          queue.add(callee);
        }
      }
    }
    return wrappers;
  }

  /** How a wrapper of a handler reaches {@code function}; null when none does. */
  Reached reached(FunctionInfo function) {
    FunctionInfo handler = handlerOf[function.id()];
    if (handler == null) {
      return null;
    }
    List<CallEdge> chain = new ArrayList<>();
    for (CallEdge edge = via[function.id()]; edge != null; edge = via[edge.caller().id()]) {
      chain.add(edge);
    }
    Collections.reverse(chain);
    return new Reached(handler, wrapperOf[function.id()], chain);
  }

  /** The sync function a decorator defines in its body and returns; null if it returns another. */
  private static FunctionInfo returnedWrapper(Project project, FunctionInfo decorator) {
    if (decorator.isAsync() || decorator.isModuleBody()) {
      return null;
    }
    String returned = returnedName(decorator.body());
    if (returned == null) {
      return null;
    }
    FunctionInfo wrapper = project.index().function(decorator.qualifiedName() + "." + returned);
    return wrapper == null || wrapper.isAsync() ? null : wrapper;
  }

  /** The name every {@code return} of these statements returns; null if they differ or none. */
  private static String returnedName(List<Stmt> body) {
    List<String> names = new ArrayList<>();
    Walker walker =
        new Walker() {
          @Override
          protected boolean enter(Node node) {
            if (node instanceof Located && NodeSearch.opensScope((Located) node)) {
              return false;
            }
            if (node instanceof Stmt.Return) {
              Expr value = ((Stmt.Return) node).value();
              names.add(value instanceof Expr.Name ? ((Expr.Name) value).id() : null);
            }
            return true;
          }
        };
    for (Stmt statement : body) {
      walker.walk(statement);
    }
    if (names.isEmpty() || names.contains(null) || names.stream().distinct().count() != 1) {
      return null;
    }
    return names.get(0);
  }
}
