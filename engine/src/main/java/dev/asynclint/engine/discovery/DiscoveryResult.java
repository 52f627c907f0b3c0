package dev.asynclint.engine.discovery;

import java.nio.file.Path;
import java.util.List;

/**
 * What file discovery found.
 *
 * @param files the Python files to check, sorted by display path, each once
 * @param errors directories that could not be walked (permissions, vanished, broken links), as
 *     {@code path: reason} lines; the run goes on without them
 * @param missing path arguments that do not exist, as the user gave them: a usage error
 */
public record DiscoveryResult(List<InputFile> files, List<String> errors, List<Path> missing) {
  public DiscoveryResult {
    files = List.copyOf(files);
    errors = List.copyOf(errors);
    missing = List.copyOf(missing);
  }
}
