package dev.asynclint.syntax.lexer;

/** Unwinds the lexer at its first error; carries no stack trace. */
final class LexError extends RuntimeException {
  final int offset;

  LexError(String message, int offset) {
    super(message, null, false, false);
    this.offset = offset;
  }
}
