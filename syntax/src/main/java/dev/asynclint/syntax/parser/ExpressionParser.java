package dev.asynclint.syntax.parser;

import static dev.asynclint.syntax.lexer.TokenKind.*;

import dev.asynclint.syntax.ErrorMessage;
import dev.asynclint.syntax.PythonVersion;
import dev.asynclint.syntax.ast.Arguments;
import dev.asynclint.syntax.ast.BinaryOperator;
import dev.asynclint.syntax.ast.BoolOperator;
import dev.asynclint.syntax.ast.CompareOperator;
import dev.asynclint.syntax.ast.Comprehension;
import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.syntax.ast.ExprContext;
import dev.asynclint.syntax.ast.Keyword;
import dev.asynclint.syntax.ast.Singleton;
import dev.asynclint.syntax.ast.UnaryOperator;
import dev.asynclint.syntax.lexer.TokenKind;
import dev.asynclint.syntax.lexer.Tokens;
import dev.asynclint.text.TextRange;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Python expressions, following the structure of CPython's PEG grammar. */
abstract class ExpressionParser extends TokenCursor {
  private final StringParser strings;
  private final DisplayParser displays;
  // The items of expression lists, made once per parser rather than once per statement.
  private final Supplier<Expr> starExpressionItem = this::starExpression;
  private final Supplier<Expr> expressionItem = this::expression;
  private final Supplier<Expr> starTargetItem = this::starTarget;
  private final List<List<Expr>> argumentLists = new ArrayList<>();
  private final List<List<Keyword>> keywordLists = new ArrayList<>();
  private int callDepth;

  ExpressionParser(String src, Tokens tokens, PythonVersion version) {
    super(src, tokens, version);
    this.strings = new StringParser(this);
    this.displays = new DisplayParser(this);
  }

  // ---------------------------------------------------------------- expression lists

  /** {@code star_expressions}: a tuple when a comma follows the first item. */
  final Expr starExpressions() {
    return commaSeparated(starExpressionItem);
  }

  /**
   * One item, or a tuple of the items when commas follow it (a trailing comma allowed): the shape
   * of {@code star_expressions}, {@code expressions} and {@code star_targets}.
   */
  private Expr commaSeparated(Supplier<Expr> item) {
    int start = start();
    Expr first = item.get();
    if (!at(COMMA)) {
      return first;
    }
    List<Expr> elts = new ArrayList<>();
    elts.add(first);
    while (accept(COMMA)) {
      if (!startsExpression()) {
        break;
      }
      elts.add(item.get());
    }
    return new Expr.Tuple(elts, ExprContext.LOAD, from(start));
  }

  /** {@code star_expression}: {@code *bitwise_or} or an expression. */
  final Expr starExpression() {
    if (at(STAR)) {
      int start = start();
      p++;
      Expr value = bitwiseOr();
      return new Expr.Starred(value, ExprContext.LOAD, from(start));
    }
    return expression();
  }

  /** {@code star_named_expression}, the items of list, tuple and set displays. */
  final Expr starNamedExpression() {
    if (at(STAR)) {
      int start = start();
      p++;
      Expr value = bitwiseOr();
      return new Expr.Starred(value, ExprContext.LOAD, from(start));
    }
    return namedExpression();
  }

  /** {@code expressions}: comma-separated expressions without stars, a tuple if more than one. */
  final Expr expressions() {
    return commaSeparated(expressionItem);
  }

  /** Whether the current token can begin an expression (used after trailing commas). */
  final boolean startsExpression() {
    switch (kind()) {
      case NAME:
      case NUMBER:
      case STRING:
      case FSTRING_START:
      case LPAR:
      case LSQB:
      case LBRACE:
      case MINUS:
      case PLUS:
      case TILDE:
      case STAR:
      case NOT:
      case AWAIT:
      case LAMBDA:
      case NONE:
      case TRUE:
      case FALSE:
      case ELLIPSIS:
        return true;
      default:
        return false;
    }
  }

  /** {@code named_expression}: {@code NAME := expression} or an expression. */
  final Expr namedExpression() {
    if (at(NAME) && kind(1) == COLONEQUAL) {
      int start = start();
      Expr.Name target = new Expr.Name(name(), ExprContext.STORE, from(start));
      p++;
      Expr value = expression();
      return new Expr.NamedExpr(target, value, from(start));
    }
    Expr e = expression();
    if (at(COLONEQUAL)) {
      throw fail(ErrorMessage.NAMED_EXPR_TARGET.format(Targets.describe(e)), e.range());
    }
    return e;
  }

