package dev.asynclint.rules.blocking;

import dev.asynclint.syntax.ast.Comprehension;
import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.syntax.ast.Node;
import dev.asynclint.syntax.ast.Stmt;
import dev.asynclint.syntax.ast.Walker;
import java.util.ArrayList;
import java.util.List;

/** Queries over the code of one function that {@link BusyWait} asks of a loop: no nested scopes. */
final class BusyWaitSyntax {
  private BusyWaitSyntax() {}

  /** The calls of {@code expr}, outside lambdas. */
  static List<Expr.Call> calls(Expr expr) {
    List<Expr.Call> calls = new ArrayList<>();
    new ScopeWalker() {
      @Override
      protected boolean enter(Node node) {
        if (node instanceof Expr.Call) {
          calls.add((Expr.Call) node);
        }
        return super.enter(node);
      }
    }.walk(expr);
    return calls;
  }

  /** The outermost names, attributes and subscripts {@code expr} reads (not called functions). */
  static List<Expr> reads(Expr expr) {
    List<Expr> reads = new ArrayList<>();
    new ScopeWalker() {
      @Override
      protected boolean enter(Node node) {
        if (node instanceof Expr.Call) {
          Expr func = ((Expr.Call) node).func();
          if (func instanceof Expr.Attribute) {
            walk(((Expr.Attribute) func).value());
          }
          ((Expr.Call) node).args().forEach(this::walk);
          ((Expr.Call) node).keywords().forEach(this::walk);
          return false;
        }
        if (node instanceof Expr.Name
            || node instanceof Expr.Attribute
            || node instanceof Expr.Subscript) {
          reads.add((Expr) node);
          if (node instanceof Expr.Attribute) {
            walk(((Expr.Attribute) node).value());
          } else if (node instanceof Expr.Subscript) {
            walk(((Expr.Subscript) node).value());
            walk(((Expr.Subscript) node).slice());
          }
          return false;
        }
        return super.enter(node);
      }
    }.walk(expr);
    return reads;
  }

  static boolean containsAwait(Node node) {
    boolean[] found = {false};
    new ScopeWalker() {
      @Override
      protected boolean enter(Node child) {
        if (child instanceof Expr.Await
            || child instanceof Stmt.AsyncFor
            || child instanceof Stmt.AsyncWith
            || (child instanceof Comprehension && ((Comprehension) child).isAsync() != 0)) {
          found[0] = true;
        }
        return !found[0] && super.enter(child);
      }
    }.walk(node);
    return found[0];
  }

  /** A walker that stays in the code of the current function: no nested scopes' bodies. */
  abstract static class ScopeWalker extends Walker {
    @Override
    protected boolean enter(Node node) {
      return !(node instanceof Expr.Lambda
          || node instanceof Stmt.FunctionDef
          || node instanceof Stmt.AsyncFunctionDef
          || node instanceof Stmt.ClassDef);
    }
  }
}
