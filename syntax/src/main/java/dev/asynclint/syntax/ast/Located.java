package dev.asynclint.syntax.ast;

import dev.asynclint.text.TextRange;

/** A node with a source position (CPython's nodes with {@code lineno}/{@code col_offset}). */
public interface Located extends Node {
  TextRange range();
}
