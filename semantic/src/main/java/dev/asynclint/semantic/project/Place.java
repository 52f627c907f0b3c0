package dev.asynclint.semantic.project;

import dev.asynclint.semantic.scope.Branch;
import dev.asynclint.semantic.scope.Scope;

/** Where an expression is evaluated: its module, scope, offset and conditional block. */
public record Place(SourceModule module, Scope scope, int offset, Branch branch) {}
