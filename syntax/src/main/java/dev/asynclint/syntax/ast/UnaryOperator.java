package dev.asynclint.syntax.ast;

/** Prefix operators: {@code ~ not + -}. */
public enum UnaryOperator {
  INVERT("Invert"),
  NOT("Not"),
  UADD("UAdd"),
  USUB("USub");

  private final String astName;

  UnaryOperator(String astName) {
    this.astName = astName;
  }

  /** The CPython {@code ast} class name. */
  public String astName() {
    return astName;
  }
}
