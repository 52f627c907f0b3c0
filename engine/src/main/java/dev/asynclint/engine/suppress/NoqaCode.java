package dev.asynclint.engine.suppress;

import dev.asynclint.text.TextRange;

/** One code of a {@code # noqa: CODES} comment and where it is written. */
public record NoqaCode(String code, TextRange range) {}
