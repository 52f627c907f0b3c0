package dev.asynclint.syntax.parser;

import static dev.asynclint.syntax.lexer.TokenKind.*;

import dev.asynclint.syntax.ErrorMessage;
import dev.asynclint.syntax.PythonVersion;
import dev.asynclint.syntax.ast.BinaryOperator;
import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.syntax.ast.ExprContext;
import dev.asynclint.syntax.ast.Imaginary;
import dev.asynclint.syntax.ast.Pattern;
import dev.asynclint.syntax.ast.Singleton;
import dev.asynclint.syntax.ast.UnaryOperator;
import dev.asynclint.syntax.lexer.Tokens;
import java.util.ArrayList;
import java.util.List;

/** The patterns of {@code match} statements (PEP 634). */
abstract class PatternParser extends ExpressionParser {
  PatternParser(String src, Tokens tokens, PythonVersion version) {
    super(src, tokens, version);
  }

  /** {@code patterns}: an open sequence pattern (with a comma) or a single pattern. */
  final Pattern patterns() {
    int start = start();
    Pattern first = maybeStarPattern();
    if (!at(COMMA)) {
      if (first instanceof Pattern.MatchStar) {
        throw fail(
            ErrorMessage.PATTERN_NOT_ALLOWED.format("star pattern must be in a sequence"),
            first.range());
      }
      return first;
    }
    List<Pattern> items = new ArrayList<>();
    items.add(first);
    while (accept(COMMA)) {
      if (at(COLON) || at(IF)) {
        break;
      }
      items.add(maybeStarPattern());
    }
    return new Pattern.MatchSequence(items, from(start));
  }

  private Pattern maybeStarPattern() {
    if (at(STAR)) {
      int start = start();
      p++;
      String name = name();
      return new Pattern.MatchStar(name.equals("_") ? null : name, from(start));
    }
    return pattern();
  }

  /** {@code pattern}: an or-pattern, optionally captured with {@code as}. */
  private Pattern pattern() {
    enter();
    try {
      int start = start();
      Pattern or = orPattern();
      if (accept(AS)) {
        int nameIndex = p;
        String name = name();
        if (name.equals("_")) {
          throw fail(
              ErrorMessage.PATTERN_NOT_ALLOWED.format("cannot use '_' as a target"),
              range(nameIndex));
        }
        if (at(DOT) || at(LPAR) || at(EQUAL)) {
          throw unexpected();
        }
        return new Pattern.MatchAs(or, name, from(start));
      }
      return or;
    } finally {
      leave();
    }
  }

  private dev.asynclint.text.TextRange range(int index) {
    return tokens.range(index);
  }

  private Pattern orPattern() {
    int start = start();
    Pattern first = closedPattern();
    if (!at(VBAR)) {
      return first;
    }
    List<Pattern> alternatives = new ArrayList<>();
    alternatives.add(first);
    while (accept(VBAR)) {
      alternatives.add(closedPattern());
    }
    return new Pattern.MatchOr(alternatives, from(start));
  }

  private Pattern closedPattern() {
    int start = start();
    switch (kind()) {
      case NONE:
        p++;
        return new Pattern.MatchSingleton(Singleton.NONE, from(start));
      case TRUE:
        p++;
        return new Pattern.MatchSingleton(Boolean.TRUE, from(start));
      case FALSE:
        p++;
        return new Pattern.MatchSingleton(Boolean.FALSE, from(start));
      case NUMBER:
      case MINUS:
        return new Pattern.MatchValue(signedNumberOrComplex(), from(start));
      case STRING:
      case FSTRING_START:
        // CPython's parser takes f-strings here too; only its compiler rejects them.
        return new Pattern.MatchValue(strings(), from(start));
      case LPAR:
        return parenthesizedPattern();
      case LSQB:
        return bracketPattern();
      case LBRACE:
        return mappingPattern();
      case NAME:
        return namePattern();
      default:
        throw unexpected();
    }
  }

  /** A signed number, or a complex literal {@code real +/- imag}, as match values take them. */
  private Expr signedNumberOrComplex() {
    int start = start();
    Expr real = signedNumber();
    if (at(PLUS) || at(MINUS)) {
      BinaryOperator op = at(PLUS) ? BinaryOperator.ADD : BinaryOperator.SUB;
      p++;
      int imagStart = start();
      expect(NUMBER);
      Expr imag =
          new Expr.Constant(NumberLiterals.value(src, imagStart, prevEnd()), null, from(imagStart));
      if (!(((Expr.Constant) imag).value() instanceof Imaginary)) {
        throw fail(
            ErrorMessage.PATTERN_NOT_ALLOWED.format("imaginary number required in complex literal"),
            imag.range());
      }
      Expr realValue = real instanceof Expr.UnaryOp ? ((Expr.UnaryOp) real).operand() : real;
      if (((Expr.Constant) realValue).value() instanceof Imaginary) {
        throw fail(
            ErrorMessage.PATTERN_NOT_ALLOWED.format("real number required in complex literal"),
            real.range());
      }
      return new Expr.BinOp(real, op, imag, from(start));
    }
    return real;
  }

