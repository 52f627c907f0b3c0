package dev.asynclint.syntax.ast;

/** One context manager of a {@code with} statement ({@code ast.withitem}). */
public record WithItem(Expr contextExpr, Expr optionalVars) implements Node {
  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.visit(this);
  }
}
