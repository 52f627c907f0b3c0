package dev.asynclint.semantic.project;

import dev.asynclint.semantic.scope.Scope;
import dev.asynclint.syntax.ast.Stmt;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A {@code class} of the project, with its methods and resolved bases. */
public final class ClassInfo {
  private final String qualifiedName;
  private final SourceModule module;
  private final Stmt.ClassDef node;
  private final Scope scope;
  private final Map<String, FunctionInfo> methods = new LinkedHashMap<>();
  private final List<ClassInfo> projectBases = new ArrayList<>();
  private final List<String> externalBases = new ArrayList<>();
  private List<ClassInfo> linearization;

  ClassInfo(String qualifiedName, SourceModule module, Stmt.ClassDef node, Scope scope) {
    this.qualifiedName = qualifiedName;
    this.module = module;
    this.node = node;
    this.scope = scope;
  }

  public String qualifiedName() {
    return qualifiedName;
  }

  public SourceModule module() {
    return module;
  }

  public Stmt.ClassDef node() {
    return node;
  }

  /** The scope of the class body. */
  public Scope scope() {
    return scope;
  }

  /** The methods defined in the class body itself, by name (the last definition of a name). */
  public Map<String, FunctionInfo> methods() {
    return Collections.unmodifiableMap(methods);
  }

  /** The bases that are project classes, in declaration order. */
  public List<ClassInfo> projectBases() {
    return Collections.unmodifiableList(projectBases);
  }

  /** The qualified names of the bases outside the project, such as {@code aiohttp.web.View}. */
  public List<String> externalBases() {
    return Collections.unmodifiableList(externalBases);
  }

  /**
   * The project classes searched for an attribute, in CPython's C3 order: this class first. When C3
   * fails (an inconsistent hierarchy, which CPython rejects), a depth-first order is used.
   */
  public List<ClassInfo> mro() {
    if (linearization == null) {
      linearization = new Linearization().of(this);
    }
    return linearization;
  }

  /**
   * Makes the MRO now, unless it is made, with {@code shared}: one for every class of a project, so
   * that each class's linearization is made once and serves the classes derived from it.
   */
  void linearize(Linearization shared) {
    if (linearization == null) {
      linearization = shared.of(this);
    }
  }

  /** The method {@code name} as found through the project part of the MRO; null if none. */
  public FunctionInfo findMethod(String name) {
    for (ClassInfo cls : mro()) {
      FunctionInfo method = cls.methods.get(name);
      if (method != null) {
        return method;
      }
    }
    return null;
  }

  /** Whether this class or a project class it inherits from has an external base {@code name}. */
  public boolean inheritsExternal(String name) {
    for (ClassInfo cls : mro()) {
      if (cls.externalBases.contains(name)) {
        return true;
      }
    }
    return false;
  }

  /** The external bases of the whole project part of the hierarchy, nearest first. */
  public List<String> allExternalBases() {
    List<String> names = new ArrayList<>();
    for (ClassInfo cls : mro()) {
      names.addAll(cls.externalBases);
    }
    return names;
  }

  void addMethod(String name, FunctionInfo method) {
    methods.put(name, method);
  }

  void addProjectBase(ClassInfo base) {
    projectBases.add(base);
  }

  void addExternalBase(String name) {
    externalBases.add(name);
  }

  @Override
  public String toString() {
    return qualifiedName;
  }
}
