package dev.asynclint.syntax.ast;

import dev.asynclint.text.TextRange;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** An expression node; one record per kind of CPython's {@code ast.expr}. */
public sealed interface Expr extends Located {

  /** {@code ast.BoolOp}. */
  record BoolOp(BoolOperator op, List<Expr> values, TextRange range) implements Expr {
    public BoolOp {
      values = List.copyOf(values);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** {@code ast.NamedExpr}. */
  record NamedExpr(Expr target, Expr value, TextRange range) implements Expr {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** {@code ast.BinOp}. */
  record BinOp(Expr left, BinaryOperator op, Expr right, TextRange range) implements Expr {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** {@code ast.UnaryOp}. */
  record UnaryOp(UnaryOperator op, Expr operand, TextRange range) implements Expr {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** {@code ast.Lambda}. */
  record Lambda(Arguments args, Expr body, TextRange range) implements Expr {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** {@code ast.IfExp}. */
  record IfExp(Expr test, Expr body, Expr orElse, TextRange range) implements Expr {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** {@code ast.Dict}. */
  record DictDisplay(List<Expr> keys, List<Expr> values, TextRange range) implements Expr {
    public DictDisplay {
      keys = Collections.unmodifiableList(new ArrayList<>(keys));
      values = List.copyOf(values);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** {@code ast.Set}. */
  record SetDisplay(List<Expr> elts, TextRange range) implements Expr {
    public SetDisplay {
      elts = List.copyOf(elts);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** {@code ast.ListComp}. */
  record ListComp(Expr elt, List<Comprehension> generators, TextRange range) implements Expr {
    public ListComp {
      generators = List.copyOf(generators);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** {@code ast.SetComp}. */
  record SetComp(Expr elt, List<Comprehension> generators, TextRange range) implements Expr {
    public SetComp {
      generators = List.copyOf(generators);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** {@code ast.DictComp}. */
  record DictComp(Expr key, Expr value, List<Comprehension> generators, TextRange range)
      implements Expr {
    public DictComp {
      generators = List.copyOf(generators);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** {@code ast.GeneratorExp}. */
  record GeneratorExp(Expr elt, List<Comprehension> generators, TextRange range) implements Expr {
    public GeneratorExp {
      generators = List.copyOf(generators);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** {@code ast.Await}. */
  record Await(Expr value, TextRange range) implements Expr {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** {@code ast.Yield}. */
  record Yield(Expr value, TextRange range) implements Expr {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** {@code ast.YieldFrom}. */
  record YieldFrom(Expr value, TextRange range) implements Expr {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** {@code ast.Compare}. */
  record Compare(Expr left, List<CompareOperator> ops, List<Expr> comparators, TextRange range)
      implements Expr {
    public Compare {
      ops = List.copyOf(ops);
      comparators = List.copyOf(comparators);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** {@code ast.Call}. */
  record Call(Expr func, List<Expr> args, List<Keyword> keywords, TextRange range) implements Expr {
    public Call {
      args = List.copyOf(args);
      keywords = List.copyOf(keywords);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** {@code ast.FormattedValue}. */
  record FormattedValue(Expr value, int conversion, Expr formatSpec, TextRange range)
      implements Expr {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** {@code ast.JoinedStr}. */
  record JoinedStr(List<Expr> values, TextRange range) implements Expr {
    public JoinedStr {
      values = List.copyOf(values);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /**
   * {@code ast.Constant}. The value is a {@link String}, {@link Bytes}, {@link Long} or {@link
   * java.math.BigInteger} (int), {@link Double} (float), {@link Imaginary}, {@link Boolean} or a
   * {@link Singleton}; {@code kind} is {@code "u"} for a string with a {@code u} prefix, else null.
   */
  record Constant(Object value, String kind, TextRange range) implements Expr {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** {@code ast.Attribute}. */
  record Attribute(Expr value, String attr, ExprContext ctx, TextRange range) implements Expr {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** {@code ast.Subscript}. */
  record Subscript(Expr value, Expr slice, ExprContext ctx, TextRange range) implements Expr {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** {@code ast.Starred}. */
  record Starred(Expr value, ExprContext ctx, TextRange range) implements Expr {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** {@code ast.Name}. */
  record Name(String id, ExprContext ctx, TextRange range) implements Expr {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** {@code ast.List}. */
  record ListDisplay(List<Expr> elts, ExprContext ctx, TextRange range) implements Expr {
    public ListDisplay {
      elts = List.copyOf(elts);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** {@code ast.Tuple}. */
  record Tuple(List<Expr> elts, ExprContext ctx, TextRange range) implements Expr {
    public Tuple {
      elts = List.copyOf(elts);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** {@code ast.Slice}. */
  record Slice(Expr lower, Expr upper, Expr step, TextRange range) implements Expr {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }
}
