package dev.asynclint.rules.tasks;

import dev.asynclint.semantic.project.CallSite;
import dev.asynclint.semantic.project.SourceModule;
import dev.asynclint.syntax.ast.ExceptHandler;
import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.syntax.ast.ExprContext;
import dev.asynclint.syntax.ast.Keyword;
import dev.asynclint.syntax.ast.Located;
import dev.asynclint.syntax.ast.Node;
import dev.asynclint.syntax.ast.NodeFinder;
import dev.asynclint.syntax.ast.Stmt;
import dev.asynclint.syntax.ast.Walker;
import dev.asynclint.syntax.ast.WithItem;
import java.util.List;
import java.util.Set;

/** Questions about the syntax around a call that the task rules share. */
final class TaskSyntax {
  private static final Set<String> RAISES = Set.of("assertRaises", "assertRaisesRegex", "raises");

  private TaskSyntax() {}

  /** Whether the call's qualified name is one of {@code names}. */
  static boolean calls(CallSite site, Set<String> names) {
    String name = site.target().qualifiedName();
    return name != null && names.contains(name);
  }

  /** The located nodes enclosing {@code node} in its module, outermost first, without it. */
  static List<Located> ancestors(SourceModule module, Located node) {
    List<Located> path = NodeFinder.pathTo(module.tree(), node.range().start());
    for (int i = 0; i < path.size(); i++) {
      if (path.get(i) == node) {
        return path.subList(0, i);
      }
    }
    return List.of();
  }

  /** Whether the node is a {@code def}, {@code async def}, class body or lambda. */
  static boolean isScopeBoundary(Located node) {
    return node instanceof Stmt.FunctionDef
        || node instanceof Stmt.AsyncFunctionDef
        || node instanceof Stmt.ClassDef
        || node instanceof Expr.Lambda;
  }

  /**
   * Whether a {@code with} of the enclosing function expects the code to raise: {@code with
   * self.assertRaises(...)}, {@code assertRaisesRegex}, {@code pytest.raises(...)}.
   */
  static boolean expectsRaise(List<Located> ancestors) {
    for (int i = ancestors.size() - 1; i >= 0; i--) {
      Located node = ancestors.get(i);
      if (isScopeBoundary(node)) {
        return false;
      }
      List<WithItem> items = List.of();
      if (node instanceof Stmt.With) {
        items = ((Stmt.With) node).items();
      } else if (node instanceof Stmt.AsyncWith) {
        items = ((Stmt.AsyncWith) node).items();
      }
      for (WithItem item : items) {
        if (item.contextExpr() instanceof Expr.Call
            && RAISES.contains(calleeName(((Expr.Call) item.contextExpr()).func()))) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether the node at {@code offset} runs in an {@code except} clause or a {@code finally}. */
  static boolean inCleanup(List<Located> ancestors, int offset) {
    for (int i = ancestors.size() - 1; i >= 0; i--) {
      Located node = ancestors.get(i);
      if (isScopeBoundary(node)) {
        return false;
      }
      if (node instanceof ExceptHandler) {
        return true;
      }
      List<Stmt> finalBody = List.of();
      if (node instanceof Stmt.Try) {
        finalBody = ((Stmt.Try) node).finalBody();
      } else if (node instanceof Stmt.TryStar) {
        finalBody = ((Stmt.TryStar) node).finalBody();
      }
      for (Stmt statement : finalBody) {
        if (statement.range().contains(offset)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether these nodes call a method {@code name} somewhere before {@code offset}. */
  static boolean callsMethodBefore(List<? extends Node> nodes, String name, int offset) {
    boolean[] found = {false};
    Walker walker =
        new Walker() {
          @Override
          protected boolean enter(Node node) {
            if (found[0]) {
              return false;
            }
            if (node instanceof Expr.Call
                && ((Expr.Call) node).range().start() < offset
                && ((Expr.Call) node).func() instanceof Expr.Attribute
                && ((Expr.Attribute) ((Expr.Call) node).func()).attr().equals(name)) {
              found[0] = true;
            }
            return true;
          }
        };
    for (Node node : nodes) {
      walker.walk(node);
    }
    return found[0];
  }

  /** The last name of a callee: {@code raises} for {@code pytest.raises}; else null. */
  private static String calleeName(Expr func) {
    if (func instanceof Expr.Name) {
      return ((Expr.Name) func).id();
    }
    if (func instanceof Expr.Attribute) {
      return ((Expr.Attribute) func).attr();
    }
    return null;
  }

  /** The value of keyword argument {@code name}, or null. */
  static Expr keyword(Expr.Call call, String name) {
    for (Keyword keyword : call.keywords()) {
      if (name.equals(keyword.arg())) {
        return keyword.value();
      }
    }
    return null;
  }

  /** Whether {@code expr} is the constant {@code True}. */
  static boolean isTrue(Expr expr) {
    return expr instanceof Expr.Constant && Boolean.TRUE.equals(((Expr.Constant) expr).value());
  }

  /** Whether {@code name} is read anywhere in these nodes, nested functions included. */
  static boolean reads(List<? extends Node> nodes, String name) {
    boolean[] found = {false};
    Walker walker =
        new Walker() {
          @Override
          protected boolean enter(Node node) {
            if (found[0]) {
              return false;
            }
            if (node instanceof Expr.Name
                && ((Expr.Name) node).ctx() != ExprContext.STORE
                && ((Expr.Name) node).id().equals(name)) {
              found[0] = true;
            }
            return true;
          }
        };
    for (Node node : nodes) {
      walker.walk(node);
    }
    return found[0];
  }
}
