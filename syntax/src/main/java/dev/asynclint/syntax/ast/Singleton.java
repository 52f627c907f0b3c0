package dev.asynclint.syntax.ast;

/** The constants {@code None} and {@code ...}; {@code True}/{@code False} are {@link Boolean}s. */
public enum Singleton {
  NONE,
  ELLIPSIS
}
