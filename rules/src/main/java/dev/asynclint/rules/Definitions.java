package dev.asynclint.rules;

import dev.asynclint.semantic.project.ClassInfo;
import dev.asynclint.semantic.project.FunctionInfo;
import dev.asynclint.semantic.project.Project;
import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.syntax.ast.Singleton;
import dev.asynclint.syntax.ast.Stmt;
import java.util.List;

/**
 * Questions about a {@code def} that rules judging its signature or its need to be {@code async}
 * share: whether its body is a stub, whether its signature is dictated by a class hierarchy.
 */
public final class Definitions {
  private Definitions() {}

  /**
   * Whether the body only declares the function: {@code pass}, {@code ...}, a docstring, a {@code
   * raise} (such as {@code raise NotImplementedError}), in any combination.
   */
  public static boolean isStub(List<Stmt> body) {
    for (Stmt statement : body) {
      if (statement instanceof Stmt.Pass || statement instanceof Stmt.Raise) {
        continue;
      }
      if (statement instanceof Stmt.ExprStatement
          && ((Stmt.ExprStatement) statement).value() instanceof Expr.Constant) {
        Object value = ((Expr.Constant) ((Stmt.ExprStatement) statement).value()).value();
        if (value == Singleton.ELLIPSIS || value instanceof String) {
          continue;
        }
      }
      return false;
    }
    return true;
  }

  /** Whether the module is a type stub ({@code .pyi}), which declares but never runs functions. */
  public static boolean isStubFile(FunctionInfo function) {
    return function.module().path().toString().endsWith(".pyi");
  }

  /**
   * Whether a method's signature is shared with other classes: its class derives from a class
   * outside the project (whose methods it may implement), a project base defines the same name, or
   * a project subclass redefines it.
   */
  public static boolean inHierarchy(FunctionInfo method, Project project) {
    ClassInfo owner = method.owner();
    if (owner == null) {
      return false;
    }
    if (!owner.allExternalBases().isEmpty()) {
      return true;
    }
    List<ClassInfo> mro = owner.mro();
    for (int i = 1; i < mro.size(); i++) {
      if (mro.get(i).methods().containsKey(method.name())) {
        return true;
      }
    }
    for (ClassInfo cls : project.index().classes()) {
      if (cls != owner && cls.methods().containsKey(method.name()) && cls.mro().contains(owner)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the name is a dunder such as {@code __aenter__}, called by the language itself. */
  public static boolean isDunder(String name) {
    return name.length() > 4 && name.startsWith("__") && name.endsWith("__");
  }
}
