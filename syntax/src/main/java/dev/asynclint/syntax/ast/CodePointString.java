package dev.asynclint.syntax.ast;

import java.util.Arrays;

/**
 * The value of a string literal that a Java {@link String} cannot hold faithfully: escapes such as
 * {@code '\ud834\udd1e'} make two separate code points in Python, which UTF-16 would merge into
 * one. Only such literals use this type; every other string constant is a {@link String}.
 */
public record CodePointString(int[] codePoints) {
  /** The text as Java sees it (surrogate escapes merged into pairs). */
  @Override
  public String toString() {
    return new String(codePoints, 0, codePoints.length);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CodePointString
        && Arrays.equals(codePoints, ((CodePointString) other).codePoints);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(codePoints);
  }
}
