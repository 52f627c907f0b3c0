package dev.asynclint.syntax.parser;

import static dev.asynclint.syntax.lexer.TokenKind.*;

import dev.asynclint.syntax.ErrorMessage;
import dev.asynclint.syntax.PythonVersion;
import dev.asynclint.syntax.ast.Arguments;
import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.syntax.ast.Keyword;
import dev.asynclint.syntax.ast.Stmt;
import dev.asynclint.syntax.ast.TypeParam;
import dev.asynclint.text.TextRange;
import java.util.ArrayList;
import java.util.List;

/** Function and class definitions, their decorators and PEP 695 type parameters. */
final class DefinitionParser {
  private final StatementParser parser;

  DefinitionParser(StatementParser parser) {
    this.parser = parser;
  }

  Stmt decorated() {
    List<Expr> decorators = new ArrayList<>();
    while (parser.accept(AT)) {
      Expr decorator = parser.namedExpression();
      if (!isDottedCall(decorator)) {
        parser.require(
            PythonVersion.PY39,
            "a decorator other than a dotted name or call",
            decorator.range().start());
      }
      decorators.add(decorator);
      parser.expect(NEWLINE);
    }
    int start = parser.start();
    if (parser.at(DEF)) {
      return functionDef(decorators, start);
    }
    if (parser.at(CLASS)) {
      return classDef(decorators, start);
    }
    if (parser.at(ASYNC) && parser.kind(1) == DEF) {
      parser.p++;
      return functionDef(decorators, start);
    }
    throw parser.expected("function or class definition");
  }

  Stmt functionDef(List<Expr> decorators, int start) {
    boolean isAsync =
        parser.p > 0
            && parser.tokens.kind(parser.p - 1) == ASYNC
            && parser.startOf(parser.p - 1) == start;
    parser.expect(DEF);
    String name = parser.name();
    List<TypeParam> typeParams = typeParams();
    parser.expect(LPAR);
    Arguments args = ParameterParser.parse(parser, RPAR, true);
    parser.expect(RPAR);
    Expr returns = parser.accept(RARROW) ? parser.expression() : null;
    parser.expect(COLON);
    List<Stmt> body = parser.block();
    TextRange range = new TextRange(start, parser.lastSignificantEnd());
    if (isAsync) {
      return new Stmt.AsyncFunctionDef(name, args, body, decorators, returns, typeParams, range);
    }
    return new Stmt.FunctionDef(name, args, body, decorators, returns, typeParams, range);
  }

  Stmt classDef(List<Expr> decorators, int start) {
    parser.expect(CLASS);
    String name = parser.name();
    List<TypeParam> typeParams = typeParams();
    List<Expr> bases = new ArrayList<>();
    List<Keyword> keywords = new ArrayList<>();
    if (parser.at(LPAR)) {
      int open = parser.start();
      parser.p++;
      parser.callArguments(bases, keywords, open);
      for (Expr base : bases) {
        if (base instanceof Expr.GeneratorExp && base.range().start() == open) {
          throw parser.fail(ErrorMessage.INVALID_SYNTAX.format(), base.range());
        }
      }
    }
    parser.expect(COLON);
    List<Stmt> body = parser.block();
    return new Stmt.ClassDef(
        name,
        bases,
        keywords,
        body,
        decorators,
        typeParams,
        new TextRange(start, parser.lastSignificantEnd()));
  }

  /** PEP 695 type parameters in brackets, or an empty list when there are none. */
  List<TypeParam> typeParams() {
    if (!parser.at(LSQB)) {
      return List.of();
    }
    parser.require(PythonVersion.PY312, "type parameter lists", parser.start());
    parser.p++;
    List<TypeParam> params = new ArrayList<>();
    do {
      if (parser.at(RSQB) && !params.isEmpty()) {
        break;
      }
      int start = parser.start();
      TypeParam param;
      if (parser.accept(STAR)) {
        String name = parser.name();
        Expr defaultValue = parser.accept(EQUAL) ? parser.starExpression() : null;
        param = new TypeParam.TypeVarTuple(name, defaultValue, parser.from(start));
      } else if (parser.accept(DOUBLESTAR)) {
        String name = parser.name();
        Expr defaultValue = parser.accept(EQUAL) ? parser.expression() : null;
        param = new TypeParam.ParamSpec(name, defaultValue, parser.from(start));
      } else {
        String name = parser.name();
        Expr bound = parser.accept(COLON) ? parser.expression() : null;
        Expr defaultValue = parser.accept(EQUAL) ? parser.expression() : null;
        param = new TypeParam.TypeVar(name, bound, defaultValue, parser.from(start));
      }
      if (defaultOf(param) != null) {
        parser.require(PythonVersion.PY313, "type parameter defaults", start);
      }
      params.add(param);
    } while (parser.accept(COMMA));
    parser.expect(RSQB);
    return params;
  }

  /** What decorators could be before 3.9 (PEP 614): {@code a.b} or {@code a.b(...)}. */
  private static boolean isDottedCall(Expr decorator) {
    Expr target = decorator instanceof Expr.Call ? ((Expr.Call) decorator).func() : decorator;
    while (target instanceof Expr.Attribute) {
      target = ((Expr.Attribute) target).value();
    }
    return target instanceof Expr.Name;
  }

  private static Expr defaultOf(TypeParam param) {
    if (param instanceof TypeParam.TypeVar) {
      return ((TypeParam.TypeVar) param).defaultValue();
    }
    if (param instanceof TypeParam.ParamSpec) {
      return ((TypeParam.ParamSpec) param).defaultValue();
    }
    return ((TypeParam.TypeVarTuple) param).defaultValue();
  }
}
