package dev.asynclint.lint;

import java.util.Locale;

/** Whether a rule can fix what it finds, and how safely. */
public enum FixAvailability {
  NONE,
  /** The fix never changes behaviour beyond the intended repair. */
  SAFE,
  /** The fix may change behaviour; applied only with {@code --unsafe-fixes}. */
  UNSAFE;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
