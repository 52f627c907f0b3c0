package dev.asynclint.semantic.scope;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A name in one scope: how it is declared there and every binding of it in that scope. */
public final class Symbol {
  private final String name;
  // Made with the first binding: many symbols are only read in their scope and never bound there.
  private List<Binding> bindings;
  private List<Binding> bindingsView;
  private boolean declaredGlobal;
  private boolean declaredNonlocal;
  private boolean referenced;
  private boolean parameter;

  Symbol(String name) {
    this.name = name;
  }

  public String name() {
    return name;
  }

  /** The bindings in the order they take effect. */
  public List<Binding> bindings() {
    // Made on first use and kept: resolution asks for the bindings of the same symbols again and
    // again. Two threads may both make one; either will do.
    List<Binding> view = bindingsView;
    if (view == null) {
      if (bindings == null) {
        return List.of();
      }
      view = Collections.unmodifiableList(bindings);
      bindingsView = view;
    }
    return view;
  }

  /** Bound in this scope: assigned, imported, defined, a parameter or a capture (not declared). */
  public boolean isBound() {
    return bindings != null;
  }

  /** Local to this scope in CPython's sense: bound here and not declared global or nonlocal. */
  public boolean isLocal() {
    return isBound() && !declaredGlobal && !declaredNonlocal;
  }

  public boolean isDeclaredGlobal() {
    return declaredGlobal;
  }

  public boolean isDeclaredNonlocal() {
    return declaredNonlocal;
  }

  /** Read somewhere in this scope (not counting nested scopes). */
  public boolean isReferenced() {
    return referenced;
  }

  public boolean isParameter() {
    return parameter;
  }

  void add(Binding binding) {
    if (bindings == null) {
      bindings = new ArrayList<>(2);
    }
    bindings.add(binding);
    if (binding.kind() == BindingKind.PARAMETER) {
      parameter = true;
    }
  }

  void sortBindings() {
    if (bindings != null) {
      bindings.sort((a, b) -> Integer.compare(a.effectiveOffset(), b.effectiveOffset()));
    }
  }

  void declareGlobal() {
    declaredGlobal = true;
  }

  void declareNonlocal() {
    declaredNonlocal = true;
  }

  void markReferenced() {
    referenced = true;
  }
}
