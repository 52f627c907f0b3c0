package dev.asynclint.syntax.ast;

import java.util.List;

/** One {@code for ... in ... if ...} clause of a comprehension ({@code ast.comprehension}). */
public record Comprehension(Expr target, Expr iter, List<Expr> ifs, int isAsync) implements Node {
  public Comprehension {
    ifs = List.copyOf(ifs);
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.visit(this);
  }
}
