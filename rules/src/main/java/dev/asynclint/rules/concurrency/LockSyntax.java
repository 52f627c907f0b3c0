package dev.asynclint.rules.concurrency;

import dev.asynclint.syntax.ast.Comprehension;
import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.syntax.ast.Located;
import dev.asynclint.syntax.ast.Node;
import dev.asynclint.syntax.ast.NodeSearch;
import dev.asynclint.syntax.ast.Stmt;
import dev.asynclint.syntax.ast.Walker;
import java.util.List;

/** Questions about the syntax around locks that the concurrency rules share. */
final class LockSyntax {
  private LockSyntax() {}

  /**
   * The first place in these statements where the coroutine can be suspended: an {@code await}, an
   * {@code async for}, an {@code async with} or an async comprehension, outside nested functions,
   * lambdas and classes; null if there is none.
   */
  static Located firstSuspension(List<Stmt> statements) {
    Located[] found = {null};
    Walker walker =
        new Walker() {
          @Override
          protected boolean enter(Node node) {
            if (found[0] != null || NodeSearch.opensScope(node)) {
              return false;
            }
            if (node instanceof Expr.Await
                || node instanceof Stmt.AsyncFor
                || node instanceof Stmt.AsyncWith) {
              found[0] = (Located) node;
              return false;
            }
            if (node instanceof Expr.ListComp
                || node instanceof Expr.SetComp
                || node instanceof Expr.DictComp
                || node instanceof Expr.GeneratorExp) {
              if (isAsyncComprehension((Expr) node)) {
                found[0] = (Located) node;
                return false;
              }
            }
            return true;
          }
        };
    for (Stmt statement : statements) {
      walker.walk(statement);
    }
    return found[0];
  }

  private static boolean isAsyncComprehension(Expr node) {
    List<Comprehension> generators;
    if (node instanceof Expr.ListComp) {
      generators = ((Expr.ListComp) node).generators();
    } else if (node instanceof Expr.SetComp) {
      generators = ((Expr.SetComp) node).generators();
    } else if (node instanceof Expr.DictComp) {
      generators = ((Expr.DictComp) node).generators();
    } else {
      // A generator expression is lazy: its `async for` runs where it is consumed.
      return false;
    }
    return generators.stream().anyMatch(generator -> generator.isAsync() != 0);
  }
}
