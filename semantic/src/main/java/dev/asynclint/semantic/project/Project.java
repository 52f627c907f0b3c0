package dev.asynclint.semantic.project;

import dev.asynclint.syntax.ast.CompareOperator;
import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.syntax.ast.Stmt;
import dev.asynclint.text.TextRange;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The semantic model of one run: the project index, every call site resolved, the call graph, and
 * the facts rules ask about functions (request handler, entry point, reachable from a handler).
 */
public final class Project {
  private final ProjectIndex index;
  private final Resolver resolver;
  private final Map<SourceModule, List<CallSite>> sites = new IdentityHashMap<>();
  private final Set<FunctionInfo> handlers = new LinkedHashSet<>();
  private final Set<FunctionInfo> entryPoints = new LinkedHashSet<>();
  private final Reachability fromHandlers;
  private volatile List<List<FunctionInfo>> components;

  private Project(List<SourceModule> files, Set<String> extraHandlerDecorators) {
    index = new ProjectIndex(files);
    resolver = new Resolver(index);
    for (ClassInfo cls : index.classes()) {
      linkBases(cls);
    }
    // Computed now, while one thread builds the model, so that rules can read it from many.
    Linearization linearization = new Linearization();
    for (ClassInfo cls : index.classes()) {
      cls.linearize(linearization);
    }
    ThreadLocal<Resolver> resolvers = ThreadLocal.withInitial(() -> new Resolver(index));
    List<SourceModule> modules = List.copyOf(index.modules());
    List<ModuleCalls> calls =
        Tasks.each(modules.size(), i -> collect(resolvers.get(), modules.get(i)));
    List<Registration> registrations = new ArrayList<>();
    for (int i = 0; i < calls.size(); i++) {
      calls.get(i).calls().linkCallees();
      sites.put(modules.get(i), calls.get(i).calls().sites());
      registrations.addAll(calls.get(i).registrations());
    }
    findHandlers(extraHandlerDecorators, registrations);
    for (ModuleCalls moduleCalls : calls) {
      entryPoints.addAll(moduleCalls.entryPoints());
    }
    fromHandlers =
        Reachability.from(index.functions(), handlers, edge -> edge.kind() == CallEdge.Kind.CALL);
  }

  /** A call that registers a view with a web framework: {@code path("x/", views.x)}. */
  private record Registration(CallSite site, Expr view) {}

  /** A module's calls, those of them that register views, and its entry points. */
  private record ModuleCalls(
      CallCollector.Calls calls,
      List<Registration> registrations,
      List<FunctionInfo> entryPoints) {}

  /**
   * Resolves a module's decorators, then its calls, and finds the view registrations and entry
   * points among them. Two threads may both resolve the decorators of one function (when a call in
   * another module needs them first): they find the same names, an immutable list either may store,
   * and the end of the parallel phase publishes them to rules.
   */
  private ModuleCalls collect(Resolver resolver, SourceModule module) {
    for (FunctionInfo function : index.functionsOf(module)) {
      resolver.decoratorNames(function);
    }
    CallCollector.Calls calls = CallCollector.collect(resolver, module);
    Frameworks frameworks = Frameworks.get();
    List<Registration> registrations = new ArrayList<>(0);
    for (CallSite site : calls.sites()) {
      String callee = site.target().qualifiedName();
      ArgumentSlot slot = callee == null ? null : frameworks.handlerArgument(callee);
      Expr view = slot == null ? null : slot.find(site.call());
      if (view != null) {
        registrations.add(new Registration(site, view));
      }
    }
    return new ModuleCalls(calls, registrations, entryPoints(module, calls.sites()));
  }

  /**
   * Builds the model of the given modules.
   *
   * @param extraHandlerDecorators qualified names of decorators that mark request handlers, in
   *     addition to the frameworks the model knows
   */
  public static Project build(List<SourceModule> modules, Set<String> extraHandlerDecorators) {
    return new Project(modules, extraHandlerDecorators);
  }

  public ProjectIndex index() {
    return index;
  }

  public Resolver resolver() {
    return resolver;
  }

  /** The call sites of a module, in source order (an outer call before the calls inside it). */
  public List<CallSite> callSites(SourceModule module) {
    return sites.getOrDefault(module, List.of());
  }

  /**
   * The strongly connected components of the call graph, each callee's before its callers': made on
   * first request and kept, since several analyses solve over the same graph. Two threads may both
   * make them; they find the same components.
   */
  List<List<FunctionInfo>> componentsCalleesFirst() {
    List<List<FunctionInfo>> known = components;
    if (known == null) {
      known = StronglyConnected.componentsCalleesFirst(index.functions());
      components = known;
    }
    return known;
  }

  /** Functions registered as web routes or views, or as task-queue tasks. */
  public Set<FunctionInfo> requestHandlers() {
    return Collections.unmodifiableSet(handlers);
  }

  /** Whether a request handler calls {@code function}, directly or through project functions. */
  public boolean reachableFromHandler(FunctionInfo function) {
    return fromHandlers.reaches(function);
  }

  /** The calls from a request handler to {@code function}; empty for a handler itself. */
  public List<CallEdge> pathFromHandler(FunctionInfo function) {
    return fromHandlers.path(function);
  }

