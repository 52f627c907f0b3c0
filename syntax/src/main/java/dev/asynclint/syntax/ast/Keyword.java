package dev.asynclint.syntax.ast;

import dev.asynclint.text.TextRange;

/** A keyword argument or {@code **mapping} in a call or class definition ({@code ast.keyword}). */
public record Keyword(String arg, Expr value, TextRange range) implements Located {
  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.visit(this);
  }
}
