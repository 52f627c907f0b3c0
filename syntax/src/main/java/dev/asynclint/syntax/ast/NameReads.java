package dev.asynclint.syntax.ast;

import java.util.ArrayList;
import java.util.List;

/**
 * A walk that hands each read of one variable name to {@link #read}, with the nodes above it: for
 * rules that classify how a local is used (awaited, closed, passed on, only tested).
 */
public abstract class NameReads extends Walker {
  private final String name;
  private final List<Node> stack = new ArrayList<>();
  private int nestedScopes;

  protected NameReads(String name) {
    this.name = name;
  }

  /**
   * Called for each read of the name.
   *
   * @param inNestedScope whether the read is in a nested function, lambda or class body
   */
  protected abstract void read(Expr.Name read, boolean inNestedScope);

  /**
   * The node {@code up} levels above the read being handled: 1 is its parent; null past the root.
   */
  protected final Node parent(int up) {
    int index = stack.size() - up;
    return index >= 0 ? stack.get(index) : null;
  }

  @Override
  protected final boolean enter(Node node) {
    if (NodeSearch.opensScope(node)) {
      nestedScopes++;
    }
    if (node instanceof Expr.Name
        && ((Expr.Name) node).id().equals(name)
        && ((Expr.Name) node).ctx() == ExprContext.LOAD) {
      read((Expr.Name) node, nestedScopes > 0);
    }
    stack.add(node);
    return true;
  }

  @Override
  protected final void leave(Node node) {
    stack.remove(stack.size() - 1);
    if (NodeSearch.opensScope(node)) {
      nestedScopes--;
    }
  }

  /** Reads that only test the variable: {@code if x is None}, {@code not x}, {@code assert x}. */
  protected static boolean isTest(Node parent, Expr.Name read) {
    return parent instanceof Expr.Compare
        || parent instanceof Expr.UnaryOp
        || parent instanceof Stmt.Delete
        || parent instanceof Stmt.If && ((Stmt.If) parent).test() == read
        || parent instanceof Stmt.While && ((Stmt.While) parent).test() == read
        || parent instanceof Stmt.Assert;
  }
}
