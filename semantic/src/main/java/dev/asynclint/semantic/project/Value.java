package dev.asynclint.semantic.project;

/** What an expression evaluates to, as far as the semantic model can tell without running it. */
public sealed interface Value {
  Value UNKNOWN = new Unknown();

  /**
   * A module, function, class or attribute known by its fully qualified name, such as {@code
   * asyncio.sleep}, {@code requests.Session} or {@code pkg.core.Engine.run}.
   */
  record Named(String qualifiedName) implements Value {}

  /**
   * An attribute of an instance of a class outside the project, named by the class and the
   * attribute: {@code s.get} for an instance {@code s} of {@code requests.Session} is {@code
   * requests.Session.get}. Unlike a {@link Named} value it has no attributes the model can follow
   * (what the instance holds in it is not known).
   */
  record Member(String qualifiedName) implements Value {}

  /** An instance of the class with this qualified name, such as {@code requests.Session}. */
  record Instance(String className) implements Value {}

  /** {@code super()} inside a method of {@code owner}: attribute lookup starts after it. */
  record Super(ClassInfo owner) implements Value {}

  /** Anything else. */
  record Unknown() implements Value {}
}
