package dev.asynclint.syntax.ast;

import dev.asynclint.text.TextRange;
import java.util.List;

/** A {@code match} statement pattern; one record per kind of CPython's {@code ast.pattern}. */
public sealed interface Pattern extends Located {

  /** {@code ast.MatchValue}. */
  record MatchValue(Expr value, TextRange range) implements Pattern {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** {@code ast.MatchSingleton}. */
  record MatchSingleton(Object value, TextRange range) implements Pattern {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** {@code ast.MatchSequence}. */
  record MatchSequence(List<Pattern> patterns, TextRange range) implements Pattern {
    public MatchSequence {
      patterns = List.copyOf(patterns);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** {@code ast.MatchMapping}. */
  record MatchMapping(List<Expr> keys, List<Pattern> patterns, String rest, TextRange range)
      implements Pattern {
    public MatchMapping {
      keys = List.copyOf(keys);
      patterns = List.copyOf(patterns);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** {@code ast.MatchClass}. */
  record MatchClass(
      Expr cls,
      List<Pattern> patterns,
      List<String> kwdAttrs,
      List<Pattern> kwdPatterns,
      TextRange range)
      implements Pattern {
    public MatchClass {
      patterns = List.copyOf(patterns);
      kwdAttrs = List.copyOf(kwdAttrs);
      kwdPatterns = List.copyOf(kwdPatterns);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** {@code ast.MatchStar}. */
  record MatchStar(String name, TextRange range) implements Pattern {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** {@code ast.MatchAs}. */
  record MatchAs(Pattern pattern, String name, TextRange range) implements Pattern {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** {@code ast.MatchOr}. */
  record MatchOr(List<Pattern> patterns, TextRange range) implements Pattern {
    public MatchOr {
      patterns = List.copyOf(patterns);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }
}
