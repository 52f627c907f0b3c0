package dev.asynclint.semantic.project;

import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.syntax.ast.Node;
import dev.asynclint.syntax.ast.Stmt;
import dev.asynclint.syntax.ast.Walker;
import java.util.ArrayList;
import java.util.List;

/** The values a function's own {@code return} statements give, not those of nested functions. */
final class ReturnStatements extends Walker {
  private final List<Expr> values = new ArrayList<>();
  private boolean generator;
  private boolean bare;

  /** The returned expressions; null when the function is a generator or may return None. */
  static List<Expr> of(List<Stmt> body) {
    ReturnStatements returns = new ReturnStatements();
    for (Stmt statement : body) {
      returns.walk(statement);
    }
    if (returns.generator || returns.bare || returns.values.isEmpty()) {
      return null;
    }
    return returns.values;
  }

  @Override
  protected boolean enter(Node node) {
    if (node instanceof Stmt.FunctionDef
        || node instanceof Stmt.AsyncFunctionDef
        || node instanceof Stmt.ClassDef
        || node instanceof Expr.Lambda) {
      return false;
    }
    if (node instanceof Expr.Yield || node instanceof Expr.YieldFrom) {
      generator = true;
    } else if (node instanceof Stmt.Return) {
      Expr value = ((Stmt.Return) node).value();
      if (value == null) {
        bare = true;
      } else {
        values.add(value);
      }
    }
    return true;
  }
}
