package dev.asynclint.semantic.scope;

import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.syntax.ast.Node;
import dev.asynclint.text.TextRange;

/**
 * One place where a name is bound (or unbound) in a scope.
 *
 * @param range the text of the binding name (or of the whole construct when the name has no node of
 *     its own, such as a {@code match} capture)
 * @param effectiveOffset where the binding takes effect: after the right-hand side of an
 *     assignment, after the iterable of a {@code for}, so that {@code x = x + 1} reads the old
 *     {@code x}
 * @param branch the innermost conditional block holding the binding, null when unconditional
 * @param value the expression the name is bound to, when it is bound to one whole value: the
 *     right-hand side of a plain assignment, the context manager of {@code with ... as name}, the
 *     annotation of a parameter; null otherwise
 * @param definition the {@code def}, {@code class} or type-parameter node for such bindings
 * @param importedName the fully qualified name an import binds, null when it cannot be resolved (a
 *     relative import beyond the top-level package) or when this is not an import
 */
public record Binding(
    BindingKind kind,
    String name,
    Scope scope,
    TextRange range,
    int effectiveOffset,
    Branch branch,
    Expr value,
    Node definition,
    String importedName) {}
