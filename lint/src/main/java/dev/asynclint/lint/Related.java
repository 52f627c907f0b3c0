package dev.asynclint.lint;

import dev.asynclint.text.TextRange;

/**
 * A secondary location of a diagnostic, such as a link of a call chain.
 *
 * @param path the file as the user named it
 * @param source the text of that file, to turn the range into a line and column
 */
public record Related(String path, String source, TextRange range, String message) {}
