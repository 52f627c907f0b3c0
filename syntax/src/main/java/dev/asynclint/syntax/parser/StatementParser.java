package dev.asynclint.syntax.parser;

import static dev.asynclint.syntax.lexer.TokenKind.*;

import dev.asynclint.syntax.ErrorMessage;
import dev.asynclint.syntax.PythonVersion;
import dev.asynclint.syntax.ast.ExceptHandler;
import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.syntax.ast.ExprContext;
import dev.asynclint.syntax.ast.MatchCase;
import dev.asynclint.syntax.ast.Pattern;
import dev.asynclint.syntax.ast.Stmt;
import dev.asynclint.syntax.ast.TypeParam;
import dev.asynclint.syntax.ast.WithItem;
import dev.asynclint.syntax.lexer.TokenKind;
import dev.asynclint.syntax.lexer.Tokens;
import dev.asynclint.text.TextRange;
import java.util.ArrayList;
import java.util.List;

/** Python statements: simple statements, compound statements and blocks. */
class StatementParser extends PatternParser {
  private final ImportParser imports = new ImportParser(this);
  private final DefinitionParser definitions = new DefinitionParser(this);

  StatementParser(String src, Tokens tokens, PythonVersion version) {
    super(src, tokens, version);
  }

  /** One statement line: a compound statement, or simple statements separated by {@code ;}. */
  final void statement(List<Stmt> out) {
    switch (kind()) {
      case DEF:
      case CLASS:
      case AT:
      case IF:
      case WHILE:
      case FOR:
      case TRY:
      case WITH:
        out.add(compoundStatement());
        return;
      case ASYNC:
        if (kind(1) == DEF || kind(1) == FOR || kind(1) == WITH) {
          out.add(compoundStatement());
          return;
        }
        break;
      case NAME:
        if (atName("match") && version.atLeast(PythonVersion.PY310)) {
          Stmt match = tryMatchStatement();
          if (match != null) {
            out.add(match);
            return;
          }
        }
        break;
      case INDENT:
        throw failAt(ErrorMessage.UNEXPECTED_INDENT.format(), start());
      default:
        break;
    }
    simpleStatements(out);
  }

  private Stmt compoundStatement() {
    enter();
    try {
      switch (kind()) {
        case DEF:
          return definitions.functionDef(List.of(), start());
        case CLASS:
          return definitions.classDef(List.of(), start());
        case AT:
          return definitions.decorated();
        case IF:
          return ifStatement();
        case WHILE:
          return whileStatement();
        case FOR:
          return forStatement(start(), false);
        case TRY:
          return tryStatement();
        case WITH:
          return withStatement(start(), false);
        case ASYNC:
          int start = start();
          p++;
          if (at(DEF)) {
            return definitions.functionDef(List.of(), start);
          }
          if (at(FOR)) {
            return forStatement(start, true);
          }
          return withStatement(start, true);
        default:
          throw unexpected();
      }
    } finally {
      leave();
    }
  }

  // ---------------------------------------------------------------- blocks

  /** {@code block}: an indented suite after a newline, or simple statements on the same line. */
  final List<Stmt> block() {
    List<Stmt> body = new ArrayList<>();
    if (accept(NEWLINE)) {
      if (!at(INDENT)) {
        if (at(ERROR)) {
          throw lexerFailure();
        }
        throw failAt(ErrorMessage.EXPECTED_INDENT.format(), start());
      }
      p++;
      while (!at(DEDENT)) {
        if (at(ENDMARKER)) {
          throw unexpected();
        }
        statement(body);
      }
      p++;
    } else {
      simpleStatements(body);
    }
    return body;
  }

  // ---------------------------------------------------------------- simple statements

  private void simpleStatements(List<Stmt> out) {
    while (true) {
      out.add(simpleStatement());
      if (accept(SEMI)) {
        if (at(NEWLINE)) {
          break;
        }
        continue;
      }
      break;
    }
    if (!accept(NEWLINE)) {
      throw unexpected();
    }
  }

