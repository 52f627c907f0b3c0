package dev.asynclint.syntax.ast;

import java.util.List;

/**
 * Where a coroutine can be suspended: {@code await}, {@code async for}, {@code async with} and
 * asynchronous list, set or dict comprehensions. A generator expression with {@code async for} is
 * lazy: it suspends where it is consumed, not where it is written.
 */
public final class Suspensions {
  private Suspensions() {}

  /**
   * The first suspension point in these statements, outside nested functions, lambdas and classes;
   * null if there is none.
   */
  public static Located first(List<Stmt> statements) {
    Located[] found = {null};
    Walker walker =
        new Walker() {
          @Override
          protected boolean enter(Node node) {
            if (found[0] != null || NodeSearch.opensScope(node)) {
              return false;
            }
            if (isSuspension(node)) {
              found[0] = (Located) node;
              return false;
            }
            return true;
          }
        };
    for (Stmt statement : statements) {
      walker.walk(statement);
    }
    return found[0];
  }

  /** Whether the node itself suspends the coroutine that runs it. */
  public static boolean isSuspension(Node node) {
    return node instanceof Expr.Await
        || node instanceof Stmt.AsyncFor
        || node instanceof Stmt.AsyncWith
        || node instanceof Expr && isAsyncComprehension((Expr) node);
  }

  /** A list, set or dict comprehension with an {@code async for} clause. */
  public static boolean isAsyncComprehension(Expr expr) {
    if (expr instanceof Expr.GeneratorExp) {
      return false;
    }
    List<Comprehension> clauses = Comprehension.clausesOf(expr);
    return clauses != null && clauses.stream().anyMatch(clause -> clause.isAsync() != 0);
  }
}
