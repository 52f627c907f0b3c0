package dev.asynclint.engine.config;

import java.util.regex.Pattern;

/**
 * A file pattern of {@code exclude}, {@code extend-exclude} and {@code per-file-ignores}, matched
 * against paths relative to the configuration's root with {@code /} separators.
 *
 * <p>{@code *} and {@code ?} match within one path segment, {@code **} as a whole segment matches
 * any number of segments, {@code [a-z]}/{@code [!a-z]} match one character of a class, {@code
 * {a,b}} matches either alternative and {@code \} escapes the next character. A pattern without
 * {@code /} matches the name of a file or directory at any depth ({@code tests}, {@code *_pb2.py});
 * a pattern with {@code /} is anchored at the root ({@code src/gen}, {@code **}{@code
 * /migrations}); a leading {@code /} anchors a name-only pattern and a trailing {@code /} restricts
 * it to directories. As in ruff, a leading {@code ./} is dropped.
 */
public final class PathGlob {
  private final String pattern;
  private final Pattern regex;
  private final boolean anchored;
  private final boolean directoryOnly;

  private PathGlob(String pattern, Pattern regex, boolean anchored, boolean directoryOnly) {
    this.pattern = pattern;
    this.regex = regex;
    this.anchored = anchored;
    this.directoryOnly = directoryOnly;
  }

  /**
   * Compiles a pattern.
   *
   * @throws IllegalArgumentException with a short reason when the pattern is malformed (an unclosed
   *     {@code [} or <code>{</code>, a reversed range, {@code **} inside a segment)
   */
  public static PathGlob compile(String pattern) {
    String body = pattern;
    while (body.startsWith("./")) {
      body = body.substring(2);
    }
    boolean anchored = false;
    while (body.startsWith("/")) {
      body = body.substring(1);
      anchored = true;
    }
    boolean directoryOnly = false;
    while (body.endsWith("/")) {
      body = body.substring(0, body.length() - 1);
      directoryOnly = true;
    }
    if (body.isEmpty()) {
      throw new IllegalArgumentException("the pattern matches no path");
    }
    anchored |= body.indexOf('/') >= 0;
    return new PathGlob(
        pattern, Pattern.compile(GlobTranslator.toRegex(body)), anchored, directoryOnly);
  }

  /** The pattern as written. */
  public String pattern() {
    return pattern;
  }

  /**
   * Whether the pattern is anchored at the root (it has a {@code /}); an unanchored one matches
   * names at any depth.
   */
  public boolean anchored() {
    return anchored;
  }

  /** Whether the file or directory at {@code relativePath} matches (its ancestors aside). */
  public boolean matches(String relativePath, boolean isDirectory) {
    if (directoryOnly && !isDirectory) {
      return false;
    }
    String subject =
        anchored ? relativePath : relativePath.substring(relativePath.lastIndexOf('/') + 1);
    return regex.matcher(subject).matches();
  }

  /** Whether the file at {@code relativePath} or one of the directories above it matches. */
  public boolean matchesFileOrParent(String relativePath) {
    if (matches(relativePath, false)) {
      return true;
    }
    for (int slash = relativePath.lastIndexOf('/');
        slash > 0;
        slash = relativePath.lastIndexOf('/', slash - 1)) {
      if (matches(relativePath.substring(0, slash), true)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return pattern;
  }
}
