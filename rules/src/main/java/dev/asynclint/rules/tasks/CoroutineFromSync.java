package dev.asynclint.rules.tasks;

import dev.asynclint.lint.CallRule;
import dev.asynclint.lint.FileContext;
import dev.asynclint.lint.RuleInfo;
import dev.asynclint.lint.Severity;
import dev.asynclint.semantic.project.CallSite;

/**
 * ASY304: outside async context (a plain {@code def}, a module or class body), a call that
 * certainly returns a coroutine in a bare expression statement. {@code await} is not possible
 * there, so the coroutine is dropped without running.
 */
@RuleInfo(
    code = "ASY304",
    name = "coroutine-from-sync",
    severity = Severity.ERROR,
    summary =
        "A coroutine function called from synchronous code and its result discarded: the"
            + " coroutine never runs, and `await` is not available there to run it.")
public final class CoroutineFromSync implements CallRule {
  static final String MESSAGE =
      "coroutine `%s()` is created and never run: this code is synchronous, so it cannot be"
          + " awaited here; run it with `asyncio.run(...)` at the program's entry point, or make"
          + " the caller `async def` and await it";

  @Override
  public void checkCall(CallSite site, FileContext context) {
    if (site.asyncContext()
        || !TaskSyntax.createsCoroutine(site)
        || !TaskSyntax.isDiscarded(site)) {
      return;
    }
    context.report(this, site.call().range(), String.format(MESSAGE, TaskSyntax.shortName(site)));
  }
}
