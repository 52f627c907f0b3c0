package dev.asynclint.syntax.ast;

/** Any syntax tree node; nodes are immutable and know nothing of their parents. */
public interface Node {
  <R> R accept(Visitor<R> visitor);
}
