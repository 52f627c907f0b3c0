package dev.asynclint.semantic.project;

import dev.asynclint.semantic.scope.Scope;
import dev.asynclint.syntax.ast.Arguments;
import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.syntax.ast.Stmt;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A {@code def} or {@code async def} of the project, or the body of a module (whose top-level code,
 * class bodies included, runs like a function at import time).
 */
public final class FunctionInfo {
  private final int id;
  private final String qualifiedName;
  private final SourceModule module;
  private final Stmt node;
  private final Scope scope;
  private final ClassInfo owner;
  private final List<CallEdge> calls = new ArrayList<>();
  private final List<CallEdge> callers = new ArrayList<>();
  // Views made once: analyses ask for the edges of every function, often several times.
  private final List<CallEdge> callsView = Collections.unmodifiableList(calls);
  private final List<CallEdge> callersView = Collections.unmodifiableList(callers);
  private List<String> decoratorNames;

  FunctionInfo(
      int id, String qualifiedName, SourceModule module, Stmt node, Scope scope, ClassInfo owner) {
    this.id = id;
    this.qualifiedName = qualifiedName;
    this.module = module;
    this.node = node;
    this.scope = scope;
    this.owner = owner;
  }

  /** A dense number, unique in the project, for array-indexed analyses. */
  public int id() {
    return id;
  }

  /** {@code pkg.mod.func}, {@code pkg.mod.Class.method}, {@code pkg.mod.outer.inner}. */
  public String qualifiedName() {
    return qualifiedName;
  }

  public SourceModule module() {
    return module;
  }

  /** The {@code def} statement; null for a module body. */
  public Stmt node() {
    return node;
  }

  public Scope scope() {
    return scope;
  }

  /** The class whose body defines this method; null for functions and module bodies. */
  public ClassInfo owner() {
    return owner;
  }

  public boolean isModuleBody() {
    return node == null;
  }

  public boolean isAsync() {
    return node instanceof Stmt.AsyncFunctionDef;
  }

  /** The name after {@code def}; the module name for a module body. */
  public String name() {
    if (node instanceof Stmt.FunctionDef) {
      return ((Stmt.FunctionDef) node).name();
    }
    if (node instanceof Stmt.AsyncFunctionDef) {
      return ((Stmt.AsyncFunctionDef) node).name();
    }
    return module.name();
  }

  public List<Expr> decorators() {
    if (node instanceof Stmt.FunctionDef) {
      return ((Stmt.FunctionDef) node).decoratorList();
    }
    if (node instanceof Stmt.AsyncFunctionDef) {
      return ((Stmt.AsyncFunctionDef) node).decoratorList();
    }
    return List.of();
  }

  /**
   * The qualified names of the decorators that resolve (of the called function for {@code
   * @d(...)}), such as {@code flask.Flask.route} or {@code builtins.staticmethod}.
   */
  public List<String> decoratorNames() {
    return decoratorNames == null ? List.of() : decoratorNames;
  }

  boolean decoratorsResolved() {
    return decoratorNames != null;
  }

  /** The statements of the function's body; empty for a module body. */
  public List<Stmt> body() {
    if (node instanceof Stmt.FunctionDef) {
      return ((Stmt.FunctionDef) node).body();
    }
    if (node instanceof Stmt.AsyncFunctionDef) {
      return ((Stmt.AsyncFunctionDef) node).body();
    }
    return List.of();
  }

  public Arguments parameters() {
    if (node instanceof Stmt.FunctionDef) {
      return ((Stmt.FunctionDef) node).args();
    }
    if (node instanceof Stmt.AsyncFunctionDef) {
      return ((Stmt.AsyncFunctionDef) node).args();
    }
    return null;
  }

  public Expr returnAnnotation() {
    if (node instanceof Stmt.FunctionDef) {
      return ((Stmt.FunctionDef) node).returns();
    }
    if (node instanceof Stmt.AsyncFunctionDef) {
      return ((Stmt.AsyncFunctionDef) node).returns();
    }
    return null;
  }

  /** Whether a decorator resolves to one of these qualified names. */
  public boolean hasDecorator(String qualifiedName) {
    return decoratorNames().contains(qualifiedName);
  }

  /** The calls made by this function's own code, in source order. */
  public List<CallEdge> calls() {
    return callsView;
  }

  /** The project calls that reach this function. */
  public List<CallEdge> callers() {
    return callersView;
  }

  void setDecoratorNames(List<String> names) {
    decoratorNames = List.copyOf(names);
  }

  void addCall(CallEdge edge) {
    calls.add(edge);
  }

  void addCaller(CallEdge edge) {
    callers.add(edge);
  }

  @Override
  public String toString() {
    return qualifiedName;
  }
}
