package dev.asynclint.syntax.parser;

import static dev.asynclint.syntax.lexer.TokenKind.*;

import dev.asynclint.syntax.ErrorMessage;
import dev.asynclint.syntax.PythonVersion;
import dev.asynclint.syntax.ast.Arg;
import dev.asynclint.syntax.ast.Arguments;
import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.syntax.ast.ExprContext;
import dev.asynclint.syntax.lexer.TokenKind;
import java.util.ArrayList;
import java.util.List;

/** Parameter lists of {@code def} and {@code lambda}. */
final class ParameterParser {
  private ParameterParser() {}

  /**
   * A parameter list up to (not including) {@code end}: positional-only parameters before {@code
   * /}, keyword-only ones after {@code *}, defaults, and annotations when allowed.
   */
  static Arguments parse(ExpressionParser parser, TokenKind end, boolean annotations) {
    List<Arg> posOnly = new ArrayList<>();
    List<Arg> regular = new ArrayList<>();
    List<Expr> defaults = new ArrayList<>();
    List<Arg> kwOnly = new ArrayList<>();
    List<Expr> kwDefaults = new ArrayList<>();
    Arg varArg = null;
    Arg kwArg = null;
    boolean sawSlash = false;
    boolean sawStar = false;
    while (!parser.at(end)) {
      int itemStart = parser.start();
      if (kwArg != null) {
        throw parser.failAt(ErrorMessage.BARE_STAR_AFTER_KWARGS.format(), itemStart);
      }
      if (parser.at(SLASH)) {
        if (sawSlash) {
          throw parser.failAt(ErrorMessage.DUPLICATE_SLASH.format(), itemStart);
        }
        if (sawStar) {
          throw parser.failAt(ErrorMessage.SLASH_AFTER_STAR.format(), itemStart);
        }
        if (regular.isEmpty()) {
          throw parser.failAt(ErrorMessage.AT_LEAST_ONE_ARG.format(), itemStart);
        }
        parser.p++;
        sawSlash = true;
        posOnly.addAll(regular);
        regular.clear();
      } else if (parser.at(STAR)) {
        if (sawStar) {
          throw parser.failAt(ErrorMessage.DUPLICATE_STAR.format(), itemStart);
        }
        parser.p++;
        sawStar = true;
        if (!parser.at(COMMA) && !parser.at(end)) {
          varArg = parameter(parser, annotations, true);
          if (parser.at(EQUAL)) {
            throw parser.failAt(ErrorMessage.STAR_DEFAULT.format(), parser.start());
          }
        }
      } else if (parser.at(DOUBLESTAR)) {
        parser.p++;
        kwArg = parameter(parser, annotations, false);
        if (parser.at(EQUAL)) {
          throw parser.failAt(ErrorMessage.KWARGS_DEFAULT.format(), parser.start());
        }
      } else {
        Arg arg = parameter(parser, annotations, false);
        Expr defaultValue = null;
        if (parser.accept(EQUAL)) {
          defaultValue = parser.expression();
        }
        if (sawStar) {
          kwOnly.add(arg);
          kwDefaults.add(defaultValue);
        } else {
          if (defaultValue != null) {
            defaults.add(defaultValue);
          } else if (!defaults.isEmpty()) {
            throw parser.fail(ErrorMessage.NON_DEFAULT_AFTER_DEFAULT.format(), arg.range());
          }
          regular.add(arg);
        }
      }
      if (!parser.accept(COMMA)) {
        break;
      }
    }
    if (sawStar && varArg == null && kwOnly.isEmpty()) {
      throw parser.failAt(ErrorMessage.NAMED_AFTER_STAR.format(), parser.start());
    }
    return new Arguments(posOnly, regular, varArg, kwOnly, kwDefaults, kwArg, defaults);
  }

  private static Arg parameter(ExpressionParser parser, boolean annotations, boolean star) {
    int start = parser.start();
    String name = parser.name();
    Expr annotation = null;
    if (annotations && parser.accept(COLON)) {
      if (parser.at(STAR)) {
        if (!star) {
          throw parser.failAt(ErrorMessage.STARRED_ANNOTATION.format(), parser.start());
        }
        parser.require(PythonVersion.PY311, "a starred annotation", parser.start());
        int starStart = parser.start();
        parser.p++;
        Expr value = parser.bitwiseOr();
        annotation = new Expr.Starred(value, ExprContext.LOAD, parser.from(starStart));
      } else {
        annotation = parser.expression();
      }
    }
    return new Arg(name, annotation, parser.from(start));
  }
}
