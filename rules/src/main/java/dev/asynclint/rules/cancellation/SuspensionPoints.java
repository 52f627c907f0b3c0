package dev.asynclint.rules.cancellation;

import dev.asynclint.syntax.ast.Comprehension;
import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.syntax.ast.NodeSearch;
import dev.asynclint.syntax.ast.Stmt;
import java.util.List;

/** Where a coroutine can be suspended, and so cancelled: the await points of its own code. */
final class SuspensionPoints {
  private SuspensionPoints() {}

  /**
   * Whether the statements have an {@code await}, {@code async for}, {@code async with} or async
   * comprehension outside nested functions, lambdas and classes.
   */
  static boolean any(List<Stmt> statements) {
    return NodeSearch.anyInScope(
        statements,
        node ->
            node instanceof Expr.Await
                || node instanceof Stmt.AsyncFor
                || node instanceof Stmt.AsyncWith
                || node instanceof Comprehension && ((Comprehension) node).isAsync() != 0);
  }
}
