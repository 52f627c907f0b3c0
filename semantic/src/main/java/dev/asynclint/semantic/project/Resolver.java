package dev.asynclint.semantic.project;

import dev.asynclint.semantic.scope.AttributeAssignment;
import dev.asynclint.semantic.scope.Binding;
import dev.asynclint.semantic.scope.BindingKind;
import dev.asynclint.semantic.scope.NameLookup;
import dev.asynclint.semantic.scope.Scope;
import dev.asynclint.semantic.scope.ScopeKind;
import dev.asynclint.semantic.scope.Symbol;
import dev.asynclint.syntax.ast.Arg;
import dev.asynclint.syntax.ast.Arguments;
import dev.asynclint.syntax.ast.BinaryOperator;
import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.syntax.ast.Located;
import dev.asynclint.syntax.ast.Node;
import dev.asynclint.syntax.ast.Singleton;
import dev.asynclint.syntax.ast.Stmt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates expressions symbolically: which module, function or class a name or attribute chain
 * denotes, and which class a value is an instance of. Conservative: when bindings disagree or a
 * step cannot be followed, the answer is {@link Value#UNKNOWN}, never a guess.
 *
 * <p>Answers are memoized per binding, function and qualified name; an instance is therefore not
 * safe for concurrent use.
 */
public final class Resolver {
  /** Deep enough for real alias chains, shallow enough to stop pathological ones quickly. */
  private static final int MAX_DEPTH = 40;

  private static final Value IN_PROGRESS = new Value.Named("<in progress>");

  private final ProjectIndex index;
  private final KnownApis apis = KnownApis.get();
  private final Map<Binding, Value> bindingValues = new IdentityHashMap<>();
  private final Map<String, Value> canonicalNames = new HashMap<>();
  private final Map<FunctionInfo, Value> returnValues = new IdentityHashMap<>();
  private int depth;

  public Resolver(ProjectIndex index) {
    this.index = index;
  }

  public ProjectIndex index() {
    return index;
  }

  /** What {@code expr}, evaluated at {@code place}, denotes. */
  public Value resolve(Place place, Expr expr) {
    if (++depth > MAX_DEPTH) {
      depth--;
      return Value.UNKNOWN;
    }
    try {
      return evaluate(place, expr);
    } finally {
      depth--;
    }
  }

  /**
   * The qualified name {@code expr} denotes, or null: {@code aio.sleep} → {@code asyncio.sleep}.
   */
  public String qualifiedName(Place place, Expr expr) {
    return qualifiedName(resolve(place, expr));
  }

  /** The qualified name of a function, class, module or external member value; else null. */
  public static String qualifiedName(Value value) {
    if (value instanceof Value.Named) {
      return ((Value.Named) value).qualifiedName();
    }
    return value instanceof Value.Member ? ((Value.Member) value).qualifiedName() : null;
  }

  /**
   * What a fully qualified name denotes once project re-exports are followed: {@code pkg.Engine}
   * becomes {@code pkg.core.Engine} when {@code pkg/__init__.py} imports it from {@code .core}.
   * Names outside the project are returned as they are.
   */
  public Value canonical(String qualifiedName) {
    Value known = canonicalNames.get(qualifiedName);
    if (known == IN_PROGRESS) {
      return Value.UNKNOWN;
    }
    if (known != null) {
      return known;
    }
    canonicalNames.put(qualifiedName, IN_PROGRESS);
    Value value = follow(qualifiedName);
    canonicalNames.put(qualifiedName, value);
    return value;
  }

  private Value follow(String qualifiedName) {
    String module = index.modulePrefix(qualifiedName);
    if (module == null || module.equals(qualifiedName)) {
      return new Value.Named(qualifiedName);
    }
    String[] rest = qualifiedName.substring(module.length() + 1).split("\\.");
    Value value = moduleMember(module, rest[0]);
    for (int i = 1; i < rest.length; i++) {
      value = attribute(value, rest[i]);
    }
    return value;
  }

  /** The attribute {@code name} of the value {@code base}. */
  public Value attribute(Value base, String name) {
    if (base instanceof Value.Named) {
      String qualified = ((Value.Named) base).qualifiedName();
      ClassInfo cls = index.cls(qualified);
      if (cls != null) {
        return classAttribute(cls, name, 0, false);
      }
      if (index.module(qualified) != null) {
        return moduleMember(qualified, name);
      }
      if (index.function(qualified) != null || index.modulePrefix(qualified) != null) {
        return Value.UNKNOWN;
      }
      return new Value.Named(qualified + "." + name);
    }
    if (base instanceof Value.Instance) {
      String className = ((Value.Instance) base).className();
      ClassInfo cls = index.cls(className);
      if (cls != null) {
        return instanceAttribute(cls, name);
      }
      return index.modulePrefix(className) != null
          ? Value.UNKNOWN
          : new Value.Member(className + "." + name);
    }
    if (base instanceof Value.Super) {
      Value.Super zuper = (Value.Super) base;
      return classAttribute(zuper.owner(), name, 1, true);
    }
    return Value.UNKNOWN;
  }

  /** What calling (or awaiting the call of) {@code callee} gives. */
  public Value callResult(Value callee) {
    if (callee instanceof Value.Named) {
      String qualified = ((Value.Named) callee).qualifiedName();
      if (index.cls(qualified) != null) {
        return new Value.Instance(qualified);
      }
      FunctionInfo function = index.function(qualified);
      if (function != null) {
        return returnedValue(function);
      }
      if (index.modulePrefix(qualified) != null) {
        return Value.UNKNOWN;
      }
      String returned = apis.returnedClass(qualified);
      if (returned != null) {
        return new Value.Instance(returned);
      }
      return apis.isClass(qualified) ? new Value.Instance(qualified) : Value.UNKNOWN;
    }
    if (callee instanceof Value.Member) {
      String returned = apis.returnedClass(((Value.Member) callee).qualifiedName());
      return returned == null ? Value.UNKNOWN : new Value.Instance(returned);
    }
    if (callee instanceof Value.Instance) {
      String className = ((Value.Instance) callee).className();
      ClassInfo cls = index.cls(className);
      if (cls != null) {
        FunctionInfo call = cls.findMethod("__call__");
        return call == null ? Value.UNKNOWN : returnedValue(call);
      }
      String returned = apis.returnedClass(className + ".__call__");
      return returned == null ? Value.UNKNOWN : new Value.Instance(returned);
    }
    return Value.UNKNOWN;
  }

  /** What a call to {@code callee} calls. */
  public CallTarget target(Value callee) {
    if (callee instanceof Value.Member) {
      String qualified = ((Value.Member) callee).qualifiedName();
      return new CallTarget(CallTarget.Kind.EXTERNAL, qualified, null, null);
    }
    if (callee instanceof Value.Named) {
      String qualified = ((Value.Named) callee).qualifiedName();
      ClassInfo cls = index.cls(qualified);
      if (cls != null) {
        return new CallTarget(CallTarget.Kind.CLASS, qualified, cls.findMethod("__init__"), cls);
      }
      FunctionInfo function = index.function(qualified);
      if (function != null) {
        return new CallTarget(CallTarget.Kind.FUNCTION, qualified, function, null);
      }
      if (index.modulePrefix(qualified) != null) {
        return CallTarget.UNRESOLVED;
      }
      CallTarget.Kind kind =
          apis.isClass(qualified) ? CallTarget.Kind.CLASS : CallTarget.Kind.EXTERNAL;
      return new CallTarget(kind, qualified, null, null);
    }
    if (callee instanceof Value.Instance) {
      String className = ((Value.Instance) callee).className();
      ClassInfo cls = index.cls(className);
      if (cls != null) {
        FunctionInfo call = cls.findMethod("__call__");
        return call == null
            ? CallTarget.UNRESOLVED
            : new CallTarget(CallTarget.Kind.FUNCTION, call.qualifiedName(), call, null);
      }
      if (index.modulePrefix(className) != null) {
        return CallTarget.UNRESOLVED;
      }
      return new CallTarget(CallTarget.Kind.EXTERNAL, className + ".__call__", null, null);
    }
    return CallTarget.UNRESOLVED;
  }

  private Value evaluate(Place place, Expr expr) {
    if (expr instanceof Expr.Name) {
      return name(place, ((Expr.Name) expr).id());
    }
    if (expr instanceof Expr.Attribute) {
      Expr.Attribute attribute = (Expr.Attribute) expr;
      return attribute(resolve(place, attribute.value()), attribute.attr());
    }
    if (expr instanceof Expr.Call) {
      Expr.Call call = (Expr.Call) expr;
      Value callee = resolve(place, call.func());
      if (callee.equals(new Value.Named("builtins.super")) && call.args().isEmpty()) {
        return superOf(place);
      }
      return callResult(callee);
    }
    if (expr instanceof Expr.Await) {
      Expr awaited = ((Expr.Await) expr).value();
      return awaited instanceof Expr.Call ? resolve(place, awaited) : Value.UNKNOWN;
    }
    return Value.UNKNOWN;
  }

  private Value name(Place place, String name) {
    NameLookup lookup = place.lookup(name);
    switch (lookup.origin()) {
      case BOUND:
        return merge(lookup.bindings());
      case BUILTIN:
        return new Value.Named("builtins." + name);
      case STAR_IMPORT:
        if (lookup.starModules().size() == 1 && lookup.starModules().get(0) != null) {
          String star = lookup.starModules().get(0);
          return index.module(star) == null ? Value.UNKNOWN : moduleMember(star, name);
        }
        return Value.UNKNOWN;
      default:
        return Value.UNKNOWN;
    }
  }

  /**
   * The value all the bindings agree on. A binding to {@code None} does not count: it is the
   * placeholder of an optional import ({@code except ImportError: requests = None}), and code that
   * calls through the name runs only when the real binding is in place.
   */
  private Value merge(List<Binding> bindings) {
    Value merged = null;
    for (int i = 0; i < bindings.size(); i++) {
      Binding binding = bindings.get(i);
      if (binding.kind() == BindingKind.ASSIGNMENT && isNone(binding.value())) {
        continue;
      }
      Value value = bindingValue(binding);
      if (value instanceof Value.Unknown || merged != null && !merged.equals(value)) {
        return Value.UNKNOWN;
      }
      merged = value;
    }
    return merged == null ? Value.UNKNOWN : merged;
  }

  /** The value a binding gives its name. */
  public Value bindingValue(Binding binding) {
    Value known = bindingValues.get(binding);
    if (known == IN_PROGRESS) {
      return Value.UNKNOWN;
    }
    if (known != null) {
      return known;
    }
    bindingValues.put(binding, IN_PROGRESS);
    Value value = computeBindingValue(binding);
    bindingValues.put(binding, value);
    return value;
  }

  private Value computeBindingValue(Binding binding) {
    SourceModule module = index.moduleOf(binding.scope());
    switch (binding.kind()) {
      case IMPORT:
        return canonical(binding.importedName());
      case FROM_IMPORT:
        if (binding.importedName() == null) {
          return Value.UNKNOWN;
        }
        // `from . import sub` names the submodule even when the package binds `sub` itself.
        if (index.module(binding.importedName()) != null) {
          return new Value.Named(binding.importedName());
        }
        return canonical(binding.importedName());
      case FUNCTION:
        FunctionInfo function = index.functionOf(binding.definition());
        return function == null ? Value.UNKNOWN : new Value.Named(function.qualifiedName());
      case CLASS:
        ClassInfo cls = index.classOf(binding.definition());
        return cls == null ? Value.UNKNOWN : new Value.Named(cls.qualifiedName());
      case PARAMETER:
        return parameterValue(module, binding);
      case ASSIGNMENT:
      case NAMED_EXPRESSION:
      case WITH_TARGET:
        if (binding.value() == null) {
          return Value.UNKNOWN;
        }
        Place place =
            new Place(module, binding.scope(), binding.value().range().start(), binding.branch());
        return resolve(place, binding.value());
      case EXCEPT_HANDLER:
        return binding.value() == null
            ? Value.UNKNOWN
            : instanceOf(at(module, binding), binding.value());
      default:
        return Value.UNKNOWN;
    }
  }

  private Place at(SourceModule module, Binding binding) {
    return new Place(module, binding.scope(), binding.range().start(), binding.branch());
  }

  /** A parameter: an instance of its annotated class, or the method's own class for self/cls. */
  private Value parameterValue(SourceModule module, Binding binding) {
    Arguments arguments = argumentsOf(binding.scope());
    if (arguments != null && binding.definition() != null) {
      // The annotation of *args and **kwargs describes their items, not the tuple or dict.
      if (binding.definition() == arguments.varArg()) {
        return new Value.Instance("builtins.tuple");
      }
      if (binding.definition() == arguments.kwArg()) {
        return new Value.Instance("builtins.dict");
      }
    }
    FunctionInfo function = index.functionOf(binding.scope().node());
    if (binding.value() != null) {
      Scope outside = binding.scope().parent();
      int offset = startOf(binding.scope());
      return annotationType(new Place(module, outside, offset, null), binding.value());
    }
    if (function == null || function.owner() == null) {
      return Value.UNKNOWN;
    }
    Arg first = ProjectIndex.firstParameter(function.parameters());
    if (first == null || !first.arg().equals(binding.name())) {
      return Value.UNKNOWN;
    }
    List<String> decorators = decoratorNames(function);
    if (decorators.contains("builtins.staticmethod")) {
      return Value.UNKNOWN;
    }
    String cls = function.owner().qualifiedName();
    String name = function.name();
    if (decorators.contains("builtins.classmethod")
        || name.equals("__new__")
        || name.equals("__init_subclass__")
        || name.equals("__class_getitem__")) {
      return new Value.Named(cls);
    }
    return new Value.Instance(cls);
  }

  private static Arguments argumentsOf(Scope scope) {
    Node node = scope.node();
    if (node instanceof Stmt.FunctionDef) {
      return ((Stmt.FunctionDef) node).args();
    }
    if (node instanceof Stmt.AsyncFunctionDef) {
      return ((Stmt.AsyncFunctionDef) node).args();
    }
    return node instanceof Expr.Lambda ? ((Expr.Lambda) node).args() : null;
  }

  private static int startOf(Scope scope) {
    return scope.node() instanceof Located ? ((Located) scope.node()).range().start() : 0;
  }

  /** The resolved names of a function's decorators (of the called function for {@code @d(...)}). */
  List<String> decoratorNames(FunctionInfo function) {
    if (function.isModuleBody()) {
      return List.of();
    }
    if (!function.decoratorsResolved()) {
      Scope outside = function.scope().parent();
      Place place = new Place(function.module(), outside, function.node().range().start(), null);
      List<String> names = new ArrayList<>();
      for (Expr decorator : function.decorators()) {
        Expr callee = decorator instanceof Expr.Call ? ((Expr.Call) decorator).func() : decorator;
        String name = qualifiedName(place, callee);
        if (name != null) {
          names.add(name);
        }
      }
      function.setDecoratorNames(names);
    }
    return function.decoratorNames();
  }

  /** The instance type an annotation declares: {@code X}, {@code Optional[X]}, {@code X | None}. */
  public Value annotationType(Place place, Expr annotation) {
    if (annotation instanceof Expr.Subscript) {
      Expr.Subscript subscript = (Expr.Subscript) annotation;
      Value generic = resolve(place, subscript.value());
      if (generic.equals(new Value.Named("typing.Optional"))) {
        return annotationType(place, subscript.slice());
      }
      return Value.UNKNOWN;
    }
    if (annotation instanceof Expr.BinOp) {
      Expr.BinOp union = (Expr.BinOp) annotation;
      if (union.op() == BinaryOperator.BIT_OR) {
        if (isNone(union.right())) {
          return annotationType(place, union.left());
        }
        if (isNone(union.left())) {
          return annotationType(place, union.right());
        }
      }
      return Value.UNKNOWN;
    }
    return instanceOf(place, annotation);
  }

  private Value instanceOf(Place place, Expr classExpr) {
    Value value = resolve(place, classExpr);
    if (!(value instanceof Value.Named)) {
      return Value.UNKNOWN;
    }
    String name = ((Value.Named) value).qualifiedName();
    if (isTypingConstruct(name) || name.equals("builtins.object")) {
      return Value.UNKNOWN;
    }
    if (index.cls(name) != null || index.modulePrefix(name) == null && apis.isClass(name)) {
      return new Value.Instance(name);
    }
    return Value.UNKNOWN;
  }

  /** {@code typing.Any}, {@code typing.Protocol} and the like: types, but not classes of values. */
  static boolean isTypingConstruct(String name) {
    return name.startsWith("typing.") || name.startsWith("typing_extensions.");
  }

  private static boolean isNone(Expr expr) {
    return expr instanceof Expr.Constant && ((Expr.Constant) expr).value() == Singleton.NONE;
  }

  /**
   * What calling a project function gives: its return annotation's class, else the value all its
   * {@code return} statements agree on ({@code return cls(url)}, {@code return ClientSession()}).
   */
  private Value returnedValue(FunctionInfo function) {
    Value known = returnValues.get(function);
    if (known == IN_PROGRESS) {
      return Value.UNKNOWN;
    }
    if (known != null) {
      return known;
    }
    returnValues.put(function, IN_PROGRESS);
    Value value = computeReturnedValue(function);
    returnValues.put(function, value);
    return value;
  }

  private Value computeReturnedValue(FunctionInfo function) {
    Expr annotation = function.returnAnnotation();
    if (annotation != null) {
      Place outside =
          new Place(
              function.module(), function.scope().parent(), function.node().range().start(), null);
      return annotationType(outside, annotation);
    }
    List<Expr> returned = ReturnStatements.of(function.body());
    if (returned == null) {
      return Value.UNKNOWN;
    }
    Value merged = null;
    for (Expr expr : returned) {
      Place place = new Place(function.module(), function.scope(), expr.range().start(), null);
      Value value = resolve(place, expr);
      if (value instanceof Value.Unknown || merged != null && !merged.equals(value)) {
        return Value.UNKNOWN;
      }
      merged = value;
    }
    return merged;
  }

  private Value superOf(Place place) {
    Scope function = place.scope().enclosingFunction();
    if (function == null) {
      return Value.UNKNOWN;
    }
    Scope parent = function.parent();
    while (parent != null && parent.kind() == ScopeKind.TYPE_PARAMETERS) {
      parent = parent.parent();
    }
    if (parent == null || parent.kind() != ScopeKind.CLASS) {
      return Value.UNKNOWN;
    }
    ClassInfo owner = index.classOf(parent.node());
    return owner == null ? Value.UNKNOWN : new Value.Super(owner);
  }

  private Value moduleMember(String module, String name) {
    SourceModule source = index.module(module);
    Symbol symbol = source.scopes().moduleScope().symbol(name);
    if (symbol != null && symbol.isBound()) {
      List<Binding> bindings = valueBindings(symbol);
      if (!bindings.isEmpty()) {
        return merge(bindings);
      }
    }
    String submodule = module + "." + name;
    if (index.module(submodule) != null) {
      return new Value.Named(submodule);
    }
    for (Scope.StarImport star : source.scopes().moduleScope().starImports()) {
      if (star.module() != null && index.module(star.module()) != null) {
        Value value = canonical(star.module() + "." + name);
        if (!(value instanceof Value.Unknown)) {
          return value;
        }
      }
    }
    return Value.UNKNOWN;
  }

  private static List<Binding> valueBindings(Symbol symbol) {
    List<Binding> all = symbol.bindings();
    List<Binding> bindings = null;
    for (int i = 0; i < all.size(); i++) {
      Binding binding = all.get(i);
      if (binding.kind().bindsValue()) {
        if (bindings == null) {
          bindings = new ArrayList<>(all.size() - i);
        }
        bindings.add(binding);
      }
    }
    return bindings == null ? List.of() : bindings;
  }

  /**
   * An attribute looked up on a class object through the project part of its MRO, starting {@code
   * skip} classes in (1 for {@code super()}); a class outside the project answers for anything the
   * project classes lack.
   */
  private Value classAttribute(ClassInfo cls, String name, int skip, boolean onInstance) {
    List<ClassInfo> mro = cls.mro();
    for (int i = skip; i < mro.size(); i++) {
      Symbol symbol = mro.get(i).scope().symbol(name);
      if (symbol != null && symbol.isLocal()) {
        List<Binding> bindings = valueBindings(symbol);
        if (!bindings.isEmpty()) {
          return merge(bindings);
        }
      }
    }
    return inherited(cls, name, onInstance);
  }

  private Value instanceAttribute(ClassInfo cls, String name) {
    List<ClassInfo> mro = cls.mro();
    for (int i = 0; i < mro.size(); i++) {
      ClassInfo candidate = mro.get(i);
      Symbol symbol = candidate.scope().symbol(name);
      List<Binding> classBindings =
          symbol != null && symbol.isLocal() ? valueBindings(symbol) : List.of();
      if (!classBindings.isEmpty() && isMethod(symbol)) {
        return merge(classBindings);
      }
      List<AttributeAssignment> assignments = index.instanceAssignments(candidate, name);
      if (!assignments.isEmpty()) {
        return mergeAssignments(assignments);
      }
      if (!classBindings.isEmpty()) {
        return merge(classBindings);
      }
    }
    return inherited(cls, name, true);
  }

  private static boolean isMethod(Symbol symbol) {
    List<Binding> bindings = symbol.bindings();
    for (int i = 0; i < bindings.size(); i++) {
      if (bindings.get(i).kind() != BindingKind.FUNCTION) {
        return false;
      }
    }
    return true;
  }

  private Value mergeAssignments(List<AttributeAssignment> assignments) {
    Value merged = null;
    for (AttributeAssignment assignment : assignments) {
      SourceModule module = index.moduleOf(assignment.scope());
      Place place =
          new Place(
              module, assignment.scope(), assignment.value().range().start(), assignment.branch());
      Value value = resolve(place, assignment.value());
      if (value instanceof Value.Unknown || merged != null && !merged.equals(value)) {
        return Value.UNKNOWN;
      }
      merged = value;
    }
    return merged == null ? Value.UNKNOWN : merged;
  }

  /**
   * An attribute the project classes lack, from the one class outside the project they derive from:
   * a class attribute ({@code Model.objects}) or an instance's member.
   */
  private Value inherited(ClassInfo cls, String name, boolean onInstance) {
    List<String> external = cls.allExternalBases();
    if (external.size() != 1) {
      return Value.UNKNOWN;
    }
    String qualified = external.get(0) + "." + name;
    return onInstance ? new Value.Member(qualified) : new Value.Named(qualified);
  }
}
