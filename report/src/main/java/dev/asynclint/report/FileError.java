package dev.asynclint.report;

/**
 * A file that could not be checked (unreadable, undecodable) or an internal error while checking.
 *
 * @param path the file as the user named it, or null when the error concerns no single file
 */
public record FileError(String path, String message) {

  /** The error as one line of text: {@code path: message}. */
  public String describe() {
    return path == null ? message : path + ": " + message;
  }
}
