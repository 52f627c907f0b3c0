package dev.asynclint.rules.tasks;

import dev.asynclint.lint.CallRule;
import dev.asynclint.lint.Edit;
import dev.asynclint.lint.FileContext;
import dev.asynclint.lint.Fix;
import dev.asynclint.lint.FixAvailability;
import dev.asynclint.lint.RuleInfo;
import dev.asynclint.lint.Severity;
import dev.asynclint.semantic.project.CallSite;
import dev.asynclint.semantic.project.FunctionInfo;
import dev.asynclint.syntax.ast.Located;
import dev.asynclint.syntax.ast.NodeFinder;
import dev.asynclint.text.TextRange;
import java.util.List;

/**
 * ASY300: in async context, a call that certainly returns a coroutine (a project {@code async def}
 * that is not an async generator, or a library coroutine API of {@code async-apis.tsv}) in a bare
 * expression statement, or bound to a local name the function never reads, so that the coroutine is
 * created and dropped without running. The unsafe fix inserts {@code await} before the call.
 */
@RuleInfo(
    code = "ASY300",
    name = "missing-await",
    severity = Severity.ERROR,
    fix = FixAvailability.UNSAFE,
    summary =
        "A coroutine function called in async context without `await`: the call only creates a"
            + " coroutine object, which is dropped without ever running (\"coroutine ... was never"
            + " awaited\").")
public final class MissingAwait implements CallRule {
  static final String MESSAGE =
      "coroutine `%s()` is created and never run: calling an `async def` does not execute it;"
          + " add `await` (or schedule it with `asyncio.create_task()` and keep the task)";
  static final String UNUSED =
      "coroutine `%s()` is bound to `%s` and never run: `%s` is not awaited, returned, scheduled or"
          + " passed on anywhere in this function; add `await` (or schedule it with"
          + " `asyncio.create_task()` and keep the task)";
  static final String FIX_TITLE = "Insert `await`";

  @Override
  public void checkCall(CallSite site, FileContext context) {
    if (!site.asyncContext() || !site.caller().isAsync() || !TaskSyntax.createsCoroutine(site)) {
      return;
    }
    List<Located> ancestors = NodeFinder.ancestors(site.caller().module().tree(), site.call());
    String message;
    if (TaskSyntax.isDiscarded(site, ancestors)) {
      message = String.format(MESSAGE, TaskSyntax.shortName(site));
    } else {
      String name = unusedName(site, ancestors);
      if (name == null) {
        return;
      }
      message = String.format(UNUSED, TaskSyntax.shortName(site), name, name);
    }
    int start = site.call().range().start();
    Fix fix =
        new Fix(
            FIX_TITLE,
            FixAvailability.UNSAFE,
            List.of(new Edit(new TextRange(start, start), "await ")));
    context.report(this, site.call().range(), message, List.of(), fix);
  }

  /**
   * The local name the call's coroutine is bound to ({@code pending = fetch()}) when the function
   * never reads that name anywhere, nested functions included; else null. Any read at all (awaited,
   * returned, passed to {@code gather}, stored in a list, yielded, deleted, before the binding in a
   * loop) leaves the coroutine to the code that reads it.
   */
  private static String unusedName(CallSite site, List<Located> ancestors) {
    FunctionInfo function = site.caller();
    Located parent = ancestors.isEmpty() ? null : ancestors.get(ancestors.size() - 1);
    String name = TaskSyntax.assignedName(parent);
    if (name == null
        || TaskSyntax.assignedValue(parent) != site.call()
        || function.isModuleBody()
        || TaskSyntax.expectsRaise(ancestors)
        || TaskSyntax.expectsWarning(ancestors)
        || TaskSyntax.declaredOuter(function, name)
        || TaskSyntax.readsLocalsDynamically(function)
        || TaskSyntax.reads(function.body(), name)) {
      return null;
    }
    return name;
  }
}