  // ---------------------------------------------------------------- expression

  /** {@code expression}: a conditional expression, a lambda, or a disjunction. */
  final Expr expression() {
    enter();
    try {
      if (at(LAMBDA)) {
        return lambda();
      }
      int start = start();
      Expr body = disjunction();
      if (at(IF)) {
        p++;
        Expr test = disjunction();
        expect(ELSE);
        Expr orElse = expression();
        return new Expr.IfExp(test, body, orElse, from(start));
      }
      return body;
    } finally {
      leave();
    }
  }

  final Expr disjunction() {
    int start = start();
    Expr first = conjunction();
    if (!at(OR)) {
      return first;
    }
    List<Expr> values = new ArrayList<>();
    values.add(first);
    while (accept(OR)) {
      values.add(conjunction());
    }
    return new Expr.BoolOp(BoolOperator.OR, values, from(start));
  }

  private Expr conjunction() {
    int start = start();
    Expr first = inversion();
    if (!at(AND)) {
      return first;
    }
    List<Expr> values = new ArrayList<>();
    values.add(first);
    while (accept(AND)) {
      values.add(inversion());
    }
    return new Expr.BoolOp(BoolOperator.AND, values, from(start));
  }

  private Expr inversion() {
    if (at(NOT)) {
      int start = start();
      p++;
      enter();
      try {
        Expr operand = inversion();
        return new Expr.UnaryOp(UnaryOperator.NOT, operand, from(start));
      } finally {
        leave();
      }
    }
    return comparison();
  }

  private Expr comparison() {
    int start = start();
    Expr left = bitwiseOr();
    CompareOperator op = compareOperator();
    if (op == null) {
      return left;
    }
    List<CompareOperator> ops = new ArrayList<>();
    List<Expr> comparators = new ArrayList<>();
    while (op != null) {
      ops.add(op);
      comparators.add(bitwiseOr());
      op = compareOperator();
    }
    return new Expr.Compare(left, ops, comparators, from(start));
  }

  /** Consumes a comparison operator, or returns null without consuming. */
  private CompareOperator compareOperator() {
    switch (kind()) {
      case EQEQUAL:
        p++;
        return CompareOperator.EQ;
      case NOTEQUAL:
        p++;
        return CompareOperator.NOT_EQ;
      case LESS:
        p++;
        return CompareOperator.LT;
      case LESSEQUAL:
        p++;
        return CompareOperator.LT_E;
      case GREATER:
        p++;
        return CompareOperator.GT;
      case GREATEREQUAL:
        p++;
        return CompareOperator.GT_E;
      case IN:
        p++;
        return CompareOperator.IN;
      case IS:
        p++;
        return accept(NOT) ? CompareOperator.IS_NOT : CompareOperator.IS;
      case NOT:
        if (kind(1) == IN) {
          p += 2;
          return CompareOperator.NOT_IN;
        }
        return null;
      default:
        return null;
    }
  }

  /** {@code bitwise_or} and everything that binds tighter, by precedence climbing. */
  final Expr bitwiseOr() {
    return binary(1);
  }

  private Expr binary(int minPrecedence) {
    int start = start();
    Expr left = factor();
    for (int length = 1; ; length++) {
      TokenKind k = kind();
      int precedence = Operators.precedence(k);
      if (precedence < minPrecedence) {
        return left;
      }
      chain(length);
      p++;
      Expr right = binary(precedence + 1);
      left = new Expr.BinOp(left, Operators.binary(k), right, from(start));
    }
  }

  /** {@code factor}: unary plus, minus and inversion, binding looser than {@code **}. */
  private Expr factor() {
    UnaryOperator op;
    switch (kind()) {
      case PLUS:
        op = UnaryOperator.UADD;
        break;
      case MINUS:
        op = UnaryOperator.USUB;
        break;
      case TILDE:
        op = UnaryOperator.INVERT;
        break;
      default:
        return power();
    }
    int start = start();
    p++;
    enter();
    try {
      Expr operand = factor();
      return new Expr.UnaryOp(op, operand, from(start));
    } finally {
      leave();
    }
  }

  private Expr power() {
    int start = start();
    Expr base = awaitPrimary();
    if (at(DOUBLESTAR)) {
      p++;
      enter();
      try {
        Expr exponent = factor();
        return new Expr.BinOp(base, BinaryOperator.POW, exponent, from(start));
      } finally {
        leave();
      }
    }
    return base;
  }

  private Expr awaitPrimary() {
    if (at(AWAIT)) {
      int start = start();
      p++;
      Expr value = primary();
      return new Expr.Await(value, from(start));
    }
    return primary();
  }

