package dev.asynclint.rules.eventloop;

import dev.asynclint.lint.CallRule;
import dev.asynclint.lint.Edit;
import dev.asynclint.lint.FileContext;
import dev.asynclint.lint.Fix;
import dev.asynclint.lint.FixAvailability;
import dev.asynclint.lint.RuleInfo;
import dev.asynclint.lint.Severity;
import dev.asynclint.semantic.project.CallSite;
import dev.asynclint.semantic.project.FunctionInfo;
import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.text.TextRange;
import java.util.List;
import java.util.Set;

/**
 * ASY104: {@code asyncio.get_event_loop()} in async context. Inside a coroutine it returns the
 * running loop, exactly what {@code asyncio.get_running_loop()} returns, so the fix renames the
 * attribute; a bare {@code get_event_loop()} imported from asyncio is reported without a fix, since
 * the rename would need an import.
 */
@RuleInfo(
    code = "ASY104",
    name = "get-event-loop-in-coroutine",
    severity = Severity.WARNING,
    fix = FixAvailability.SAFE,
    summary =
        "`asyncio.get_event_loop()` inside a coroutine: `asyncio.get_running_loop()` says what is"
            + " meant, returns the same loop, and fails loudly instead of creating a stray loop when"
            + " the code is ever called outside a running loop.")
public final class GetEventLoopInCoroutine implements CallRule {
  static final String MESSAGE =
      "`asyncio.get_event_loop()` in coroutine `%s`: use `asyncio.get_running_loop()`, which"
          + " returns the loop running the coroutine";
  static final String FIX_TITLE = "Replace with `asyncio.get_running_loop()`";

  private static final String OLD_NAME = "get_event_loop";
  private static final String NEW_NAME = "get_running_loop";
  private static final Set<String> ASYNCIO_MODULES = Set.of("asyncio", "asyncio.events");

  @Override
  public void checkCall(CallSite site, FileContext context) {
    if (!site.asyncContext()
        || !AsyncioApi.calls(site, AsyncioApi.GET_EVENT_LOOP)
        || Syntax.inCallbackLambda(site)) {
      return;
    }
    FunctionInfo coroutine = site.caller();
    String message = String.format(MESSAGE, Chains.name(coroutine));
    context.report(this, site.call().range(), message, List.of(), fix(site, context));
  }

  /** Renames the attribute of {@code asyncio.get_event_loop}, whatever the module's alias. */
  private static Fix fix(CallSite site, FileContext context) {
    if (!(site.call().func() instanceof Expr.Attribute)) {
      return null;
    }
    Expr.Attribute attribute = (Expr.Attribute) site.call().func();
    String module = context.resolver().qualifiedName(site.place(), attribute.value());
    if (module == null || !ASYNCIO_MODULES.contains(module) || !attribute.attr().equals(OLD_NAME)) {
      return null;
    }
    int end = attribute.range().end();
    TextRange name = new TextRange(end - OLD_NAME.length(), end);
    if (!context.module().source().startsWith(OLD_NAME, name.start())) {
      return null;
    }
    return new Fix(FIX_TITLE, FixAvailability.SAFE, List.of(new Edit(name, NEW_NAME)));
  }
}
