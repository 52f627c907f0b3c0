package dev.asynclint.syntax.parser;

import dev.asynclint.syntax.ast.BinaryOperator;
import dev.asynclint.syntax.lexer.TokenKind;

/** The binary operators: their precedence (from {@code |} up to {@code *}) and AST operator. */
final class Operators {
  static final int PREC_OR = 1;
  static final int PREC_XOR = 2;
  static final int PREC_AND = 3;
  static final int PREC_SHIFT = 4;
  static final int PREC_SUM = 5;
  static final int PREC_TERM = 6;

  private Operators() {}

  /** How tightly a binary operator binds; 0 for tokens that are not binary operators. */
  static int precedence(TokenKind kind) {
    switch (kind) {
      case VBAR:
        return PREC_OR;
      case CIRCUMFLEX:
        return PREC_XOR;
      case AMPER:
        return PREC_AND;
      case LEFTSHIFT:
      case RIGHTSHIFT:
        return PREC_SHIFT;
      case PLUS:
      case MINUS:
        return PREC_SUM;
      case STAR:
      case SLASH:
      case DOUBLESLASH:
      case PERCENT:
      case AT:
        return PREC_TERM;
      default:
        return 0;
    }
  }

  /** The operator of a binary operator or augmented assignment token. */
  static BinaryOperator binary(TokenKind kind) {
    switch (kind) {
      case VBAR:
      case VBAREQUAL:
        return BinaryOperator.BIT_OR;
      case CIRCUMFLEX:
      case CIRCUMFLEXEQUAL:
        return BinaryOperator.BIT_XOR;
      case AMPER:
      case AMPEREQUAL:
        return BinaryOperator.BIT_AND;
      case LEFTSHIFT:
      case LEFTSHIFTEQUAL:
        return BinaryOperator.LSHIFT;
      case RIGHTSHIFT:
      case RIGHTSHIFTEQUAL:
        return BinaryOperator.RSHIFT;
      case PLUS:
      case PLUSEQUAL:
        return BinaryOperator.ADD;
      case MINUS:
      case MINEQUAL:
        return BinaryOperator.SUB;
      case STAR:
      case STAREQUAL:
        return BinaryOperator.MULT;
      case SLASH:
      case SLASHEQUAL:
        return BinaryOperator.DIV;
      case DOUBLESLASH:
      case DOUBLESLASHEQUAL:
        return BinaryOperator.FLOOR_DIV;
      case PERCENT:
      case PERCENTEQUAL:
        return BinaryOperator.MOD;
      case AT:
      case ATEQUAL:
        return BinaryOperator.MAT_MULT;
      case DOUBLESTAR:
      case DOUBLESTAREQUAL:
        return BinaryOperator.POW;
      default:
        return null;
    }
  }
}
