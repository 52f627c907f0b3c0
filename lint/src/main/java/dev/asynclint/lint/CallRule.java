package dev.asynclint.lint;

import dev.asynclint.semantic.project.CallSite;

/** A rule that inspects each call site of a file, with what the call resolves to. */
public interface CallRule extends Rule {
  void checkCall(CallSite site, FileContext context);
}
