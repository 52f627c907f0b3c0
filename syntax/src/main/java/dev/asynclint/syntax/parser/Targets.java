package dev.asynclint.syntax.parser;

import dev.asynclint.syntax.ErrorMessage;
import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.syntax.ast.ExprContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns expressions parsed as loads into assignment and deletion targets, rejecting what cannot be
 * assigned to. The parser reads a target as an expression first because the two share their syntax
 * until the {@code =}, {@code in} or {@code as} that follows.
 */
final class Targets {
  private Targets() {}

  /** A {@code star_targets} target: names, attributes, subscripts, starred, tuples and lists. */
  static Expr store(TokenCursor parser, Expr e) {
    return convert(parser, e, ExprContext.STORE);
  }

  /** A {@code del} target: like an assignment target, but nothing starred. */
  static Expr delete(TokenCursor parser, Expr e) {
    return convert(parser, e, ExprContext.DEL);
  }

  /** A target of augmented assignment or annotation: a name, attribute or subscript. */
  static Expr single(TokenCursor parser, Expr e, ErrorMessage message) {
    if (e instanceof Expr.Name || e instanceof Expr.Attribute || e instanceof Expr.Subscript) {
      return store(parser, e);
    }
    throw parser.fail(message.format(describe(e)), e.range());
  }

  private static Expr convert(TokenCursor parser, Expr e, ExprContext ctx) {
    if (e instanceof Expr.Name) {
      Expr.Name n = (Expr.Name) e;
      return new Expr.Name(n.id(), ctx, n.range());
    }
    if (e instanceof Expr.Attribute) {
      Expr.Attribute a = (Expr.Attribute) e;
      return new Expr.Attribute(a.value(), a.attr(), ctx, a.range());
    }
    if (e instanceof Expr.Subscript) {
      Expr.Subscript s = (Expr.Subscript) e;
      return new Expr.Subscript(s.value(), s.slice(), ctx, s.range());
    }
    if (e instanceof Expr.Starred && ctx == ExprContext.STORE) {
      Expr.Starred s = (Expr.Starred) e;
      if (s.value() instanceof Expr.Starred) {
        throw parser.fail(ErrorMessage.INVALID_SYNTAX.format(), s.range());
      }
      return new Expr.Starred(convert(parser, s.value(), ctx), ctx, s.range());
    }
    if (e instanceof Expr.Tuple) {
      Expr.Tuple t = (Expr.Tuple) e;
      return new Expr.Tuple(convertAll(parser, t.elts(), ctx), ctx, t.range());
    }
    if (e instanceof Expr.ListDisplay) {
      Expr.ListDisplay l = (Expr.ListDisplay) e;
      return new Expr.ListDisplay(convertAll(parser, l.elts(), ctx), ctx, l.range());
    }
    ErrorMessage message =
        ctx == ExprContext.STORE ? ErrorMessage.CANNOT_ASSIGN : ErrorMessage.CANNOT_DELETE;
    throw parser.fail(message.format(describe(e)), e.range());
  }

  private static List<Expr> convertAll(TokenCursor parser, List<Expr> elts, ExprContext ctx) {
    List<Expr> result = new ArrayList<>(elts.size());
    for (Expr elt : elts) {
      result.add(convert(parser, elt, ctx));
    }
    return result;
  }

  /** How CPython names an expression that cannot be a target. */
  static String describe(Expr e) {
    if (e instanceof Expr.Call) {
      return "function call";
    }
    if (e instanceof Expr.Constant) {
      Object value = ((Expr.Constant) e).value();
      if (value instanceof Boolean) {
        return value.toString();
      }
      if (value == dev.asynclint.syntax.ast.Singleton.NONE) {
        return "None";
      }
      if (value == dev.asynclint.syntax.ast.Singleton.ELLIPSIS) {
        return "ellipsis";
      }
      return "literal";
    }
    if (e instanceof Expr.JoinedStr) {
      return "f-string expression";
    }
    if (e instanceof Expr.Compare) {
      return "comparison";
    }
    if (e instanceof Expr.BinOp || e instanceof Expr.UnaryOp || e instanceof Expr.BoolOp) {
      return "expression";
    }
    if (e instanceof Expr.Lambda) {
      return "lambda";
    }
    if (e instanceof Expr.IfExp) {
      return "conditional expression";
    }
    if (e instanceof Expr.NamedExpr) {
      return "named expression";
    }
    if (e instanceof Expr.Await) {
      return "await expression";
    }
    if (e instanceof Expr.Yield || e instanceof Expr.YieldFrom) {
      return "yield expression";
    }
    if (e instanceof Expr.GeneratorExp) {
      return "generator expression";
    }
    if (e instanceof Expr.ListComp) {
      return "list comprehension";
    }
    if (e instanceof Expr.SetComp) {
      return "set comprehension";
    }
    if (e instanceof Expr.DictComp) {
      return "dict comprehension";
    }
    if (e instanceof Expr.DictDisplay) {
      return "dict literal";
    }
    if (e instanceof Expr.SetDisplay) {
      return "set display";
    }
    if (e instanceof Expr.Starred) {
      return "starred";
    }
    if (e instanceof Expr.Tuple) {
      return "tuple";
    }
    if (e instanceof Expr.ListDisplay) {
      return "list";
    }
    return "expression";
  }
}
