package dev.asynclint.syntax.parser;

import static dev.asynclint.syntax.lexer.TokenKind.*;

import dev.asynclint.syntax.ErrorMessage;
import dev.asynclint.syntax.PythonVersion;
import dev.asynclint.syntax.ast.Comprehension;
import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.syntax.ast.ExprContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Bracketed atoms: tuples, parenthesized groups and generator expressions; list, set and dict
 * displays and their comprehensions.
 */
final class DisplayParser {
  private final ExpressionParser parser;

  DisplayParser(ExpressionParser parser) {
    this.parser = parser;
  }

  /** A tuple, a parenthesized group, a generator expression, or a parenthesized yield. */
  Expr parenthesized() {
    int start = parser.start();
    parser.p++;
    parser.enter();
    try {
      if (parser.accept(RPAR)) {
        return new Expr.Tuple(List.of(), ExprContext.LOAD, parser.from(start));
      }
      if (parser.at(YIELD)) {
        Expr yield = parser.yieldExpression();
        parser.expect(RPAR);
        return yield;
      }
      Expr first = parser.starNamedExpression();
      if (parser.at(FOR) || (parser.at(ASYNC) && parser.kind(1) == FOR)) {
        if (first instanceof Expr.Starred) {
          throw parser.fail(ErrorMessage.STARRED_HERE.format(), first.range());
        }
        List<Comprehension> generators = parser.comprehensionClauses();
        parser.expect(RPAR);
        return new Expr.GeneratorExp(first, generators, parser.from(start));
      }
      if (parser.accept(RPAR)) {
        if (first instanceof Expr.Starred) {
          throw parser.fail(ErrorMessage.STARRED_HERE.format(), first.range());
        }
        return first;
      }
      List<Expr> elts = new ArrayList<>();
      elts.add(first);
      parser.expect(COMMA);
      while (!parser.at(RPAR)) {
        elts.add(parser.starNamedExpression());
        if (!parser.accept(COMMA)) {
          break;
        }
      }
      parser.expect(RPAR);
      return new Expr.Tuple(elts, ExprContext.LOAD, parser.from(start));
    } finally {
      parser.leave();
    }
  }

  Expr listDisplay() {
    int start = parser.start();
    parser.p++;
    parser.enter();
    try {
      if (parser.accept(RSQB)) {
        return new Expr.ListDisplay(List.of(), ExprContext.LOAD, parser.from(start));
      }
      Expr first = parser.starNamedExpression();
      if (parser.at(FOR) || (parser.at(ASYNC) && parser.kind(1) == FOR)) {
        if (first instanceof Expr.Starred) {
          throw parser.fail(ErrorMessage.STARRED_HERE.format(), first.range());
        }
        List<Comprehension> generators = parser.comprehensionClauses();
        parser.expect(RSQB);
        return new Expr.ListComp(first, generators, parser.from(start));
      }
      List<Expr> elts = new ArrayList<>();
      elts.add(first);
      while (parser.accept(COMMA)) {
        if (parser.at(RSQB)) {
          break;
        }
        elts.add(parser.starNamedExpression());
      }
      parser.expect(RSQB);
      return new Expr.ListDisplay(elts, ExprContext.LOAD, parser.from(start));
    } finally {
      parser.leave();
    }
  }

  /** A dict or set display, or a dict or set comprehension. */
  Expr braceDisplay() {
    int start = parser.start();
    parser.p++;
    parser.enter();
    try {
      if (parser.accept(RBRACE)) {
        return new Expr.DictDisplay(List.of(), List.of(), parser.from(start));
      }
      if (parser.at(DOUBLESTAR)) {
        parser.p++;
        Expr mapping = parser.bitwiseOr();
        return dictRest(start, null, mapping);
      }
      int firstStart = parser.start();
      Expr first = parser.starNamedExpression();
      if (parser.at(COLON) && !(first instanceof Expr.Starred)) {
        if (first instanceof Expr.NamedExpr && first.range().start() == firstStart) {
          throw parser.fail(ErrorMessage.INVALID_SYNTAX.format(), first.range());
        }
        parser.p++;
        Expr value = parser.expression();
        if (parser.at(FOR) || (parser.at(ASYNC) && parser.kind(1) == FOR)) {
          List<Comprehension> generators = parser.comprehensionClauses();
          parser.expect(RBRACE);
          return new Expr.DictComp(first, value, generators, parser.from(start));
        }
        return dictRest(start, first, value);
      }
      if (parser.at(FOR) || (parser.at(ASYNC) && parser.kind(1) == FOR)) {
        if (first instanceof Expr.Starred) {
          throw parser.fail(ErrorMessage.STARRED_HERE.format(), first.range());
        }
        List<Comprehension> generators = parser.comprehensionClauses();
        parser.expect(RBRACE);
        return new Expr.SetComp(first, generators, parser.from(start));
      }
      List<Expr> elts = new ArrayList<>();
      elts.add(first);
      while (parser.accept(COMMA)) {
        if (parser.at(RBRACE)) {
          break;
        }
        elts.add(parser.starNamedExpression());
      }
      parser.expect(RBRACE);
      if (first instanceof Expr.NamedExpr && first.range().start() == firstStart) {
        parser.require(
            PythonVersion.PY39, "an unparenthesized assignment expression in a set", firstStart);
      }
      return new Expr.SetDisplay(elts, parser.from(start));
    } finally {
      parser.leave();
    }
  }

  /** The rest of a dict display after its first entry ({@code key} null for {@code **}). */
  private Expr dictRest(int start, Expr firstKey, Expr firstValue) {
    List<Expr> keys = new ArrayList<>();
    List<Expr> values = new ArrayList<>();
    keys.add(firstKey);
    values.add(firstValue);
    if (firstKey == null && (parser.at(FOR) || (parser.at(ASYNC) && parser.kind(1) == FOR))) {
      throw parser.fail(ErrorMessage.DICT_UNPACK_IN_SET.format(), firstValue.range());
    }
    while (parser.accept(COMMA)) {
      if (parser.at(RBRACE)) {
        break;
      }
      if (parser.accept(DOUBLESTAR)) {
        keys.add(null);
        values.add(parser.bitwiseOr());
      } else {
        keys.add(parser.expression());
        parser.expect(COLON);
        values.add(parser.expression());
      }
    }
    parser.expect(RBRACE);
    return new Expr.DictDisplay(keys, values, parser.from(start));
  }
}