  private Stmt simpleStatement() {
    int start = start();
    switch (kind()) {
      case PASS:
        p++;
        return new Stmt.Pass(from(start));
      case BREAK:
        p++;
        return new Stmt.Break(from(start));
      case CONTINUE:
        p++;
        return new Stmt.Continue(from(start));
      case RETURN:
        p++;
        Expr value = atSimpleStatementEnd() ? null : starExpressions();
        return new Stmt.Return(value, from(start));
      case RAISE:
        return raiseStatement();
      case GLOBAL:
        p++;
        return new Stmt.Global(nameList(), from(start));
      case NONLOCAL:
        p++;
        return new Stmt.Nonlocal(nameList(), from(start));
      case DEL:
        return deleteStatement();
      case ASSERT:
        p++;
        Expr test = expression();
        Expr msg = accept(COMMA) ? expression() : null;
        return new Stmt.Assert(test, msg, from(start));
      case IMPORT:
        return imports.importStatement();
      case FROM:
        return imports.importFromStatement();
      case NAME:
        if (atName("type") && kind(1) == NAME && version.atLeast(PythonVersion.PY312)) {
          return typeAlias();
        }
        return expressionStatement();
      default:
        return expressionStatement();
    }
  }

  final boolean atSimpleStatementEnd() {
    return at(NEWLINE) || at(SEMI);
  }

  private List<String> nameList() {
    List<String> names = new ArrayList<>();
    names.add(name());
    while (accept(COMMA)) {
      names.add(name());
    }
    return names;
  }

  private Stmt raiseStatement() {
    int start = start();
    expect(RAISE);
    Expr exc = null;
    Expr cause = null;
    if (!atSimpleStatementEnd()) {
      exc = expression();
      if (accept(FROM)) {
        cause = expression();
      }
    }
    return new Stmt.Raise(exc, cause, from(start));
  }

  private Stmt deleteStatement() {
    int start = start();
    expect(DEL);
    List<Expr> targets = new ArrayList<>();
    do {
      if (atSimpleStatementEnd() && !targets.isEmpty()) {
        break;
      }
      targets.add(Targets.delete(this, bitwiseOr()));
    } while (accept(COMMA));
    if (!atSimpleStatementEnd()) {
      throw unexpected();
    }
    return new Stmt.Delete(targets, from(start));
  }

  private Stmt typeAlias() {
    int start = start();
    p++;
    int nameStart = start();
    Expr name = new Expr.Name(name(), ExprContext.STORE, from(nameStart));
    List<TypeParam> typeParams = definitions.typeParams();
    expect(EQUAL);
    Expr value = expression();
    return new Stmt.TypeAlias(name, typeParams, value, from(start));
  }

  /** Assignment in all its forms, or an expression statement. */
  private Stmt expressionStatement() {
    int start = start();
    Expr first = at(YIELD) ? yieldExpression() : starExpressions();
    switch (kind()) {
      case COLON:
        return annotatedAssignment(first, start);
      case EQUAL:
        return assignment(first, start);
      case PLUSEQUAL:
      case MINEQUAL:
      case STAREQUAL:
      case SLASHEQUAL:
      case PERCENTEQUAL:
      case AMPEREQUAL:
      case VBAREQUAL:
      case CIRCUMFLEXEQUAL:
      case LEFTSHIFTEQUAL:
      case RIGHTSHIFTEQUAL:
      case DOUBLESTAREQUAL:
      case DOUBLESLASHEQUAL:
      case ATEQUAL:
        TokenKind op = kind();
        Expr target = Targets.single(this, first, ErrorMessage.CANNOT_AUGASSIGN);
        p++;
        Expr value = at(YIELD) ? yieldExpression() : starExpressions();
        return new Stmt.AugAssign(target, Operators.binary(op), value, from(start));
      default:
        return new Stmt.ExprStatement(first, from(start));
    }
  }

  private Stmt annotatedAssignment(Expr first, int start) {
    if (first instanceof Expr.Tuple) {
      throw fail(ErrorMessage.ONLY_SINGLE_TARGET.format("tuple"), first.range());
    }
    if (first instanceof Expr.ListDisplay) {
      throw fail(ErrorMessage.ONLY_SINGLE_TARGET.format("list"), first.range());
    }
    Expr target = Targets.single(this, first, ErrorMessage.ILLEGAL_ANNOTATION_TARGET);
    expect(COLON);
    Expr annotation = expression();
    Expr value = null;
    if (accept(EQUAL)) {
      value = at(YIELD) ? yieldExpression() : starExpressions();
    }
    int simple = target instanceof Expr.Name && target.range().start() == start ? 1 : 0;
    return new Stmt.AnnAssign(target, annotation, value, simple, from(start));
  }