  /**
   * Program entry points: functions called from an {@code if __name__ == "__main__":} block or from
   * the top level of a {@code __main__} module, and command-line commands ({@code click}, {@code
   * typer}).
   */
  public Set<FunctionInfo> entryPoints() {
    return Collections.unmodifiableSet(entryPoints);
  }

  private void linkBases(ClassInfo cls) {
    Place place = new Place(cls.module(), cls.scope().parent(), cls.node().range().start(), null);
    for (Expr base : cls.node().bases()) {
      Expr named = base instanceof Expr.Subscript ? ((Expr.Subscript) base).value() : base;
      String name = resolver.qualifiedName(place, named);
      if (name == null || name.equals("builtins.object") || isAbstractBase(name)) {
        continue;
      }
      ClassInfo projectBase = index.cls(name);
      if (projectBase != null && projectBase != cls) {
        cls.addProjectBase(projectBase);
      } else if (index.modulePrefix(name) == null) {
        cls.addExternalBase(name);
      }
    }
  }

  /** Bases that only declare an interface: they answer for no attribute of the class. */
  private static boolean isAbstractBase(String name) {
    return Resolver.isTypingConstruct(name) || name.startsWith("abc.");
  }

  private void findHandlers(Set<String> extraHandlerDecorators, List<Registration> registrations) {
    Frameworks frameworks = Frameworks.get();
    for (FunctionInfo function : index.functions()) {
      for (String decorator : function.decoratorNames()) {
        if (frameworks.isHandlerDecorator(decorator)
            || extraHandlerDecorators.contains(decorator)) {
          handlers.add(function);
        }
      }
    }
    for (Registration registration : registrations) {
      registerView(registration.site().place(), registration.view());
    }
    for (ClassInfo cls : index.classes()) {
      for (String base : cls.allExternalBases()) {
        if (frameworks.isViewBase(base)) {
          addViewMethods(cls);
          break;
        }
      }
    }
  }

  /** A view passed to a route registration: a function, or {@code SomeView.as_view()}. */
  private void registerView(Place place, Expr view) {
    if (view instanceof Expr.Call && ((Expr.Call) view).func() instanceof Expr.Attribute) {
      Expr.Attribute asView = (Expr.Attribute) ((Expr.Call) view).func();
      if (asView.attr().equals("as_view")) {
        String name = resolver.qualifiedName(place, asView.value());
        ClassInfo cls = name == null ? null : index.cls(name);
        if (cls != null) {
          addViewMethods(cls);
        }
        return;
      }
    }
    String name = resolver.qualifiedName(place, view);
    FunctionInfo function = name == null ? null : index.function(name);
    if (function != null) {
      handlers.add(function);
    }
  }

  private void addViewMethods(ClassInfo cls) {
    for (String verb : Frameworks.VIEW_METHODS) {
      FunctionInfo method = cls.findMethod(verb);
      if (method != null) {
        handlers.add(method);
      }
    }
  }

  private List<FunctionInfo> entryPoints(SourceModule module, List<CallSite> sites) {
    List<FunctionInfo> found = new ArrayList<>(0);
    Frameworks frameworks = Frameworks.get();
    for (FunctionInfo function : index.functionsOf(module)) {
      for (String decorator : function.decoratorNames()) {
        if (frameworks.isEntryDecorator(decorator)) {
          found.add(function);
        }
      }
    }
    // A package's __main__ module is a script as a whole: `python -m pkg` runs its body.
    boolean script = module.name().equals("__main__") || module.name().endsWith(".__main__");
    List<TextRange> guards = mainGuards(module);
    if (guards.isEmpty() && !script) {
      return found;
    }
    for (CallSite site : sites) {
      if (site.caller().isModuleBody()
          && site.target().function() != null
          && (script || within(guards, site.call().range()))) {
        found.add(site.target().function());
      }
    }
    return found;
  }

  /** The bodies of the module's top-level {@code if __name__ == "__main__":} blocks. */
  private static List<TextRange> mainGuards(SourceModule module) {
    List<TextRange> guards = new ArrayList<>(0);
    for (Stmt statement : module.tree().body()) {
      if (statement instanceof Stmt.If && isMainTest(((Stmt.If) statement).test())) {
        guards.add(statement.range());
      }
    }
    return guards;
  }

  private static boolean isMainTest(Expr test) {
    if (!(test instanceof Expr.Compare)) {
      return false;
    }
    Expr.Compare compare = (Expr.Compare) test;
    if (compare.ops().size() != 1 || compare.ops().get(0) != CompareOperator.EQ) {
      return false;
    }
    Expr left = compare.left();
    Expr right = compare.comparators().get(0);
    return isDunderName(left) && isMainString(right) || isDunderName(right) && isMainString(left);
  }

  private static boolean isDunderName(Expr expr) {
    return expr instanceof Expr.Name && ((Expr.Name) expr).id().equals("__name__");
  }

  private static boolean isMainString(Expr expr) {
    return expr instanceof Expr.Constant && "__main__".equals(((Expr.Constant) expr).value());
  }

  private static boolean within(List<TextRange> ranges, TextRange range) {
    for (TextRange outer : ranges) {
      if (outer.start() <= range.start() && range.end() <= outer.end()) {
        return true;
      }
    }
    return false;
  }
}
