package dev.asynclint.lint;

import dev.asynclint.semantic.project.FunctionInfo;

/** A rule that inspects each {@code def} and {@code async def} of a file. */
public interface FunctionRule extends Rule {
  void checkFunction(FunctionInfo function, FileContext context);
}
