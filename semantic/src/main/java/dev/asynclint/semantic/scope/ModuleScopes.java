package dev.asynclint.semantic.scope;

import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.syntax.ast.ExprContext;
import dev.asynclint.syntax.ast.Keyword;
import dev.asynclint.syntax.ast.Module;
import dev.asynclint.syntax.ast.Node;
import dev.asynclint.syntax.ast.NodeFinder;
import dev.asynclint.syntax.ast.Stmt;
import dev.asynclint.syntax.ast.Suspensions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** The scopes of one module with every binding in them, and how names are looked up. */
public final class ModuleScopes {
  private final String source;
  private final String moduleName;
  private final boolean isPackage;
  private final Scope moduleScope;
  private final Map<Node, Scope> scopesByNode = new IdentityHashMap<>();
  private final List<AttributeAssignment> attributeAssignments = new ArrayList<>();
  private final List<CallContext> calls = new ArrayList<>();
  private boolean suspends;
  private String[] valueNames;

  private ModuleScopes(String source, String moduleName, boolean isPackage) {
    this.source = source;
    this.moduleName = moduleName;
    this.isPackage = isPackage;
    this.moduleScope = new Scope(ScopeKind.MODULE, null, moduleName, null);
  }

  /**
   * Builds the scopes of a parsed module.
   *
   * @param moduleName the module's dotted name, used to resolve relative imports
   * @param isPackage whether the module is a package's {@code __init__}
   */
  public static ModuleScopes build(
      Module module, String source, String moduleName, boolean isPackage) {
    ModuleScopes scopes = new ModuleScopes(source, moduleName, isPackage);
    FirstWalk walk = new FirstWalk(scopes);
    walk.walkModule(module);
    scopes.valueNames = walk.valueNames.toArray(new String[0]);
    scopes.finish(scopes.moduleScope);
    return scopes;
  }

  public String source() {
    return source;
  }

  public String moduleName() {
    return moduleName;
  }

  public boolean isPackage() {
    return isPackage;
  }

  public Scope moduleScope() {
    return moduleScope;
  }

  /**
   * Whether the module has an {@code await}, {@code async for}, {@code async with} or asynchronous
   * comprehension anywhere: most modules have none, and need not be searched for one.
   */
  public boolean suspends() {
    return suspends;
  }

  /**
   * The names the module uses other than by calling them, in no particular order and repeated as
   * often as used: the names and attribute names it reads outside the callee of a call ({@code
   * create_task(worker)}, {@code callback=self.on_done}), and its string constants that are
   * identifiers ({@code getattr(self, "on_close")}, {@code __all__}).
   */
  public List<String> valueNames() {
    return Collections.unmodifiableList(Arrays.asList(valueNames));
  }

  /**
   * The walk that builds the scopes, noting on the way what later phases would otherwise walk the
   * tree again for: the calls and where they stand, the names used other than by calling them, and
   * whether anything suspends.
   */
  private static final class FirstWalk extends ScopeWalker {
    /** Kept with repetitions: adding to a list costs a fraction of adding to a set. */
    private final List<String> valueNames = new ArrayList<>();

    /** The callee of the call entered last: the next node entered, when it is that one. */
    private Expr callee;

    /** The operand of the await entered last: the next node entered, when it is that one. */
    private Expr awaitedOperand;

    /** The indices of the calls whose arguments the walk is in, innermost last. */
    private int[] open = new int[16];

    private int depth;

    FirstWalk(ModuleScopes scopes) {
      super(scopes, true);
    }

    @Override
    protected void enterNode(Node node) {
      if (node instanceof Expr.Name) {
        Expr.Name name = (Expr.Name) node;
        if (name.ctx() == ExprContext.LOAD && node != callee) {
          valueNames.add(name.id());
        }
      } else if (node instanceof Expr.Attribute) {
        Expr.Attribute attribute = (Expr.Attribute) node;
        if (attribute.ctx() == ExprContext.LOAD && node != callee) {
          valueNames.add(attribute.attr());
        }
      } else if (node instanceof Expr.Call) {
        Expr.Call call = (Expr.Call) node;
        callee = call.func();
        int index = scopes().calls.size();
        scopes()
            .calls
            .add(
                new CallContext(
                    call,
                    currentScope(),
                    currentBranch(),
                    loopDepth(),
                    argumentOf(call),
                    call == awaitedOperand));
        if (depth == open.length) {
          open = Arrays.copyOf(open, depth * 2);
        }
        open[depth++] = index;
      } else if (node instanceof Expr.Constant) {
        if (((Expr.Constant) node).value() instanceof String) {
          String text = (String) ((Expr.Constant) node).value();
          if (isIdentifier(text)) {
            valueNames.add(text);
          }
        }
      } else if (node instanceof Expr.Await) {
        awaitedOperand = ((Expr.Await) node).value();
        scopes().suspends = true;
      } else if (node instanceof Stmt.AsyncFor
          || node instanceof Stmt.AsyncWith
          || node instanceof Expr && Suspensions.isAsyncComprehension((Expr) node)) {
        scopes().suspends = true;
      }
    }