  private Expr signedNumber() {
    int start = start();
    if (accept(MINUS)) {
      int numberStart = start();
      expect(NUMBER);
      Expr number =
          new Expr.Constant(
              NumberLiterals.value(src, numberStart, prevEnd()), null, from(numberStart));
      return new Expr.UnaryOp(UnaryOperator.USUB, number, from(start));
    }
    expect(NUMBER);
    return new Expr.Constant(NumberLiterals.value(src, start, prevEnd()), null, from(start));
  }

  /** A capture, the wildcard, a dotted value, or a class pattern. */
  private Pattern namePattern() {
    int start = start();
    String first = name();
    if (!at(DOT) && !at(LPAR)) {
      if (at(EQUAL)) {
        throw unexpected();
      }
      return new Pattern.MatchAs(null, first.equals("_") ? null : first, from(start));
    }
    Expr value = new Expr.Name(first, ExprContext.LOAD, from(start));
    while (accept(DOT)) {
      value = new Expr.Attribute(value, name(), ExprContext.LOAD, from(start));
    }
    if (at(LPAR)) {
      return classPattern(value, start);
    }
    return new Pattern.MatchValue(value, from(start));
  }

  private Pattern classPattern(Expr cls, int start) {
    expect(LPAR);
    List<Pattern> patterns = new ArrayList<>();
    List<String> kwdAttrs = new ArrayList<>();
    List<Pattern> kwdPatterns = new ArrayList<>();
    while (!at(RPAR)) {
      if (at(NAME) && kind(1) == EQUAL) {
        kwdAttrs.add(name());
        p++;
        kwdPatterns.add(pattern());
      } else {
        int itemStart = start();
        Pattern positional = pattern();
        if (!kwdAttrs.isEmpty()) {
          throw failAt(
              ErrorMessage.PATTERN_NOT_ALLOWED.format(
                  "positional patterns follow keyword patterns"),
              itemStart);
        }
        patterns.add(positional);
      }
      if (!accept(COMMA)) {
        break;
      }
    }
    expect(RPAR);
    return new Pattern.MatchClass(cls, patterns, kwdAttrs, kwdPatterns, from(start));
  }

  /** A group pattern {@code (p)} or a parenthesized sequence pattern. */
  private Pattern parenthesizedPattern() {
    int start = start();
    p++;
    if (accept(RPAR)) {
      return new Pattern.MatchSequence(List.of(), from(start));
    }
    Pattern first = maybeStarPattern();
    if (accept(RPAR)) {
      if (first instanceof Pattern.MatchStar) {
        return new Pattern.MatchSequence(List.of(first), from(start));
      }
      return first;
    }
    List<Pattern> items = new ArrayList<>();
    items.add(first);
    expect(COMMA);
    while (!at(RPAR)) {
      items.add(maybeStarPattern());
      if (!accept(COMMA)) {
        break;
      }
    }
    expect(RPAR);
    return new Pattern.MatchSequence(items, from(start));
  }

  private Pattern bracketPattern() {
    int start = start();
    p++;
    List<Pattern> items = new ArrayList<>();
    while (!at(RSQB)) {
      items.add(maybeStarPattern());
      if (!accept(COMMA)) {
        break;
      }
    }
    expect(RSQB);
    return new Pattern.MatchSequence(items, from(start));
  }

  private Pattern mappingPattern() {
    int start = start();
    p++;
    List<Expr> keys = new ArrayList<>();
    List<Pattern> patterns = new ArrayList<>();
    String rest = null;
    while (!at(RBRACE)) {
      if (rest != null) {
        throw unexpected();
      }
      if (accept(DOUBLESTAR)) {
        int restStart = start();
        rest = name();
        if (rest.equals("_")) {
          throw failAt(ErrorMessage.INVALID_SYNTAX.format(), restStart);
        }
      } else {
        keys.add(mappingKey());
        expect(COLON);
        patterns.add(pattern());
      }
      if (!accept(COMMA)) {
        break;
      }
    }
    expect(RBRACE);
    return new Pattern.MatchMapping(keys, patterns, rest, from(start));
  }

  private Expr mappingKey() {
    int start = start();
    switch (kind()) {
      case NONE:
        p++;
        return new Expr.Constant(Singleton.NONE, null, from(start));
      case TRUE:
        p++;
        return new Expr.Constant(Boolean.TRUE, null, from(start));
      case FALSE:
        p++;
        return new Expr.Constant(Boolean.FALSE, null, from(start));
      case NUMBER:
      case MINUS:
        return signedNumberOrComplex();
      case STRING:
      case FSTRING_START:
        return strings();
      case NAME:
        Expr value = new Expr.Name(name(), ExprContext.LOAD, from(start));
        if (!at(DOT)) {
          throw unexpected();
        }
        while (accept(DOT)) {
          value = new Expr.Attribute(value, name(), ExprContext.LOAD, from(start));
        }
        return value;
      default:
        throw unexpected();
    }
  }
}
