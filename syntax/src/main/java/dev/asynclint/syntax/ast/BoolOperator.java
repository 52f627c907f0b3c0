package dev.asynclint.syntax.ast;

/** {@code and} / {@code or}. */
public enum BoolOperator {
  AND("And"),
  OR("Or");

  private final String astName;

  BoolOperator(String astName) {
    this.astName = astName;
  }

  /** The CPython {@code ast} class name. */
  public String astName() {
    return astName;
  }
}