  private Stmt assignment(Expr first, int start) {
    List<Expr> items = new ArrayList<>();
    items.add(first);
    while (accept(EQUAL)) {
      items.add(at(YIELD) ? yieldExpression() : starExpressions());
    }
    List<Expr> targets = new ArrayList<>(items.size() - 1);
    for (int i = 0; i < items.size() - 1; i++) {
      targets.add(Targets.store(this, items.get(i)));
    }
    return new Stmt.Assign(targets, items.get(items.size() - 1), from(start));
  }

  // ---------------------------------------------------------------- compound statements

  /** An {@code if} with its {@code elif} chain, read in a loop so long chains need no stack. */
  private Stmt ifStatement() {
    List<Integer> starts = new ArrayList<>();
    List<Expr> tests = new ArrayList<>();
    List<List<Stmt>> bodies = new ArrayList<>();
    do {
      starts.add(start());
      p++;
      tests.add(namedExpression());
      expect(COLON);
      bodies.add(block());
      chain(starts.size());
    } while (at(ELIF));
    List<Stmt> orElse = List.of();
    if (accept(ELSE)) {
      expect(COLON);
      orElse = block();
    }
    int end = lastSignificantEnd();
    for (int i = starts.size() - 1; i >= 0; i--) {
      Stmt branch =
          new Stmt.If(tests.get(i), bodies.get(i), orElse, new TextRange(starts.get(i), end));
      orElse = List.of(branch);
    }
    return orElse.get(0);
  }

  private Stmt whileStatement() {
    int start = start();
    expect(WHILE);
    Expr test = namedExpression();
    expect(COLON);
    List<Stmt> body = block();
    List<Stmt> orElse = elseBlock();
    int end = lastSignificantEnd();
    return new Stmt.While(test, body, orElse, new TextRange(start, end));
  }

  private List<Stmt> elseBlock() {
    if (accept(ELSE)) {
      expect(COLON);
      return block();
    }
    return List.of();
  }

  private Stmt forStatement(int start, boolean isAsync) {
    expect(FOR);
    Expr target = Targets.store(this, starTargets());
    expect(IN);
    Expr iter = starExpressions();
    if (iter instanceof Expr.Tuple
        && ((Expr.Tuple) iter).elts().stream().anyMatch(e -> e instanceof Expr.Starred)
        && iter.range().start() == ((Expr.Tuple) iter).elts().get(0).range().start()) {
      require(PythonVersion.PY39, "unpacking in a for statement's iterable", iter.range().start());
    }
    expect(COLON);
    List<Stmt> body = block();
    List<Stmt> orElse = elseBlock();
    TextRange range = new TextRange(start, lastSignificantEnd());
    return isAsync
        ? new Stmt.AsyncFor(target, iter, body, orElse, range)
        : new Stmt.For(target, iter, body, orElse, range);
  }

  private Stmt withStatement(int start, boolean isAsync) {
    expect(WITH);
    boolean parenthesizedItems = at(LPAR) && version.atLeast(PythonVersion.PY39);
    List<WithItem> items = parenthesizedItems ? parenthesizedWithItems() : null;
    if (items == null) {
      items = new ArrayList<>();
      do {
        items.add(withItem());
      } while (accept(COMMA));
    }
    expect(COLON);
    List<Stmt> body = block();
    TextRange range = new TextRange(start, lastSignificantEnd());
    return isAsync ? new Stmt.AsyncWith(items, body, range) : new Stmt.With(items, body, range);
  }

  /**
   * {@code with (a as b, c):} — tried first, as CPython does; when the parentheses turn out to
   * belong to an expression ({@code with (a, b) as c:}), the caller reads the items again.
   */
  private List<WithItem> parenthesizedWithItems() {
    int save = p;
    int savedDepth = depth();
    try {
      p++;
      List<WithItem> items = new ArrayList<>();
      do {
        if (at(RPAR) && !items.isEmpty()) {
          break;
        }
        items.add(withItem());
      } while (accept(COMMA));
      expect(RPAR);
      if (!at(COLON)) {
        restore(save, savedDepth);
        return null;
      }
      return items;
    } catch (ParseFailure e) {
      restore(save, savedDepth);
      return null;
    }
  }

  private WithItem withItem() {
    Expr context = expression();
    Expr vars = null;
    if (accept(AS)) {
      vars = Targets.store(this, starTarget());
      if (!at(COMMA) && !at(COLON) && !at(RPAR)) {
        throw unexpected();
      }
    }
    return new WithItem(context, vars);
  }

