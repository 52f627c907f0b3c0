package dev.asynclint.syntax.ast;

import java.util.List;

/** One {@code for ... in ... if ...} clause of a comprehension ({@code ast.comprehension}). */
public record Comprehension(Expr target, Expr iter, List<Expr> ifs, int isAsync) implements Node {
  public Comprehension {
    ifs = List.copyOf(ifs);
  }

  /**
   * The clauses of a list, set or dict comprehension or generator expression; null for any other
   * node.
   */
  public static List<Comprehension> clausesOf(Node node) {
    if (node instanceof Expr.ListComp) {
      return ((Expr.ListComp) node).generators();
    }
    if (node instanceof Expr.SetComp) {
      return ((Expr.SetComp) node).generators();
    }
    if (node instanceof Expr.DictComp) {
      return ((Expr.DictComp) node).generators();
    }
    if (node instanceof Expr.GeneratorExp) {
      return ((Expr.GeneratorExp) node).generators();
    }
    return null;
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.visit(this);
  }
}
