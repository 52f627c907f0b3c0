package dev.asynclint.rules.structured;

import dev.asynclint.lint.FileContext;
import dev.asynclint.lint.FileRule;
import dev.asynclint.lint.RuleInfo;
import dev.asynclint.lint.Severity;
import dev.asynclint.semantic.scope.Scope;
import dev.asynclint.semantic.scope.ScopeKind;
import dev.asynclint.semantic.scope.ScopeWalker;
import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.syntax.ast.Node;
import dev.asynclint.syntax.ast.Stmt;
import dev.asynclint.syntax.ast.Suspensions;
import dev.asynclint.text.TextRange;

/**
 * ASY706: {@code await}, {@code async for}, {@code async with} or an asynchronous list, set or dict
 * comprehension where CPython's compiler rejects it. Python's parser accepts them anywhere, so
 * {@code ast.parse} (and every tool built on it) sees a valid file; the error only shows when the
 * module is imported. A comprehension is judged by the scopes around it: inside a generator
 * expression it is allowed (the generator becomes asynchronous), otherwise the nearest function
 * must be an {@code async def}.
 */
@RuleInfo(
    code = "ASY706",
    name = "await-outside-async",
    severity = Severity.ERROR,
    equivalents = {"PLE1142"},
    summary =
        "`await`, `async for`, `async with` or an asynchronous comprehension outside an `async"
            + " def`: the parser accepts it, but compiling the module raises `SyntaxError`, so the"
            + " import fails the first time it runs.")
public final class AwaitOutsideAsync implements FileRule {
  private static final int KEYWORD_LENGTH = "async".length();

  @Override
  public void checkFile(FileContext context) {
    // Most files have nothing that suspends, and need no walk.
    if (!context.module().scopes().suspends()) {
      return;
    }
    new ScopeWalker(context.module().scopes()) {
      @Override
      protected void enterNode(Node node) {
        if (node instanceof Expr.Await) {
          check(currentScope(), "`await`", keyword(((Expr.Await) node).range()), context);
        } else if (node instanceof Stmt.AsyncFor) {
          check(currentScope(), "`async for`", keyword(((Stmt.AsyncFor) node).range()), context);
        } else if (node instanceof Stmt.AsyncWith) {
          check(currentScope(), "`async with`", keyword(((Stmt.AsyncWith) node).range()), context);
        } else if (node instanceof Expr && Suspensions.isAsyncComprehension((Expr) node)) {
          check(
              scopes().scopeOf(node),
              "an `async for` comprehension",
              ((Expr) node).range(),
              context);
        }
      }
    }.walkModule(context.module().tree());
  }

  private void check(Scope scope, String construct, TextRange range, FileContext context) {
    Scope owner = scope;
    while (owner != null && owner.kind() == ScopeKind.COMPREHENSION) {
      if (owner.node() instanceof Expr.GeneratorExp) {
        return;
      }
      owner = owner.parent();
    }
    if (owner == null) {
      return;
    }
    String message;
    switch (owner.kind()) {
      case FUNCTION:
        if (owner.isAsyncFunction()) {
          return;
        }
        message =
            String.format(
                "%s in the plain function `%s`: compiling the module raises `SyntaxError`; declare"
                    + " it `async def` (and await it where it is called)",
                construct, owner.name());
        break;
      case LAMBDA:
        message =
            construct
                + " in a lambda, which cannot be asynchronous: compiling the module raises"
                + " `SyntaxError`; use a nested `async def`";
        break;
      case MODULE:
      case CLASS:
        message =
            construct
                + " outside a function: compiling the module raises `SyntaxError`; move it into"
                + " an `async def` started with `asyncio.run()`";
        break;
      default:
        return;
    }
    context.report(this, range, message);
  }

  /** The {@code async} or {@code await} keyword a node starts with. */
  private static TextRange keyword(TextRange node) {
    return new TextRange(node.start(), node.start() + KEYWORD_LENGTH);
  }
}
