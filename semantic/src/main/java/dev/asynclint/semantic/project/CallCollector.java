package dev.asynclint.semantic.project;

import dev.asynclint.semantic.scope.Scope;
import dev.asynclint.semantic.scope.ScopeWalker;
import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.syntax.ast.Keyword;
import dev.asynclint.syntax.ast.Node;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Resolves every call of one module and links the project call graph: direct calls, constructors
 * (to {@code __init__}) and functions handed to threads, executors or loop callbacks.
 */
final class CallCollector extends ScopeWalker {
  private final Resolver resolver;
  private final ProjectIndex index;
  private final SourceModule module;
  private final KnownApis apis = KnownApis.get();
  private final List<CallSite> sites = new ArrayList<>();
  private final List<CallEdge> edges = new ArrayList<>();
  private final Deque<CallSite> open = new ArrayDeque<>();

  /** The calls of one module and the call-graph edges they make, not yet linked. */
  record Calls(List<CallSite> sites, List<CallEdge> edges) {
    /** Adds the edges to their functions; modules are linked one at a time, in a fixed order. */
    void link() {
      for (CallEdge edge : edges) {
        edge.caller().addCall(edge);
        edge.callee().addCaller(edge);
      }
    }
  }

  private CallCollector(Resolver resolver, SourceModule module) {
    super(module.scopes());
    this.resolver = resolver;
    this.index = resolver.index();
    this.module = module;
  }

  /**
   * The call sites of a module in source order (an outer call before the calls inside it), and its
   * edges. Reads the project only, so modules can be collected in parallel, each thread with its
   * own resolver.
   */
  static Calls collect(Resolver resolver, SourceModule module) {
    CallCollector collector = new CallCollector(resolver, module);
    collector.walkModule(module.tree());
    return new Calls(collector.sites, collector.edges);
  }

  /** The operand of the await entered last: the next node entered, when it is that one. */
  private Expr awaitedOperand;

  @Override
  protected void enterNode(Node node) {
    if (node instanceof Expr.Await) {
      awaitedOperand = ((Expr.Await) node).value();
    }
    if (!(node instanceof Expr.Call)) {
      return;
    }
    Expr.Call call = (Expr.Call) node;
    Place place = new Place(module, currentScope(), call.range().start(), currentBranch());
    CallTarget target = resolver.target(resolver.resolve(place, call.func()));
    CallSite site =
        new CallSite(
            owner(),
            call,
            place,
            target,
            inAsyncContext(),
            loopDepth(),
            argumentOf(call),
            call == awaitedOperand);
    sites.add(site);
    open.push(site);
    if (target.function() != null) {
      link(site, target.function(), CallEdge.Kind.CALL);
    }
    if (target.qualifiedName() != null) {
      KnownApis.Runner runner = apis.runner(target.qualifiedName());
      if (runner != null) {
        linkRunArgument(site, runner);
      }
    }
  }

  @Override
  protected void leaveNode(Node node) {
    if (node instanceof Expr.Call) {
      open.pop();
    }
  }

  private FunctionInfo owner() {
    Scope function = currentScope().enclosingFunction();
    return function == null ? index.moduleBody(module) : index.functionOf(function.node());
  }

  private CallSite argumentOf(Expr.Call call) {
    CallSite outer = open.peek();
    if (outer == null) {
      return null;
    }
    for (Expr argument : outer.call().args()) {
      if (argument == call) {
        return outer;
      }
    }
    for (Keyword keyword : outer.call().keywords()) {
      if (keyword.value() == call) {
        return outer;
      }
    }
    return null;
  }

  /** Links the function {@code to_thread(f, ...)} or {@code Thread(target=f)} will run. */
  private void linkRunArgument(CallSite site, KnownApis.Runner runner) {
    Expr argument = runner.argument().find(site.call());
    if (argument == null) {
      return;
    }
    argument = unwrapPartial(site.place(), argument);
    Value value = resolver.resolve(site.place(), argument);
    if (value instanceof Value.Named) {
      FunctionInfo function = index.function(((Value.Named) value).qualifiedName());
      if (function != null) {
        link(site, function, runner.how());
      }
    }
  }

  private Expr unwrapPartial(Place place, Expr argument) {
    if (argument instanceof Expr.Call) {
      Expr.Call call = (Expr.Call) argument;
      if (!call.args().isEmpty()
          && "functools.partial".equals(resolver.qualifiedName(place, call.func()))) {
        return call.args().get(0);
      }
    }
    return argument;
  }

  private void link(CallSite site, FunctionInfo callee, CallEdge.Kind kind) {
    edges.add(new CallEdge(site, site.caller(), callee, kind));
  }
}
