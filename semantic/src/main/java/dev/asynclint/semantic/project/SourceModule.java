package dev.asynclint.semantic.project;

import dev.asynclint.semantic.scope.ModuleScopes;
import dev.asynclint.syntax.ast.Module;
import java.nio.file.Path;

/**
 * One parsed file of the project with its module name and scopes. Two modules are equal only when
 * they are the same object: comparing or hashing whole syntax trees would cost a walk of each.
 *
 * @param path the file as the user named it, for reports
 * @param name the dotted module name
 */
public record SourceModule(
    Path path, String name, boolean isPackage, String source, Module tree, ModuleScopes scopes) {

  /** Builds the scopes of a parsed file. */
  public static SourceModule of(
      Path path, String name, boolean isPackage, String source, Module tree) {
    return new SourceModule(
        path, name, isPackage, source, tree, ModuleScopes.build(tree, source, name, isPackage));
  }

  @Override
  public boolean equals(Object other) {
    return this == other;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }
}
