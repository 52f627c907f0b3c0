package dev.asynclint.rules.concurrency;

import dev.asynclint.semantic.project.CallEdge;
import dev.asynclint.semantic.project.CallPath;
import dev.asynclint.semantic.project.ClassInfo;
import dev.asynclint.semantic.project.FunctionInfo;
import dev.asynclint.semantic.project.Place;
import dev.asynclint.semantic.project.Resolver;
import dev.asynclint.semantic.project.SourceModule;
import dev.asynclint.semantic.project.Value;
import dev.asynclint.semantic.scope.Binding;
import dev.asynclint.semantic.scope.BindingKind;
import dev.asynclint.semantic.scope.NameLookup;
import dev.asynclint.semantic.scope.ScopeKind;
import dev.asynclint.syntax.ast.Arg;
import dev.asynclint.syntax.ast.Arguments;
import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.text.TextRange;
import java.util.List;
import java.util.Map;

/**
 * The asyncio locks of a project that ASY503 can name: module-level ones ({@code module.lock}),
 * class attributes and instance attributes ({@code Class.attr}, for the most basic project class
 * whose instances hold it).
 */
final class LockAcquisitions {
  /** What kind of primitive a lock is: whether acquiring it twice deadlocks. */
  enum Kind {
    LOCK,
    CONDITION,
    SEMAPHORE;

    boolean reentryDeadlocks() {
      return this != SEMAPHORE;
    }
  }

  /**
   * A lock expression resolved to a project-wide identity.
   *
   * @param key {@code module.name} or {@code module.Class.attr}
   * @param spelling how messages name it: {@code name} or {@code Class.attr}
   * @param perInstance whether each instance has its own ({@code self.x} set in a method)
   * @param onSelf whether the expression is an attribute of the method's own {@code self}
   */
  record LockRef(String key, String spelling, Kind kind, boolean perInstance, boolean onSelf) {}

  /**
   * One acquisition of a lock, reached from some function: {@code path} leads to the function that
   * holds {@code range} (empty when the function acquires it itself).
   *
   * @param sameSelf whether the acquisition is provably on the same instance as the {@code self} of
   *     the function the chain starts in (every link a call on {@code self}, the lock an attribute
   *     of {@code self})
   * @param certain whether the code the chain enters always reaches the acquisition: each further
   *     call of the chain and the acquisition itself stand outside any branch or loop of their
   *     function
   */
  record Acquisition(
      LockRef lock,
      SourceModule module,
      TextRange range,
      CallPath path,
      boolean sameSelf,
      boolean certain) {
    /** The calls that lead to the function holding the acquisition. */
    List<CallEdge> chain() {
      return path.edges();
    }

    /** The acquisition as reached from the caller of {@code edge}. */
    Acquisition through(CallEdge edge, boolean callIsCertain) {
      boolean onSelf = !lock.perInstance() || callsOnSelf(edge);
      return new Acquisition(
          lock, module, range, path.through(edge), sameSelf && onSelf, certain && callIsCertain);
    }

    /** Whether this acquisition tells more than {@code other}: same self and certain where not. */
    boolean betterThan(Acquisition other) {
      return sameSelf && certain && !(other.sameSelf && other.certain);
    }
  }

  private static final Map<String, Kind> LOCK_CLASSES =
      Map.ofEntries(
          Map.entry("asyncio.Lock", Kind.LOCK),
          Map.entry("asyncio.locks.Lock", Kind.LOCK),
          Map.entry("asyncio.Condition", Kind.CONDITION),
          Map.entry("asyncio.locks.Condition", Kind.CONDITION),
          Map.entry("asyncio.Semaphore", Kind.SEMAPHORE),
          Map.entry("asyncio.locks.Semaphore", Kind.SEMAPHORE),
          Map.entry("asyncio.BoundedSemaphore", Kind.SEMAPHORE),
          Map.entry("asyncio.locks.BoundedSemaphore", Kind.SEMAPHORE));

  private final Resolver resolver;

  LockAcquisitions(Resolver resolver) {
    this.resolver = resolver;
  }

