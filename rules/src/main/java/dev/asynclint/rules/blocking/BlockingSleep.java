package dev.asynclint.rules.blocking;

import dev.asynclint.lint.Edit;
import dev.asynclint.lint.FileContext;
import dev.asynclint.lint.Fix;
import dev.asynclint.lint.FixAvailability;
import dev.asynclint.lint.RuleInfo;
import dev.asynclint.lint.Severity;
import dev.asynclint.semantic.project.CallSite;
import dev.asynclint.semantic.scope.NameLookup;
import dev.asynclint.semantic.scope.ScopeKind;
import dev.asynclint.syntax.ast.Alias;
import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.syntax.ast.ExprContext;
import dev.asynclint.syntax.ast.Located;
import dev.asynclint.syntax.ast.NodeFinder;
import dev.asynclint.syntax.ast.Stmt;
import dev.asynclint.text.TextRange;
import java.util.ArrayList;
import java.util.List;

/**
 * ASY200: {@code time.sleep()} in async context. The fix awaits {@code asyncio.sleep()} instead,
 * when the call is a statement of its own or the whole value of an assignment directly in the
 * coroutine's body, so that inserting {@code await} is valid and changes nothing else.
 */
@RuleInfo(
    code = "ASY200",
    name = "blocking-sleep",
    severity = Severity.ERROR,
    fix = FixAvailability.SAFE,
    equivalents = {"ASYNC251"},
    summary =
        "`time.sleep()` in async context stops the whole event loop for the duration: no other"
            + " task runs. `await asyncio.sleep()` pauses only the calling coroutine.")
public final class BlockingSleep extends BlockingCallRule {
  static final String FIX_TITLE = "Replace with `await asyncio.sleep(...)`";

  private static final String ASYNCIO = "asyncio";

  public BlockingSleep() {
    super(BlockingCategory.SLEEP);
  }

  @Override
  Fix fix(CallSite site, FileContext context) {
    if (!site.caller().isAsync()
        || site.place().scope().kind() != ScopeKind.FUNCTION
        || !isWholeStatement(site)) {
      return null;
    }
    List<Edit> edits = new ArrayList<>();
    String module = asyncioName(site, context);
    if (module == null) {
      Edit importEdit = importAsyncio(site, context);
      if (importEdit == null) {
        return null;
      }
      edits.add(importEdit);
      module = ASYNCIO;
    }
    edits.add(new Edit(site.call().func().range(), "await " + module + ".sleep"));
    return new Fix(FIX_TITLE, FixAvailability.SAFE, edits);
  }

  /** Whether the call is an expression statement, or the whole right side of an assignment. */
  private static boolean isWholeStatement(CallSite site) {
    List<Located> path =
        NodeFinder.pathTo(site.caller().module().tree(), site.call().range().start());
    int at = path.indexOf(site.call());
    if (at < 1) {
      return false;
    }
    Located parent = path.get(at - 1);
    return (parent instanceof Stmt.ExprStatement
            && ((Stmt.ExprStatement) parent).value() == site.call())
        || (parent instanceof Stmt.Assign && ((Stmt.Assign) parent).value() == site.call())
        || (parent instanceof Stmt.AnnAssign && ((Stmt.AnnAssign) parent).value() == site.call());
  }

  /** The name asyncio is imported as at module level and visible at the call; null if none. */
  private static String asyncioName(CallSite site, FileContext context) {
    for (Stmt statement : context.module().tree().body()) {
      if (!(statement instanceof Stmt.Import)) {
        continue;
      }
      for (Alias alias : ((Stmt.Import) statement).names()) {
        if (alias.name().equals(ASYNCIO)) {
          String name = alias.asName() == null ? ASYNCIO : alias.asName();
          if (ASYNCIO.equals(resolveName(site, context, name))) {
            return name;
          }
        }
      }
    }
    return null;
  }

  /**
   * An edit adding {@code import asyncio} after the module docstring and {@code __future__}
   * imports; null when the name {@code asyncio} means something else at the call.
   */
  private static Edit importAsyncio(CallSite site, FileContext context) {
    if (site.place().lookup(ASYNCIO).origin() != NameLookup.Origin.UNBOUND) {
      return null;
    }
    List<Stmt> body = context.module().tree().body();
    int index = 0;
    if (!body.isEmpty() && isDocstring(body.get(0))) {
      index++;
    }
    while (index < body.size() && isFutureImport(body.get(index))) {
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
    return new Edit(new TextRange(start, start), "import asyncio\n");
  }

  private static String resolveName(CallSite site, FileContext context, String name) {
    Expr.Name read = new Expr.Name(name, ExprContext.LOAD, site.call().func().range());
    return context.resolver().qualifiedName(site.place(), read);
  }

  private static boolean isDocstring(Stmt statement) {
    return statement instanceof Stmt.ExprStatement
        && ((Stmt.ExprStatement) statement).value() instanceof Expr.Constant
        && ((Expr.Constant) ((Stmt.ExprStatement) statement).value()).value() instanceof String;
  }

  private static boolean isFutureImport(Stmt statement) {
    return statement instanceof Stmt.ImportFrom
        && "__future__".equals(((Stmt.ImportFrom) statement).module());
  }
}
