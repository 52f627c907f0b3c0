package dev.asynclint.syntax.ast;

/** Comparison operators, chained in {@code Compare}. */
public enum CompareOperator {
  EQ("Eq"),
  NOT_EQ("NotEq"),
  LT("Lt"),
  LT_E("LtE"),
  GT("Gt"),
  GT_E("GtE"),
  IS("Is"),
  IS_NOT("IsNot"),
  IN("In"),
  NOT_IN("NotIn");

  private final String astName;

  CompareOperator(String astName) {
    this.astName = astName;
  }

  /** The CPython {@code ast} class name. */
  public String astName() {
    return astName;
  }
}
