package dev.asynclint.semantic.scope;

/** The kinds of Python scopes, as CPython's symbol table distinguishes them. */
public enum ScopeKind {
  MODULE,
  CLASS,
  FUNCTION,
  LAMBDA,
  COMPREHENSION,
  /** A PEP 695 annotation scope holding a generic definition's type parameters. */
  TYPE_PARAMETERS;

  /** Whether names bound here are visible to nested functions (class bodies are not). */
  public boolean isFunctionLike() {
    return this == FUNCTION || this == LAMBDA || this == COMPREHENSION || this == TYPE_PARAMETERS;
  }
}
