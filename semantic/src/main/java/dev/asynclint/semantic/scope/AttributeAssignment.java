package dev.asynclint.semantic.scope;

import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.text.TextRange;

/**
 * {@code owner.attribute = value} where {@code owner} is a plain name, such as {@code self.session
 * = aiohttp.ClientSession()} in a method; the value tracking of instance attributes reads these.
 */
public record AttributeAssignment(
    Scope scope, String owner, String attribute, Expr value, TextRange range, Branch branch) {}
