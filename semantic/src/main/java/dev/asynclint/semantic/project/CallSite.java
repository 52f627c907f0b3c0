package dev.asynclint.semantic.project;

import dev.asynclint.syntax.ast.Expr;

/**
 * One call expression of the project and what it resolves to.
 *
 * @param caller the function (or module body) whose code holds the call
 * @param place where the call is evaluated
 * @param asyncContext whether the call runs in async context (inside an {@code async def}, not in a
 *     nested plain {@code def})
 * @param loopDepth how many loop bodies of the caller enclose the call
 * @param argumentOf the call this call is a direct argument of, such as {@code create_task} for
 *     {@code create_task(worker())}; null otherwise
 * @param awaited whether the call is the operand of an {@code await}: {@code await fetch()}
 */
public record CallSite(
    FunctionInfo caller,
    Expr.Call call,
    Place place,
    CallTarget target,
    boolean asyncContext,
    int loopDepth,
    CallSite argumentOf,
    boolean awaited) {

  public boolean inLoop() {
    return loopDepth > 0;
  }
}
