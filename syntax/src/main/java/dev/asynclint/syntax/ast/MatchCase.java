package dev.asynclint.syntax.ast;

import java.util.List;

/** One {@code case} block of a {@code match} statement ({@code ast.match_case}). */
public record MatchCase(Pattern pattern, Expr guard, List<Stmt> body) implements Node {
  public MatchCase {
    body = List.copyOf(body);
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.visit(this);
  }
}
