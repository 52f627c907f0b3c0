package dev.asynclint.lint;

/**
 * A rule that inspects a file's whole syntax tree ({@link FileContext#module()}): for patterns that
 * are not tied to one call or one function, such as module-level statements.
 */
public interface FileRule extends Rule {
  void checkFile(FileContext context);
}
