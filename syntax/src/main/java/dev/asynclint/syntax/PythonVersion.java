package dev.asynclint.syntax;

import java.util.Locale;

/** A Python language version whose syntax the parser accepts ({@code --target-version}). */
public enum PythonVersion {
  PY38(8),
  PY39(9),
  PY310(10),
  PY311(11),
  PY312(12),
  PY313(13),
  PY314(14);

  private final int minor;

  PythonVersion(int minor) {
    this.minor = minor;
  }

  public static final PythonVersion LATEST = PY314;

  public int minor() {
    return minor;
  }

  public boolean atLeast(PythonVersion other) {
    return minor >= other.minor;
  }

  /** The version named like {@code py311}, or null if the name is not one. */
  public static PythonVersion fromName(String name) {
    for (PythonVersion version : values()) {
      if (version.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
        return version;
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return "3." + minor;
  }
}
