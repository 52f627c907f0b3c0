package dev.asynclint.semantic.scope;

import dev.asynclint.syntax.ast.Node;
import dev.asynclint.syntax.ast.Stmt;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A Python scope: the module, a class body, a function, a lambda or a comprehension. */
public final class Scope {
  private final ScopeKind kind;
  private final Node node;
  private final String name;
  private final Scope parent;
  private final List<Scope> children = new ArrayList<>();
  private final Map<String, Symbol> symbols = new LinkedHashMap<>();
  private final List<StarImport> starImports = new ArrayList<>(0);

  /**
   * {@code from module import *}; {@code module} is null when a relative import cannot be resolved.
   */
  public record StarImport(String module, int offset) {}

  Scope(ScopeKind kind, Node node, String name, Scope parent) {
    this.kind = kind;
    this.node = node;
    this.name = name;
    this.parent = parent;
    if (parent != null) {
      parent.children.add(this);
    }
  }

  public ScopeKind kind() {
    return kind;
  }

  /**
   * The node that opens the scope: a {@code def}, {@code class}, lambda or comprehension; null for
   * the module.
   */
  public Node node() {
    return node;
  }

  /** The name of the function or class; {@code <lambda>}, {@code <listcomp>}... otherwise. */
  public String name() {
    return name;
  }

  public Scope parent() {
    return parent;
  }

  public List<Scope> children() {
    return Collections.unmodifiableList(children);
  }

  public Symbol symbol(String name) {
    return symbols.get(name);
  }

  public Collection<Symbol> symbols() {
    return Collections.unmodifiableCollection(symbols.values());
  }

  public List<StarImport> starImports() {
    return Collections.unmodifiableList(starImports);
  }

  /** Whether this is the body of an {@code async def}. */
  public boolean isAsyncFunction() {
    return node instanceof Stmt.AsyncFunctionDef;
  }

  /** The module scope this scope belongs to. */
  public Scope module() {
    Scope scope = this;
    while (scope.parent != null) {
      scope = scope.parent;
    }
    return scope;
  }

  /**
   * The innermost {@code def} or {@code async def} whose body holds this scope's code, looking
   * through lambdas and comprehensions (which run where they are written); null at module level or
   * in a class body.
   */
  public Scope enclosingFunction() {
    for (Scope scope = this; scope != null; scope = scope.parent) {
      if (scope.kind == ScopeKind.FUNCTION) {
        return scope;
      }
      if (scope.kind == ScopeKind.CLASS || scope.kind == ScopeKind.MODULE) {
        return null;
      }
    }
    return null;
  }

  Symbol symbolFor(String name) {
    return symbols.computeIfAbsent(name, Symbol::new);
  }

  void addStarImport(StarImport starImport) {
    starImports.add(starImport);
  }

  @Override
  public String toString() {
    return kind + " " + name;
  }
}
