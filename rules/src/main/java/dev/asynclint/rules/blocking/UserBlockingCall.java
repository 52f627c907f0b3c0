package dev.asynclint.rules.blocking;

import dev.asynclint.lint.CallRule;
import dev.asynclint.lint.FileContext;
import dev.asynclint.lint.RuleInfo;
import dev.asynclint.lint.Severity;
import dev.asynclint.semantic.project.CallSite;

/** ASY212: a call the configuration's {@code blocking-calls} lists, made in async context. */
@RuleInfo(
    code = "ASY212",
    name = "user-blocking-call",
    severity = Severity.ERROR,
    summary =
        "A call the project's configuration lists as blocking (`blocking-calls`) made in async"
            + " context: the event loop waits for it like for any other blocking call.")
public final class UserBlockingCall implements CallRule {
  static final String MESSAGE =
      "`%s()` in coroutine %s is listed as blocking in the configuration (`blocking-calls`):"
          + " every other task waits while it runs; call it through `await asyncio.to_thread(...)`"
          + " or use an async alternative";

  @Override
  public void checkCall(CallSite site, FileContext context) {
    String name = BlockingCalls.findUserListed(site, context);
    if (name != null) {
      context.report(
          this,
          site.call().range(),
          String.format(MESSAGE, name, BlockingCalls.coroutine(site.caller())));
    }
  }
}