  /** The lock an expression of {@code function} denotes; null when it is not one ASY503 names. */
  LockRef resolve(FunctionInfo function, Expr expr) {
    Place place = new Place(function.module(), function.scope(), expr.range().start(), null);
    Kind kind = kindOf(resolver.resolve(place, expr));
    if (kind == null) {
      return null;
    }
    if (expr instanceof Expr.Name) {
      String key = moduleLevelName(place, ((Expr.Name) expr).id(), function.module());
      return key == null ? null : new LockRef(key, lastName(key), kind, false, false);
    }
    if (!(expr instanceof Expr.Attribute)) {
      return null;
    }
    Expr.Attribute attribute = (Expr.Attribute) expr;
    String attr = attribute.attr();
    Value receiver = resolver.resolve(place, attribute.value());
    if (receiver instanceof Value.Named) {
      String name = ((Value.Named) receiver).qualifiedName();
      if (resolver.index().module(name) != null) {
        return new LockRef(name + "." + attr, attr, kind, false, false);
      }
      ClassInfo cls = resolver.index().cls(name);
      return cls == null
          ? null
          : new LockRef(name + "." + attr, lastName(name) + "." + attr, kind, false, false);
    }
    if (receiver instanceof Value.Instance) {
      ClassInfo cls = resolver.index().cls(((Value.Instance) receiver).className());
      if (cls == null) {
        return null;
      }
      ClassInfo holder = holder(cls, attr);
      boolean onSelf = isSelf(function, attribute.value());
      String key = holder.qualifiedName() + "." + attr;
      return new LockRef(key, lastName(holder.qualifiedName()) + "." + attr, kind, true, onSelf);
    }
    return null;
  }

  private static Kind kindOf(Value value) {
    return value instanceof Value.Instance
        ? LOCK_CLASSES.get(((Value.Instance) value).className())
        : null;
  }

  /** {@code module.name} for a name bound at module level (or imported from one); else null. */
  private String moduleLevelName(Place place, String name, SourceModule module) {
    NameLookup lookup = place.lookup(name);
    if (lookup.origin() != NameLookup.Origin.BOUND || lookup.bindings().isEmpty()) {
      return null;
    }
    String key = null;
    for (Binding binding : lookup.bindings()) {
      String candidate;
      if (binding.kind() == BindingKind.FROM_IMPORT || binding.kind() == BindingKind.IMPORT) {
        candidate = binding.importedName();
      } else if (binding.scope().kind() == ScopeKind.MODULE) {
        candidate = module.name() + "." + name;
      } else {
        return null;
      }
      if (candidate == null || key != null && !key.equals(candidate)) {
        return null;
      }
      key = candidate;
    }
    return key;
  }

  /** The most basic class in the MRO of {@code cls} whose instances hold the lock {@code attr}. */
  private ClassInfo holder(ClassInfo cls, String attr) {
    ClassInfo holder = cls;
    for (ClassInfo candidate : cls.mro()) {
      if (kindOf(resolver.attribute(new Value.Instance(candidate.qualifiedName()), attr)) != null) {
        holder = candidate;
      }
    }
    return holder;
  }

  /** Whether {@code expr} is the first parameter of a method ({@code self}). */
  static boolean isSelf(FunctionInfo function, Expr expr) {
    if (function.owner() == null || !(expr instanceof Expr.Name)) {
      return false;
    }
    Arg first = firstParameter(function.parameters());
    return first != null
        && first.arg().equals(((Expr.Name) expr).id())
        && !function.decoratorNames().contains("builtins.staticmethod")
        && !function.decoratorNames().contains("builtins.classmethod");
  }

  private static Arg firstParameter(Arguments arguments) {
    if (arguments == null) {
      return null;
    }
    if (!arguments.posOnlyArgs().isEmpty()) {
      return arguments.posOnlyArgs().get(0);
    }
    return arguments.args().isEmpty() ? null : arguments.args().get(0);
  }

  /** Whether a call edge calls a method on the caller's own {@code self}: {@code self.m()}. */
  static boolean callsOnSelf(CallEdge edge) {
    Expr func = edge.site().call().func();
    return func instanceof Expr.Attribute && isSelf(edge.caller(), ((Expr.Attribute) func).value());
  }

  private static String lastName(String qualifiedName) {
    return qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
  }
}
