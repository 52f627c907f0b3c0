package dev.asynclint.engine.fix;

/** What {@code asynclint check} does with the fixes of its findings. */
public enum FixMode {
  /** Only reports them ({@code [*]} fixable). */
  NONE,
  /** {@code --fix}: applies them and writes the files. */
  FIX,
  /** {@code --diff}: computes them and shows a unified diff per file, writing nothing. */
  DIFF
}
