package dev.asynclint.rules.tasks;

import dev.asynclint.lint.CallRule;
import dev.asynclint.lint.Edit;
import dev.asynclint.lint.FileContext;
import dev.asynclint.lint.Fix;
import dev.asynclint.lint.FixAvailability;
import dev.asynclint.lint.RuleInfo;
import dev.asynclint.lint.Severity;
import dev.asynclint.semantic.project.CallSite;
import dev.asynclint.text.TextRange;
import java.util.List;

/**
 * ASY300: in async context, a call that certainly returns a coroutine (a project {@code async def}
 * that is not an async generator, or a known asyncio coroutine function) in a bare expression
 * statement, so that the coroutine is created and dropped without running. The unsafe fix inserts
 * {@code await} before the call.
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
  static final String FIX_TITLE = "Insert `await`";

  @Override
  public void checkCall(CallSite site, FileContext context) {
    if (!site.asyncContext()
        || !site.caller().isAsync()
        || !TaskSyntax.createsCoroutine(site)
        || !TaskSyntax.isDiscarded(site)) {
      return;
    }
    int start = site.call().range().start();
    Fix fix =
        new Fix(
            FIX_TITLE,
            FixAvailability.UNSAFE,
            List.of(new Edit(new TextRange(start, start), "await ")));
    context.report(
        this,
        site.call().range(),
        String.format(MESSAGE, TaskSyntax.shortName(site)),
        List.of(),
        fix);
  }
}
