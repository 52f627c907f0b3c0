package dev.asynclint.syntax.ast;

/** Binary arithmetic and bitwise operators, also used by augmented assignment. */
public enum BinaryOperator {
  ADD("Add"),
  SUB("Sub"),
  MULT("Mult"),
  MAT_MULT("MatMult"),
  DIV("Div"),
  MOD("Mod"),
  POW("Pow"),
  LSHIFT("LShift"),
  RSHIFT("RShift"),
  BIT_OR("BitOr"),
  BIT_XOR("BitXor"),
  BIT_AND("BitAnd"),
  FLOOR_DIV("FloorDiv");

  private final String astName;

  BinaryOperator(String astName) {
    this.astName = astName;
  }

  /** The CPython {@code ast} class name. */
  public String astName() {
    return astName;
  }
}
