package dev.asynclint.lint;

import dev.asynclint.text.TextRange;

/** Replace the text in {@code range} with {@code replacement} (an insertion when it is empty). */
public record Edit(TextRange range, String replacement) {}
