package dev.asynclint.cli;

/** The exit statuses of the command line, as the product specification defines them. */
final class ExitStatus {
  static final int CLEAN = 0;
  static final int FINDINGS = 1;
  static final int ERROR = 2;

  private ExitStatus() {}
}
