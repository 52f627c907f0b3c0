package dev.asynclint.rules.structured;

import dev.asynclint.lint.FileContext;
import dev.asynclint.lint.FunctionRule;
import dev.asynclint.lint.Related;
import dev.asynclint.lint.RuleInfo;
import dev.asynclint.lint.Severity;
import dev.asynclint.rules.TestCode;
import dev.asynclint.semantic.project.FunctionInfo;
import dev.asynclint.syntax.ast.ExceptHandler;
import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.syntax.ast.Located;
import dev.asynclint.syntax.ast.Node;
import dev.asynclint.syntax.ast.NodeSearch;
import dev.asynclint.syntax.ast.Stmt;
import dev.asynclint.syntax.ast.Walker;
import dev.asynclint.text.TextRange;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * ASY704: in an async generator, a {@code yield} inside an {@code async with} block, or inside the
 * {@code try} (or its handlers) of a {@code try}/{@code finally}. When the consumer stops early
 * ({@code break} out of {@code async for}, an exception, a timeout), the generator stays suspended
 * at the {@code yield} and its cleanup waits until the generator is finalized — at some later
 * garbage collection, or at loop shutdown, in another task. Generators that are context managers
 * ({@code @asynccontextmanager}) or pytest fixtures yield inside cleanup on purpose and are not
 * reported, nor is test code.
 */
@RuleInfo(
    code = "ASY704",
    name = "yield-in-async-generator-context",
    severity = Severity.WARNING,
    equivalents = {"ASYNC119"},
    summary =
        "A `yield` inside `async with` or `try`/`finally` in an async generator: when the"
            + " consumer stops iterating early, the cleanup does not run until the generator is"
            + " garbage-collected or the loop shuts down, possibly in another task.")
public final class YieldInAsyncGeneratorContext implements FunctionRule {
  static final String MESSAGE =
      "`yield` inside %s of an async generator: if the consumer stops early, the cleanup waits"
          + " until the generator is finalized; wrap its use in `contextlib.aclosing()` and keep"
          + " the resource outside the generator, or restructure it as an async context manager";
  static final String RELATED = "the cleanup that is delayed";

  @Override
  public void checkFunction(FunctionInfo function, FileContext context) {
    // Tests of async generators hold cleanup across a yield on purpose, to exercise finalization.
    if (!function.isAsync() || exempt(function) || TestCode.isTest(function.module())) {
      return;
    }
    Deque<Located> cleanups = new ArrayDeque<>();
    Walker walker =
        new Walker() {
          @Override
          protected boolean enter(Node node) {
            if (NodeSearch.opensScope(node)) {
              return false;
            }
            if (node instanceof Stmt.AsyncWith) {
              walkBlock(((Stmt.AsyncWith) node).body(), (Located) node);
              return false;
            }
            if (node instanceof Stmt.Try && !((Stmt.Try) node).finalBody().isEmpty()) {
              Stmt.Try tryStmt = (Stmt.Try) node;
              walkBlock(tryStmt.body(), tryStmt);
              for (ExceptHandler handler : tryStmt.handlers()) {
                walkBlock(handler.body(), tryStmt);
              }
              walkBlock(tryStmt.orElse(), tryStmt);
              walkBlock(tryStmt.finalBody(), null);
              return false;
            }
            if ((node instanceof Expr.Yield) && !cleanups.isEmpty()) {
              report((Expr) node, cleanups.peek(), context);
            }
            return true;
          }

          private void walkBlock(List<Stmt> block, Located cleanup) {
            if (cleanup != null) {
              cleanups.push(cleanup);
            }
            for (Stmt statement : block) {
              walk(statement);
            }
            if (cleanup != null) {
              cleanups.pop();
            }
          }
        };
    for (Stmt statement : function.body()) {
      walker.walk(statement);
    }
  }

  private void report(Expr yield, Located cleanup, FileContext context) {
    String where =
        cleanup instanceof Stmt.AsyncWith ? "an `async with` block" : "a `try` with `finally`";
    context.report(
        this,
        yield.range(),
        String.format(MESSAGE, where),
        List.of(
            new Related(
                context.displayPath(), context.module().source(), cleanupRange(cleanup), RELATED)),
        null);
  }

  private static TextRange cleanupRange(Located cleanup) {
    if (cleanup instanceof Stmt.Try) {
      List<Stmt> finalBody = ((Stmt.Try) cleanup).finalBody();
      return finalBody.get(0).range();
    }
    return ((Stmt.AsyncWith) cleanup).items().get(0).contextExpr().range();
  }

  /** Context-manager generators and test fixtures: their {@code yield} in cleanup is the point. */
  private static boolean exempt(FunctionInfo function) {
    for (String decorator : function.decoratorNames()) {
      String last = decorator.substring(decorator.lastIndexOf('.') + 1);
      if (last.endsWith("contextmanager") || last.contains("fixture")) {
        return true;
      }
    }
    for (Expr decorator : function.decorators()) {
      Expr callee = decorator instanceof Expr.Call ? ((Expr.Call) decorator).func() : decorator;
      String name =
          callee instanceof Expr.Attribute
              ? ((Expr.Attribute) callee).attr()
              : callee instanceof Expr.Name ? ((Expr.Name) callee).id() : "";
      if (name.endsWith("contextmanager") || name.contains("fixture")) {
        return true;
      }
    }
    return false;
  }
}