    @Override
    protected void leaveNode(Node node) {
      if (node instanceof Expr.Call) {
        depth--;
      }
    }

    /** The index of the open call that {@code call} is a direct argument of; -1 if none. */
    private int argumentOf(Expr.Call call) {
      if (depth == 0) {
        return -1;
      }
      int outer = open[depth - 1];
      Expr.Call outerCall = scopes().calls.get(outer).call();
      int start = call.range().start();
      // By bisection: a call of thousands of arguments made a scan per argument quadratic.
      List<Expr> args = outerCall.args();
      int arg = NodeFinder.firstEndingAfter(args, start);
      if (arg < args.size() && args.get(arg) == call) {
        return outer;
      }
      List<Keyword> keywords = outerCall.keywords();
      int keyword = NodeFinder.firstEndingAfter(keywords, start);
      if (keyword < keywords.size() && keywords.get(keyword).value() == call) {
        return outer;
      }
      return -1;
    }
  }

  private static boolean isIdentifier(String text) {
    if (text.isEmpty() || !Character.isJavaIdentifierStart(text.charAt(0))) {
      return false;
    }
    for (int i = 1; i < text.length(); i++) {
      if (!Character.isJavaIdentifierPart(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Every call expression of the module where it stands, in the order of the walk (an outer call
   * before the calls inside it).
   */
  public List<CallContext> calls() {
    return Collections.unmodifiableList(calls);
  }

  /** How many scopes open in the module (function, class, lambda, comprehension...). */
  public int scopeCount() {
    return scopesByNode.size();
  }

  /** The scope opened by a {@code def}, {@code class}, lambda or comprehension node. */
  public Scope scopeOf(Node node) {
    Scope scope = scopesByNode.get(node);
    if (scope == null) {
      throw new IllegalArgumentException("no scope opens at " + node.getClass().getSimpleName());
    }
    return scope;
  }

  /** Every {@code name.attribute = value} in the module, in source order. */
  public List<AttributeAssignment> attributeAssignments() {
    return Collections.unmodifiableList(attributeAssignments);
  }

  /**
   * What {@code name} read at {@code offset} in {@code scope}, inside block {@code branch}, may
   * refer to, following CPython's rules: local, enclosing function, global or builtin; class bodies
   * are invisible from the functions inside them.
   *
   * <p>Within the scope that binds the name, only the bindings that may reach the read count: the
   * latest one that certainly precedes it and the conditional ones between. A read of an enclosing
   * scope's name happens when the inner function runs, so every binding there counts.
   */
  public NameLookup lookup(Scope scope, String name, int offset, Branch branch) {
    Scope owner = owner(scope, name);
    if (owner == null) {
      return fallback(name);
    }
    Symbol symbol = owner.symbol(name);
    List<Binding> bindings = symbol == null ? List.of() : symbol.bindings();
    if (owner != scope) {
      List<Binding> all = new ArrayList<>(bindings.size());
      for (int i = bindings.size() - 1; i >= 0; i--) {
        if (bindings.get(i).kind().bindsValue()) {
          all.add(bindings.get(i));
        }
      }
      return all.isEmpty()
          ? fallback(name)
          : new NameLookup(NameLookup.Origin.BOUND, all, List.of());
    }
    // Most reads are reached by one binding: a list is made only for a second one.
    Binding first = null;
    List<Binding> reaching = null;
    List<Branch> deletedIn = null;
    boolean dominated = false;
    for (int i = bindings.size() - 1; i >= 0; i--) {
      Binding binding = bindings.get(i);
      if (binding.effectiveOffset() > offset || binding.scope() != owner) {
        continue;
      }
      if (deletedIn != null && deletedAfter(deletedIn, binding)) {
        continue;
      }
      boolean certain = Branch.encloses(binding.branch(), branch);
      if (binding.kind().bindsValue()) {
        if (first == null) {
          first = binding;
        } else {
          if (reaching == null) {
            reaching = new ArrayList<>(4);
            reaching.add(first);
          }
          reaching.add(binding);
        }
      }
      if (certain && binding.kind() != BindingKind.ANNOTATION) {
        dominated = true;
        break;
      }
      if (binding.kind() == BindingKind.DELETION) {
        if (deletedIn == null) {
          deletedIn = new ArrayList<>(2);
        }
        deletedIn.add(binding.branch());
      }
    }
    if (first != null) {
      return new NameLookup(
          NameLookup.Origin.BOUND, reaching == null ? List.of(first) : reaching, List.of());
    }
    if (dominated || scope.kind().isFunctionLike()) {
      return NameLookup.UNBOUND;
    }
    // A class body or the module reads a global or builtin when it has not bound the name yet
    // (a class body's own names are read from its namespace, the globals and the builtins, never
    // from an enclosing function).
    if (scope.kind() == ScopeKind.CLASS) {
      return lookup(moduleScope, name, Integer.MAX_VALUE, null);
    }
    return fallback(name);
  }

  /**
   * Whether a later deletion (such as the end of an {@code except ... as name} handler) runs
   * whenever {@code binding} does, so that the binding cannot reach past it.
   */
  private static boolean deletedAfter(List<Branch> deletedIn, Binding binding) {
    for (int i = 0; i < deletedIn.size(); i++) {
      if (Branch.encloses(deletedIn.get(i), binding.branch())) {
        return true;
      }
    }
    return false;
  }

  private NameLookup fallback(String name) {
    // Builtins win over star imports from outside the project: a module exporting a name that
    // shadows a builtin is rare, and treating every builtin as unknown would be useless.
    if (Builtins.contains(name)) {
      return NameLookup.BUILTIN;
    }
    if (moduleScope.starImports().isEmpty()) {
      return NameLookup.UNBOUND;
    }
    List<String> stars = new ArrayList<>(moduleScope.starImports().size());
    for (Scope.StarImport star : moduleScope.starImports()) {
      stars.add(star.module());
    }
    return new NameLookup(NameLookup.Origin.STAR_IMPORT, List.of(), stars);
  }

  /** The scope whose variable {@code name} is when read in {@code scope}; null for none. */
  public Scope owner(Scope scope, String name) {
    Symbol symbol = scope.symbol(name);
    if (symbol != null) {
      if (symbol.isDeclaredGlobal()) {
        return moduleScope;
      }
      if (symbol.isDeclaredNonlocal()) {
        return enclosingBinder(scope.parent(), name);
      }
      if (symbol.isBound() || scope.kind() == ScopeKind.MODULE) {
        return scope;
      }
    }
    if (scope.kind() == ScopeKind.MODULE) {
      return scope;
    }
    return enclosingBinder(scope.parent(), name);
  }

  private Scope enclosingBinder(Scope scope, String name) {
    for (; scope != null; scope = scope.parent()) {
      if (scope.kind() == ScopeKind.MODULE) {
        return scope;
      }
      if (scope.kind() == ScopeKind.CLASS) {
        continue;
      }
      Symbol symbol = scope.symbol(name);
      if (symbol == null) {
        continue;
      }
      if (symbol.isDeclaredGlobal()) {
        return moduleScope;
      }
      if (symbol.isBound() && !symbol.isDeclaredNonlocal()) {
        return scope;
      }
    }
    return null;
  }

  Scope open(ScopeKind kind, Node node, String name, Scope parent) {
    Scope scope = new Scope(kind, node, name, parent);
    scopesByNode.put(node, scope);
    return scope;
  }

  void recordAttributeAssignment(AttributeAssignment assignment) {
    attributeAssignments.add(assignment);
  }

  /**
   * Orders bindings, and adds to the scope a {@code global} or {@code nonlocal} declaration names
   * the bindings made under that declaration, as taking effect at an unknown time.
   */
  private void finish(Scope scope) {
    for (Symbol symbol : scope.symbols()) {
      symbol.sortBindings();
    }
    for (Scope child : scope.children()) {
      finish(child);
    }
    for (Symbol symbol : scope.symbols()) {
      if (!symbol.isBound() || scope.kind() == ScopeKind.MODULE) {
        continue;
      }
      Scope target = null;
      if (symbol.isDeclaredGlobal()) {
        target = moduleScope;
      } else if (symbol.isDeclaredNonlocal()) {
        target = enclosingBinder(scope.parent(), symbol.name());
      }
      if (target != null && target != scope) {
        Symbol targetSymbol = target.symbolFor(symbol.name());
        for (Binding binding : symbol.bindings()) {
          targetSymbol.add(binding);
        }
      }
    }
  }
}
