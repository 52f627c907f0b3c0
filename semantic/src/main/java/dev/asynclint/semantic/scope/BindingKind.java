package dev.asynclint.semantic.scope;

/** How a name came to be bound. */
public enum BindingKind {
  /** {@code import a.b} or {@code import a.b as c}. */
  IMPORT,
  /** {@code from m import n}, including relative imports. */
  FROM_IMPORT,
  FUNCTION,
  CLASS,
  PARAMETER,
  /** {@code x = ...}, {@code x: T = ...}, {@code x += ...}, {@code type X = ...}. */
  ASSIGNMENT,
  /** {@code (x := ...)}. */
  NAMED_EXPRESSION,
  /** The target of {@code for} or of a comprehension. */
  LOOP_TARGET,
  /** {@code with ... as x} and {@code async with ... as x}. */
  WITH_TARGET,
  /** {@code except ... as e}. */
  EXCEPT_HANDLER,
  /** A capture in a {@code match} pattern. */
  MATCH_CAPTURE,
  TYPE_PARAMETER,
  /** {@code x: T} without a value: makes {@code x} local without binding it. */
  ANNOTATION,
  /**
   * {@code del x}, and the implicit deletion of an {@code except ... as e} name at the end of its
   * handler: the name is unbound from here on.
   */
  DELETION;

  /** Whether the name has a value after this binding (false for annotations and deletions). */
  public boolean bindsValue() {
    return this != ANNOTATION && this != DELETION;
  }
}
