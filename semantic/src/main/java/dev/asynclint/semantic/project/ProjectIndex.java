package dev.asynclint.semantic.project;

import dev.asynclint.semantic.scope.AttributeAssignment;
import dev.asynclint.semantic.scope.Scope;
import dev.asynclint.semantic.scope.ScopeKind;
import dev.asynclint.syntax.ast.Arg;
import dev.asynclint.syntax.ast.Arguments;
import dev.asynclint.syntax.ast.Node;
import dev.asynclint.syntax.ast.Stmt;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every module, function, method and class of the project by qualified name, with the assignments
 * to instance attributes that value tracking reads.
 */
public final class ProjectIndex {
  private final Map<String, SourceModule> modules = new LinkedHashMap<>();
  private final Map<Scope, SourceModule> modulesByScope = new IdentityHashMap<>();
  private final List<FunctionInfo> functions;
  private final Map<String, FunctionInfo> functionsByName;
  private final Map<Node, FunctionInfo> functionsByNode;
  private final Map<SourceModule, FunctionInfo> moduleBodies = new IdentityHashMap<>();
  private final Map<SourceModule, List<FunctionInfo>> functionsByModule = new IdentityHashMap<>();
  private final Map<String, ClassInfo> classesByName = new LinkedHashMap<>();
  private final Map<Node, ClassInfo> classesByNode;
  private final Map<ClassInfo, Map<String, List<AttributeAssignment>>> instanceAssignments =
      new IdentityHashMap<>();

  /**
   * Indexes the modules. When two files claim one module name (two scripts named {@code make.py} in
   * folders that are not packages), the first keeps it and the other is indexed under the name with
   * a {@code [n]} suffix, which no import can name, so that their definitions stay apart.
   *
   * <p>Each module's definitions are gathered on its own, in parallel when called from a pool's
   * thread, then merged in module order, so that a later definition of a name wins as it does on
   * one thread.
   */
  public ProjectIndex(List<SourceModule> sources) {
    List<String> names = new ArrayList<>(sources.size());
    for (SourceModule module : sources) {
      String name = module.name();
      for (int n = 2; modules.containsKey(name); n++) {
        name = module.name() + "[" + n + "]";
      }
      modules.put(name, module);
      names.add(name);
      modulesByScope.put(module.scopes().moduleScope(), module);
    }
    // Function ids are dense and in module order: each module's first id is known before its
    // definitions are gathered.
    int[] firstIds = new int[sources.size() + 1];
    for (int i = 0; i < sources.size(); i++) {
      firstIds[i + 1] = firstIds[i] + 1 + countFunctions(sources.get(i).scopes().moduleScope());
    }
    List<Definitions> definitions =
        Tasks.each(sources.size(), i -> Definitions.of(sources.get(i), names.get(i), firstIds[i]));
    // Sized once: a project has tens of thousands of definitions, and growing these maps step by
    // step copied them over and over.
    int count = firstIds[sources.size()];
    int classes = 0;
    for (Definitions defined : definitions) {
      classes += defined.classes.size();
    }
    functions = new ArrayList<>(count);
    functionsByName = new HashMap<>(count * 4 / 3 + 1);
    functionsByNode = new IdentityHashMap<>(count);
    classesByNode = new IdentityHashMap<>(classes);
    for (int i = 0; i < sources.size(); i++) {
      SourceModule module = sources.get(i);
      Definitions defined = definitions.get(i);
      functions.addAll(defined.functions);
      moduleBodies.put(module, defined.functions.get(0));
      functionsByModule.put(module, defined.functions);
      for (int f = 1; f < defined.functions.size(); f++) {
        FunctionInfo function = defined.functions.get(f);
        functionsByName.put(function.qualifiedName(), function);
        functionsByNode.put(function.node(), function);
      }
      for (ClassInfo cls : defined.classes) {
        classesByName.put(cls.qualifiedName(), cls);
        classesByNode.put(cls.node(), cls);
      }
    }
    for (SourceModule module : sources) {
      for (AttributeAssignment assignment : module.scopes().attributeAssignments()) {
        recordInstanceAssignment(assignment);
      }
    }
  }

  private static int countFunctions(Scope scope) {
    int count = 0;
    for (Scope child : scope.children()) {
      count += (child.kind() == ScopeKind.FUNCTION ? 1 : 0) + countFunctions(child);
    }
    return count;
  }

  /** A module's body, functions and methods in definition order, and its classes. */
  private static final class Definitions {
    final List<FunctionInfo> functions = new ArrayList<>();
    final List<ClassInfo> classes = new ArrayList<>();
    private final SourceModule module;
    private final int firstId;

