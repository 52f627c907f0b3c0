package dev.asynclint.semantic.scope;

import dev.asynclint.syntax.ast.Expr;

/**
 * Where a call expression stands, as the walk that builds the scopes saw it: enough to resolve the
 * call later without walking the tree again.
 *
 * @param scope the scope the call is evaluated in
 * @param branch the innermost conditional block around it within that scope; null if none
 * @param loopDepth how many loop bodies of its function (or module) enclose it
 * @param argumentOf the index, among the module's calls, of the call this one is a direct argument
 *     of ({@code create_task(worker())}); -1 when none
 * @param awaited whether the call is the operand of an {@code await}
 */
public record CallContext(
    Expr.Call call, Scope scope, Branch branch, int loopDepth, int argumentOf, boolean awaited) {}
