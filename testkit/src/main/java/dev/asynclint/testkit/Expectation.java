package dev.asynclint.testkit;

/**
 * A finding a fixture line announces: {@code # error: ASY200 "time.sleep"} means a finding of
 * ASY200, with severity error, starting on this line, whose message contains {@code time.sleep}.
 *
 * @param path the fixture file, relative to the fixture's root
 * @param fragment text the message must contain; null for any message
 */
public record Expectation(String path, int line, String severity, String code, String fragment) {
  @Override
  public String toString() {
    String quoted = fragment == null ? "" : " \"" + fragment + "\"";
    return path + ":" + line + ": " + severity + ": " + code + quoted;
  }
}
