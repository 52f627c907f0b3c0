package dev.asynclint.semantic.project;

import dev.asynclint.semantic.scope.CallContext;
import dev.asynclint.semantic.scope.ModuleScopes;
import dev.asynclint.semantic.scope.Scope;
import dev.asynclint.syntax.ast.Expr;
import java.util.ArrayList;
import java.util.List;

/**
 * Resolves every call of one module and links the project call graph: direct calls, constructors
 * (to {@code __init__}) and functions handed to threads, executors or loop callbacks. The calls and
 * where they stand come from the walk that built the module's scopes ({@link
 * ModuleScopes#calls()}): the tree is not walked again.
 */
final class CallCollector {
  private final Resolver resolver;
  private final ProjectIndex index;
  private final SourceModule module;
  private final KnownApis apis = KnownApis.get();
  private final List<CallSite> sites = new ArrayList<>();
  private final List<CallEdge> edges = new ArrayList<>();

  /**
   * The calls of one module and the call-graph edges they make, already added to their callers
   * (functions of the module) but not yet to their callees.
   */
  record Calls(List<CallSite> sites, List<CallEdge> edges) {
    /** Adds the edges to their callees; modules are linked one at a time, in a fixed order. */
    void linkCallees() {
      for (CallEdge edge : edges) {
        edge.callee().addCaller(edge);
      }
    }
  }

  private CallCollector(Resolver resolver, SourceModule module) {
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
    for (CallContext context : module.scopes().calls()) {
      collector.add(context);
    }
    for (CallEdge edge : collector.edges) {
      edge.caller().addCall(edge);
    }
    return new Calls(collector.sites, collector.edges);
  }

  private void add(CallContext context) {
    Expr.Call call = context.call();
    Place place = new Place(module, context.scope(), call.range().start(), context.branch());
    CallTarget target = resolver.target(resolver.resolve(place, call.func()));
    Scope function = context.scope().enclosingFunction();
    CallSite site =
        new CallSite(
            function == null ? index.moduleBody(module) : index.functionOf(function.node()),
            call,
            place,
            target,
            function != null && function.isAsyncFunction(),
            context.loopDepth(),
            context.argumentOf() < 0 ? null : sites.get(context.argumentOf()),
            context.awaited());
    sites.add(site);
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
