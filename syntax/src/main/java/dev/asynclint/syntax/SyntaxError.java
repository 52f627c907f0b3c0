package dev.asynclint.syntax;

import dev.asynclint.text.TextRange;

/** A reason the source is not valid Python, with where it was found. */
public record SyntaxError(String message, TextRange range) {}
