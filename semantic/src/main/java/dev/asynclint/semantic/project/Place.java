package dev.asynclint.semantic.project;

import dev.asynclint.semantic.scope.Branch;
import dev.asynclint.semantic.scope.NameLookup;
import dev.asynclint.semantic.scope.Scope;

/** Where an expression is evaluated: its module, scope, offset and conditional block. */
public record Place(SourceModule module, Scope scope, int offset, Branch branch) {
  /** What {@code name} read here may refer to. */
  public NameLookup lookup(String name) {
    return module.scopes().lookup(scope, name, offset, branch);
  }
}
