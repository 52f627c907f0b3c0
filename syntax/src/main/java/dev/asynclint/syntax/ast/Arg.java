package dev.asynclint.syntax.ast;

import dev.asynclint.text.TextRange;

/** One parameter of a function or lambda ({@code ast.arg}). */
public record Arg(String arg, Expr annotation, TextRange range) implements Located {
  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.visit(this);
  }
}
