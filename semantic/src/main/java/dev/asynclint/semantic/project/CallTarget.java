package dev.asynclint.semantic.project;

/**
 * What a call site calls.
 *
 * @param qualifiedName the callee's qualified name; null when unknown
 * @param function the project function called (for a class, its {@code __init__} when the project
 *     defines one); null otherwise
 * @param cls the project class instantiated, for {@link Kind#CLASS}
 */
public record CallTarget(Kind kind, String qualifiedName, FunctionInfo function, ClassInfo cls) {
  /** The kinds of callees. */
  public enum Kind {
    /** A project function or method. */
    FUNCTION,
    /** A class: the call constructs an instance ({@code cls} is set for a project class). */
    CLASS,
    /** A function or method outside the project, known by its qualified name. */
    EXTERNAL,
    UNKNOWN
  }

  /** Whether the callee is a coroutine function, a plain callable, or not known to be either. */
  public enum Synchrony {
    SYNC,
    ASYNC,
    UNKNOWN;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public static final CallTarget UNRESOLVED = new CallTarget(Kind.UNKNOWN, null, null, null);

  public Synchrony synchrony() {
    switch (kind) {
      case FUNCTION:
        return function.isAsync() ? Synchrony.ASYNC : Synchrony.SYNC;
      case CLASS:
        return Synchrony.SYNC;
      case EXTERNAL:
        return qualifiedName.startsWith("builtins.") ? Synchrony.SYNC : Synchrony.UNKNOWN;
      default:
        return Synchrony.UNKNOWN;
    }
  }
}
