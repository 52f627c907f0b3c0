package dev.asynclint.syntax.ast;

/** Expressions that name a variable or an attribute path: {@code lock}, {@code self._lock}. */
public final class References {
  private References() {}

  /** Whether two expressions name the same variable or attribute path, spelled alike. */
  public static boolean same(Expr a, Expr b) {
    if (a instanceof Expr.Name && b instanceof Expr.Name) {
      return ((Expr.Name) a).id().equals(((Expr.Name) b).id());
    }
    if (a instanceof Expr.Attribute && b instanceof Expr.Attribute) {
      return ((Expr.Attribute) a).attr().equals(((Expr.Attribute) b).attr())
          && same(((Expr.Attribute) a).value(), ((Expr.Attribute) b).value());
    }
    return false;
  }
}
