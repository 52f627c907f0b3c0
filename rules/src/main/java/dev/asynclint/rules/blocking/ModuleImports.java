package dev.asynclint.rules.blocking;

import dev.asynclint.lint.Edit;
import dev.asynclint.lint.FileContext;
import dev.asynclint.semantic.project.Place;
import dev.asynclint.semantic.scope.NameLookup;
import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.syntax.ast.ExprContext;
import dev.asynclint.syntax.ast.Stmt;
import dev.asynclint.text.TextRange;
import java.util.List;

/** How a fix spells a module-level name at a place, and the edit importing a module when needed. */
final class ModuleImports {
  private ModuleImports() {}

  /**
   * The spelling of {@code qualifiedName} (such as {@code functools.partial}) at {@code place}:
   * {@code partial} after {@code from functools import partial}, {@code ft.partial} after {@code
   * import functools as ft}; null when no module-level import gives it.
   */
  static String spelling(String qualifiedName, Place place, FileContext context) {
    int dot = qualifiedName.lastIndexOf('.');
    String module = qualifiedName.substring(0, dot);
    String member = qualifiedName.substring(dot + 1);
    for (Stmt statement : context.module().tree().body()) {
      if (statement instanceof Stmt.Import) {
        for (var alias : ((Stmt.Import) statement).names()) {
          String name = alias.asName() == null ? alias.name() : alias.asName();
          if (alias.name().equals(module) && module.equals(resolve(name, place, context))) {
            return name + "." + member;
          }
        }
      } else if (statement instanceof Stmt.ImportFrom
          && module.equals(((Stmt.ImportFrom) statement).module())) {
        for (var alias : ((Stmt.ImportFrom) statement).names()) {
          String name = alias.asName() == null ? alias.name() : alias.asName();
          if (alias.name().equals(member) && qualifiedName.equals(resolve(name, place, context))) {
            return name;
          }
        }
      }
    }
    return null;
  }

  /**
   * An edit adding {@code import <module>} after the module docstring and {@code __future__}
   * imports; null when the name is taken at {@code place} or there is no line to insert before.
   */
  static Edit importModule(String module, Place place, FileContext context) {
    if (place.lookup(module).origin() != NameLookup.Origin.UNBOUND) {
      return null;
    }
    List<Stmt> body = context.module().tree().body();
    int index = 0;
    if (!body.isEmpty() && isDocstring(body.get(0))) {
      index++;
    }
    while (index < body.size()
        && body.get(index) instanceof Stmt.ImportFrom
        && "__future__".equals(((Stmt.ImportFrom) body.get(index)).module())) {
      index++;
    }
    if (index >= body.size()) {
      return null;
    }
    int start = body.get(index).range().start();
    String source = context.module().source();
    if (start > 0 && source.charAt(start - 1) != '\n') {
      return null;
    }
    return new Edit(new TextRange(start, start), "import " + module + "\n");
  }

  private static String resolve(String name, Place place, FileContext context) {
    Expr.Name read =
        new Expr.Name(name, ExprContext.LOAD, new TextRange(place.offset(), place.offset()));
    return context.resolver().qualifiedName(place, read);
  }

  private static boolean isDocstring(Stmt statement) {
    return statement instanceof Stmt.ExprStatement
        && ((Stmt.ExprStatement) statement).value() instanceof Expr.Constant
        && ((Expr.Constant) ((Stmt.ExprStatement) statement).value()).value() instanceof String;
  }
}
