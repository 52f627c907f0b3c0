package dev.asynclint.syntax.ast;

import java.util.Arrays;

/** The value of a bytes literal ({@code b'...'}) held by a {@link Expr.Constant}. */
public record Bytes(byte[] value) {
  @Override
  public boolean equals(Object other) {
    return other instanceof Bytes && Arrays.equals(value, ((Bytes) other).value);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return "Bytes" + Arrays.toString(value);
  }
}
