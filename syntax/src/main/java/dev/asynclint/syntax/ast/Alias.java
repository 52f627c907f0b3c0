package dev.asynclint.syntax.ast;

import dev.asynclint.text.TextRange;

/** One imported name, with its {@code as} name ({@code ast.alias}). */
public record Alias(String name, String asName, TextRange range) implements Located {
  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.visit(this);
  }
}
