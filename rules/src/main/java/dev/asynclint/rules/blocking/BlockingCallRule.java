package dev.asynclint.rules.blocking;

import dev.asynclint.lint.CallRule;
import dev.asynclint.lint.FileContext;
import dev.asynclint.lint.Fix;
import dev.asynclint.semantic.project.CallSite;
import java.util.List;

/** A rule reporting the blocking calls of one category made in async context. */
abstract class BlockingCallRule implements CallRule {
  static final String MESSAGE = "`%s()` in coroutine %s %s; use %s instead";

  private final BlockingCategory category;

  BlockingCallRule(BlockingCategory category) {
    this.category = category;
  }

  @Override
  public final void checkCall(CallSite site, FileContext context) {
    BlockingApis.Entry entry = BlockingCalls.find(site, context);
    if (entry == null || entry.category() != category) {
      return;
    }
    String message =
        String.format(
            MESSAGE,
            entry.name(),
            BlockingCalls.coroutine(site.caller()),
            category.consequence(),
            entry.alternative());
    context.report(this, site.call().range(), message, List.of(), fix(site, context));
  }

  /** The fix of a reported call; null when the rule has none or the call does not allow one. */
  Fix fix(CallSite site, FileContext context) {
    return null;
  }
}