  // ---------------------------------------------------------------- primaries

  /** {@code primary}: an atom followed by attribute, call and subscript trailers. */
  final Expr primary() {
    int start = start();
    Expr e = atom();
    for (int length = 1; ; length++) {
      chain(length);
      switch (kind()) {
        case DOT:
          p++;
          String attr = name();
          e = new Expr.Attribute(e, attr, ExprContext.LOAD, from(start));
          break;
        case LPAR:
          e = call(e, start);
          break;
        case LSQB:
          p++;
          Expr slice = slices();
          expect(RSQB);
          e = new Expr.Subscript(e, slice, ExprContext.LOAD, from(start));
          break;
        default:
          return e;
      }
    }
  }

  final String name() {
    int index = expect(NAME);
    return identifier(index);
  }

  /** The identifier of a name token; non-ASCII names are NFKC-normalized like CPython. */
  final String identifier(int index) {
    return identifiers.of(src, tokens.start(index), tokens.end(index));
  }

  private Expr call(Expr func, int start) {
    int open = start();
    p++;
    // The node copies the arguments: the lists they are gathered in are kept for the next call at
    // the same depth (calls nest), instead of a pair of new lists for every call of a file.
    if (callDepth == argumentLists.size()) {
      argumentLists.add(new ArrayList<>());
      keywordLists.add(new ArrayList<>());
    }
    List<Expr> args = argumentLists.get(callDepth);
    List<Keyword> keywords = keywordLists.get(callDepth);
    callDepth++;
    try {
      callArguments(args, keywords, open);
      return new Expr.Call(func, args, keywords, from(start));
    } finally {
      callDepth--;
      args.clear();
      keywords.clear();
    }
  }

  /** The arguments of a call or class definition after the open parenthesis, through the close. */
  final void callArguments(List<Expr> args, List<Keyword> keywords, int open) {
    boolean sawKeyword = false;
    boolean sawDoubleStar = false;
    while (!at(RPAR)) {
      int argStart = start();
      if (at(STAR)) {
        p++;
        Expr value = expression();
        if (sawDoubleStar) {
          throw failAt(ErrorMessage.ITERABLE_AFTER_KWARGS.format(), argStart);
        }
        args.add(new Expr.Starred(value, ExprContext.LOAD, from(argStart)));
      } else if (at(DOUBLESTAR)) {
        p++;
        Expr value = expression();
        keywords.add(new Keyword(null, value, from(argStart)));
        sawDoubleStar = true;
      } else if (at(NAME) && kind(1) == EQUAL) {
        String arg = name();
        p++;
        Expr value = expression();
        keywords.add(new Keyword(arg, value, from(argStart)));
        sawKeyword = true;
      } else {
        Expr value = namedExpression();
        if (at(FOR) || (at(ASYNC) && kind(1) == FOR)) {
          List<Comprehension> generators = comprehensionClauses();
          boolean sole = args.isEmpty() && keywords.isEmpty() && at(RPAR);
          if (!sole) {
            throw fail(ErrorMessage.GENERATOR_NOT_SOLE.format(), from(argStart));
          }
          int close = start();
          Expr generator = new Expr.GeneratorExp(value, generators, new TextRange(open, close + 1));
          args.add(generator);
          break;
        }
        if (at(EQUAL)) {
          throw fail(ErrorMessage.KEYWORD_EXPRESSION.format(), value.range());
        }
        if (sawDoubleStar) {
          throw fail(ErrorMessage.POSITIONAL_AFTER_KWARGS.format(), value.range());
        }
        if (sawKeyword) {
          throw fail(ErrorMessage.POSITIONAL_AFTER_KEYWORD.format(), value.range());
        }
        args.add(value);
      }
      if (!accept(COMMA)) {
        break;
      }
    }
    expect(RPAR);
  }

  /** {@code slices}: one slice, or a tuple of slices and starred expressions. */
  private Expr slices() {
    int start = start();
    Expr first = sliceItem();
    if (!at(COMMA)) {
      if (first instanceof Expr.Starred) {
        return new Expr.Tuple(List.of(first), ExprContext.LOAD, from(start));
      }
      return first;
    }
    List<Expr> elts = new ArrayList<>();
    elts.add(first);
    while (accept(COMMA)) {
      if (at(RSQB)) {
        break;
      }
      elts.add(sliceItem());
    }
    return new Expr.Tuple(elts, ExprContext.LOAD, from(start));
  }

