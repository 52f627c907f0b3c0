package dev.asynclint.rules.concurrency;

import dev.asynclint.semantic.project.FunctionInfo;
import dev.asynclint.semantic.scope.Symbol;
import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.syntax.ast.Located;
import dev.asynclint.syntax.ast.Stmt;

/** Local variables that hold one object a function creates: a lock, a client. */
final class Locals {
  private Locals() {}

  /** {@code name} for {@code name = value} or {@code name: T = value}; else null. */
  static String assignedName(Located parent, Expr value) {
    Expr target = null;
    if (parent instanceof Stmt.Assign
        && ((Stmt.Assign) parent).value() == value
        && ((Stmt.Assign) parent).targets().size() == 1) {
      target = ((Stmt.Assign) parent).targets().get(0);
    } else if (parent instanceof Stmt.AnnAssign && ((Stmt.AnnAssign) parent).value() == value) {
      target = ((Stmt.AnnAssign) parent).target();
    }
    return target instanceof Expr.Name ? ((Expr.Name) target).id() : null;
  }

  /** Whether {@code name} is a local of the function: not global, nonlocal or a parameter. */
  static boolean isPlainLocal(FunctionInfo function, String name) {
    Symbol symbol = function.scope().symbol(name);
    return symbol != null
        && symbol.isLocal()
        && !symbol.isDeclaredGlobal()
        && !symbol.isDeclaredNonlocal()
        && !symbol.isParameter();
  }
}