  private Expr starTarget() {
    if (at(STAR)) {
      int start = start();
      p++;
      Expr value = bitwiseOr();
      return new Expr.Starred(value, ExprContext.LOAD, from(start));
    }
    return bitwiseOr();
  }

  private Stmt tryStatement() {
    int start = start();
    expect(TRY);
    expect(COLON);
    List<Stmt> body = block();
    List<ExceptHandler> handlers = new ArrayList<>();
    boolean star = false;
    while (at(EXCEPT)) {
      int handlerStart = start();
      p++;
      boolean thisStar = accept(STAR);
      if (thisStar) {
        require(PythonVersion.PY311, "except*", handlerStart);
      }
      if (!handlers.isEmpty() && thisStar != star) {
        throw failAt(ErrorMessage.MIXED_EXCEPT.format(), handlerStart);
      }
      star = thisStar;
      Expr type = null;
      String name = null;
      if (!at(COLON)) {
        type = expression();
        if (at(COMMA)) {
          if (!version.atLeast(PythonVersion.PY314)) {
            throw fail(ErrorMessage.EXCEPT_PARENS.format(), type.range());
          }
          type = unparenthesizedExceptTypes(type);
        } else if (accept(AS)) {
          name = name();
        }
      } else if (thisStar) {
        throw failAt(ErrorMessage.EXCEPT_STAR_BARE.format(), start());
      }
      expect(COLON);
      List<Stmt> handlerBody = block();
      handlers.add(
          new ExceptHandler(
              type, name, handlerBody, new TextRange(handlerStart, lastSignificantEnd())));
    }
    List<Stmt> orElse = List.of();
    if (!handlers.isEmpty() && accept(ELSE)) {
      expect(COLON);
      orElse = block();
    }
    List<Stmt> finalBody = List.of();
    if (accept(FINALLY)) {
      expect(COLON);
      finalBody = block();
    }
    if (handlers.isEmpty() && finalBody.isEmpty()) {
      throw expected("'except' or 'finally' block");
    }
    TextRange range = new TextRange(start, lastSignificantEnd());
    return star
        ? new Stmt.TryStar(body, handlers, orElse, finalBody, range)
        : new Stmt.Try(body, handlers, orElse, finalBody, range);
  }

  /** PEP 758 (3.14): {@code except A, B:} catches a tuple, but only without {@code as}. */
  private Expr unparenthesizedExceptTypes(Expr first) {
    List<Expr> types = new ArrayList<>();
    types.add(first);
    while (accept(COMMA)) {
      types.add(expression());
    }
    Expr tuple = new Expr.Tuple(types, ExprContext.LOAD, from(first.range().start()));
    if (at(AS)) {
      throw fail(ErrorMessage.EXCEPT_PARENS.format(), tuple.range());
    }
    return tuple;
  }

  // ---------------------------------------------------------------- match

  /** A match statement, or null (position unchanged) when {@code match} is just a name here. */
  private Stmt tryMatchStatement() {
    int save = p;
    int savedDepth = depth();
    int start = start();
    Expr subject;
    try {
      p++;
      subject = matchSubject();
      if (!at(COLON) || kind(1) != NEWLINE) {
        restore(save, savedDepth);
        return null;
      }
    } catch (ParseFailure e) {
      restore(save, savedDepth);
      return null;
    }
    p += 2;
    if (!accept(INDENT)) {
      throw failAt(ErrorMessage.EXPECTED_INDENT.format(), start());
    }
    List<MatchCase> cases = new ArrayList<>();
    while (!at(DEDENT)) {
      if (!atName("case")) {
        throw expected("'case'");
      }
      p++;
      Pattern pattern = patterns();
      Expr guard = accept(IF) ? namedExpression() : null;
      expect(COLON);
      cases.add(new MatchCase(pattern, guard, block()));
    }
    p++;
    return new Stmt.Match(subject, cases, new TextRange(start, lastSignificantEnd()));
  }

  private Expr matchSubject() {
    int start = start();
    Expr first = starNamedExpression();
    if (!at(COMMA)) {
      if (first instanceof Expr.Starred) {
        throw unexpected();
      }
      return first;
    }
    List<Expr> elts = new ArrayList<>();
    elts.add(first);
    while (accept(COMMA)) {
      if (at(COLON)) {
        break;
      }
      elts.add(starNamedExpression());
    }
    return new Expr.Tuple(elts, ExprContext.LOAD, from(start));
  }
}
