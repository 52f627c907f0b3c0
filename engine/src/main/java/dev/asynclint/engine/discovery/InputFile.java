package dev.asynclint.engine.discovery;

import java.nio.file.Path;

/**
 * A Python file to check.
 *
 * @param path where to read it: absolute and normalized (through symbolic links as walked, not
 *     resolved)
 * @param displayPath the file as the user named it: the path argument as given (with {@code ./} and
 *     {@code ..} segments normalized away where possible) joined with the rest of the way down to
 *     the file; relative when the argument was relative
 */
public record InputFile(Path path, String displayPath) {}
