package dev.asynclint.report;

import java.nio.charset.StandardCharsets;

/**
 * The URI of a file in a SARIF log: a relative path becomes a relative reference with forward
 * slashes (resolved against {@code %SRCROOT%}), an absolute path a {@code file:} URI. Every byte
 * other than an unreserved character or a slash is percent-encoded, so spaces, {@code #}, {@code
 * %}, {@code :} and non-ASCII names survive.
 */
final class SarifUri {
  private SarifUri() {}

  /**
   * The URI of {@code path} on a system whose name separator is {@code separator}: on Windows a
   * backslash separates names, elsewhere it is part of one.
   */
  static String of(String path, char separator) {
    String slashed = separator == '/' ? path : path.replace(separator, '/');
    if (!isAbsolute(slashed)) {
      while (slashed.startsWith("./")) {
        slashed = slashed.substring(2);
      }
      return encode(slashed, false);
    }
    if (slashed.startsWith("//")) {
      return "file:" + encode(slashed, true);
    }
    return "file://" + (slashed.startsWith("/") ? "" : "/") + encode(slashed, true);
  }

  /** Whether a slashed path is absolute: {@code /x}, {@code //host/share} or {@code C:/x}. */
  static boolean isAbsolute(String slashed) {
    return slashed.startsWith("/")
        || (slashed.length() >= 3
            && isAsciiLetter(slashed.charAt(0))
            && slashed.charAt(1) == ':'
            && slashed.charAt(2) == '/');
  }

  /** Percent-encodes all but unreserved characters and slashes (and colons when asked). */
  private static String encode(String path, boolean keepColon) {
    StringBuilder uri = new StringBuilder(path.length());
    for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xFF);
      if (isAsciiLetter(c)
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~'
          || c == '/'
          || (keepColon && c == ':')) {
        uri.append(c);
      } else {
        uri.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        uri.append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
      }
    }
    return uri.toString();
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
