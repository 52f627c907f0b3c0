package dev.asynclint.syntax.ast;

/** Whether a name, attribute, subscript, starred, list or tuple is read, assigned or deleted. */
public enum ExprContext {
  LOAD("Load"),
  STORE("Store"),
  DEL("Del");

  private final String astName;

  ExprContext(String astName) {
    this.astName = astName;
  }

  /** The CPython {@code ast} class name. */
  public String astName() {
    return astName;
  }
}
