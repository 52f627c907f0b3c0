package dev.asynclint.syntax.ast;

import dev.asynclint.text.TextRange;
import java.util.List;

/** One {@code except} clause ({@code ast.ExceptHandler}). */
public record ExceptHandler(Expr type, String name, List<Stmt> body, TextRange range)
    implements Located {
  public ExceptHandler {
    body = List.copyOf(body);
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.visit(this);
  }
}