    private Definitions(SourceModule module, int firstId) {
      this.module = module;
      this.firstId = firstId;
    }

    static Definitions of(SourceModule module, String name, int firstId) {
      Definitions definitions = new Definitions(module, firstId);
      definitions.functions.add(
          new FunctionInfo(firstId, name, module, null, module.scopes().moduleScope(), null));
      definitions.collect(module.scopes().moduleScope(), name, null);
      return definitions;
    }

    private void collect(Scope scope, String prefix, ClassInfo owner) {
      for (Scope child : scope.children()) {
        switch (child.kind()) {
          case FUNCTION:
            {
              String name = prefix + "." + child.name();
              FunctionInfo function =
                  new FunctionInfo(
                      firstId + functions.size(), name, module, (Stmt) child.node(), child, owner);
              functions.add(function);
              if (owner != null) {
                owner.addMethod(child.name(), function);
              }
              collect(child, name, null);
              break;
            }
          case CLASS:
            {
              String name = prefix + "." + child.name();
              ClassInfo cls = new ClassInfo(name, module, (Stmt.ClassDef) child.node(), child);
              classes.add(cls);
              collect(child, name, cls);
              break;
            }
          case TYPE_PARAMETERS:
            collect(child, prefix, owner);
            break;
          default:
            collect(child, prefix, null);
            break;
        }
      }
    }
  }

  public Collection<SourceModule> modules() {
    return Collections.unmodifiableCollection(modules.values());
  }

  public SourceModule module(String name) {
    return modules.get(name);
  }

  /** The module a scope belongs to. */
  public SourceModule moduleOf(Scope scope) {
    return modulesByScope.get(scope.module());
  }

  /** All functions, methods and module bodies; {@link FunctionInfo#id()} indexes this list. */
  public List<FunctionInfo> functions() {
    return Collections.unmodifiableList(functions);
  }

  /** The function with this qualified name (the last definition when redefined); null if none. */
  public FunctionInfo function(String qualifiedName) {
    return functionsByName.get(qualifiedName);
  }

  /** The function a {@code def} statement defines. */
  public FunctionInfo functionOf(Node def) {
    return functionsByNode.get(def);
  }

  public FunctionInfo moduleBody(SourceModule module) {
    return moduleBodies.get(module);
  }

  /** The module body and every function and method of a module, in definition order. */
  public List<FunctionInfo> functionsOf(SourceModule module) {
    return Collections.unmodifiableList(functionsByModule.getOrDefault(module, List.of()));
  }

  public Collection<ClassInfo> classes() {
    return Collections.unmodifiableCollection(classesByName.values());
  }

  public ClassInfo cls(String qualifiedName) {
    return classesByName.get(qualifiedName);
  }

  public ClassInfo classOf(Node classDef) {
    return classesByNode.get(classDef);
  }

  /** The longest prefix of a dotted name that is a project module; null if none. */
  public String modulePrefix(String qualifiedName) {
    String candidate = qualifiedName;
    while (true) {
      if (modules.containsKey(candidate)) {
        return candidate;
      }
      int dot = candidate.lastIndexOf('.');
      if (dot < 0) {
        return null;
      }
      candidate = candidate.substring(0, dot);
    }
  }

  /** The assignments {@code self.<attribute> = ...} in the methods of {@code cls}. */
  List<AttributeAssignment> instanceAssignments(ClassInfo cls, String attribute) {
    Map<String, List<AttributeAssignment>> byName = instanceAssignments.get(cls);
    if (byName == null) {
      return List.of();
    }
    return byName.getOrDefault(attribute, List.of());
  }

  private void recordInstanceAssignment(AttributeAssignment assignment) {
    Scope scope = assignment.scope();
    if (scope.kind() != ScopeKind.FUNCTION) {
      return;
    }
    FunctionInfo method = functionsByNode.get(scope.node());
    if (method == null || method.owner() == null) {
      return;
    }
    Arg self = firstParameter(method.parameters());
    if (self == null || !self.arg().equals(assignment.owner())) {
      return;
    }
    instanceAssignments
        .computeIfAbsent(method.owner(), cls -> new HashMap<>())
        .computeIfAbsent(assignment.attribute(), name -> new ArrayList<>())
        .add(assignment);
  }

  static Arg firstParameter(Arguments arguments) {
    if (arguments == null) {
      return null;
    }
    if (!arguments.posOnlyArgs().isEmpty()) {
      return arguments.posOnlyArgs().get(0);
    }
    return arguments.args().isEmpty() ? null : arguments.args().get(0);
  }
}
