package dev.asynclint.lint;

import java.util.Locale;

/** How sure a rule is that what it found is a problem. */
public enum Severity {
  /** Almost certainly a bug. */
  ERROR,
  /** Very likely a problem. */
  WARNING,
  /** A performance or style hint; off unless selected. */
  INFO;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
