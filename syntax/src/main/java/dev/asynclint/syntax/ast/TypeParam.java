package dev.asynclint.syntax.ast;

import dev.asynclint.text.TextRange;

/** A PEP 695 type parameter; one record per kind of CPython's {@code ast.type_param}. */
public sealed interface TypeParam extends Located {

  /** {@code ast.TypeVar}. */
  record TypeVar(String name, Expr bound, Expr defaultValue, TextRange range) implements TypeParam {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** {@code ast.ParamSpec}. */
  record ParamSpec(String name, Expr defaultValue, TextRange range) implements TypeParam {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** {@code ast.TypeVarTuple}. */
  record TypeVarTuple(String name, Expr defaultValue, TextRange range) implements TypeParam {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }
}