  private Expr sliceItem() {
    int start = start();
    if (at(STAR)) {
      require(PythonVersion.PY311, "starred expression in a subscript", start);
      p++;
      Expr value = expression();
      return new Expr.Starred(value, ExprContext.LOAD, from(start));
    }
    Expr lower = null;
    if (!at(COLON)) {
      lower = namedExpression();
      if (lower instanceof Expr.NamedExpr && lower.range().start() == start) {
        require(
            PythonVersion.PY310, "an unparenthesized assignment expression in a subscript", start);
      }
      if (!at(COLON)) {
        return lower;
      }
    }
    expect(COLON);
    Expr upper = null;
    if (!at(COLON) && !at(COMMA) && !at(RSQB)) {
      upper = expression();
    }
    Expr step = null;
    if (accept(COLON)) {
      if (!at(COMMA) && !at(RSQB)) {
        step = expression();
      }
    }
    if (lower instanceof Expr.NamedExpr && lower.range().start() == start) {
      throw fail(ErrorMessage.INVALID_SYNTAX.format(), lower.range());
    }
    return new Expr.Slice(lower, upper, step, from(start));
  }

  // ---------------------------------------------------------------- atoms

  private Expr atom() {
    int start = start();
    switch (kind()) {
      case NAME:
        return new Expr.Name(name(), ExprContext.LOAD, from(start));
      case TRUE:
        p++;
        return new Expr.Constant(Boolean.TRUE, null, from(start));
      case FALSE:
        p++;
        return new Expr.Constant(Boolean.FALSE, null, from(start));
      case NONE:
        p++;
        return new Expr.Constant(Singleton.NONE, null, from(start));
      case ELLIPSIS:
        p++;
        return new Expr.Constant(Singleton.ELLIPSIS, null, from(start));
      case NUMBER:
        if (NumberLiterals.tooManyDigits(src, start, tokens.end(p))) {
          throw failAt(
              ErrorMessage.TOO_MANY_DIGITS.format(NumberLiterals.MAX_DECIMAL_DIGITS), start);
        }
        p++;
        return new Expr.Constant(
            NumberLiterals.value(src, tokens.start(p - 1), tokens.end(p - 1)), null, from(start));
      case STRING:
      case FSTRING_START:
        return strings.concatenation();
      case LPAR:
        return displays.parenthesized();
      case LSQB:
        return displays.listDisplay();
      case LBRACE:
        return displays.braceDisplay();
      default:
        throw unexpected();
    }
  }

  /** Adjacent string literals; bytes, plain and f-strings. */
  final Expr strings() {
    return strings.concatenation();
  }

  /** {@code for_if_clauses}: one or more {@code [async] for targets in disjunction [if ...]}. */
  final List<Comprehension> comprehensionClauses() {
    List<Comprehension> generators = new ArrayList<>();
    while (at(FOR) || (at(ASYNC) && kind(1) == FOR)) {
      int isAsync = accept(ASYNC) ? 1 : 0;
      expect(FOR);
      Expr target = Targets.store(this, starTargets());
      expect(IN);
      Expr iter = disjunction();
      List<Expr> ifs = new ArrayList<>();
      while (accept(IF)) {
        ifs.add(disjunction());
      }
      generators.add(new Comprehension(target, iter, ifs, isAsync));
    }
    return generators;
  }

  /**
   * {@code star_targets} read as expressions that bind no looser than {@code |}, so that the {@code
   * in} of a {@code for} is not taken for a comparison; the caller converts them.
   */
  final Expr starTargets() {
    return commaSeparated(starTargetItem);
  }

  private Expr starTarget() {
    if (at(STAR)) {
      int start = start();
      p++;
      if (at(STAR)) {
        throw unexpected();
      }
      Expr value = starTarget();
      return new Expr.Starred(value, ExprContext.LOAD, from(start));
    }
    return bitwiseOr();
  }

  // ---------------------------------------------------------------- yield and lambda

  /** {@code yield_expr}: {@code yield from e}, {@code yield}, or {@code yield star_expressions}. */
  final Expr yieldExpression() {
    int start = start();
    expect(YIELD);
    if (accept(FROM)) {
      Expr value = expression();
      return new Expr.YieldFrom(value, from(start));
    }
    Expr value = startsExpression() ? starExpressions() : null;
    return new Expr.Yield(value, from(start));
  }

  private Expr lambda() {
    int start = start();
    expect(LAMBDA);
    Arguments args = ParameterParser.parse(this, COLON, false);
    expect(COLON);
    Expr body = expression();
    return new Expr.Lambda(args, body, from(start));
  }
}
