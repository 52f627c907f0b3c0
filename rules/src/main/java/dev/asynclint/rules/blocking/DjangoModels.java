package dev.asynclint.rules.blocking;

import dev.asynclint.semantic.project.ClassInfo;
import dev.asynclint.semantic.project.FunctionInfo;
import dev.asynclint.semantic.project.Place;
import dev.asynclint.semantic.project.Resolver;
import dev.asynclint.semantic.project.Value;
import dev.asynclint.semantic.scope.Binding;
import dev.asynclint.semantic.scope.BindingKind;
import dev.asynclint.semantic.scope.NameLookup;
import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.syntax.ast.Node;
import dev.asynclint.syntax.ast.NodeSearch;
import dev.asynclint.syntax.ast.Stmt;
import dev.asynclint.syntax.ast.Walker;
import java.util.Set;

/**
 * What in a function is a Django model, a manager or queryset of one, or a model instance. A model
 * is a project class deriving (through its MRO) from {@code django.db.models.Model}, or one of
 * Django's own models ({@code User}, {@code Group}...); a queryset is {@code Model.objects} (or
 * {@code _default_manager}), a chain of lazy queryset methods on it, or a local name bound to one.
 */
final class DjangoModels {
  private static final Set<String> MODEL_BASES =
      Set.of("django.db.models.Model", "django.db.models.base.Model");

  private static final Set<String> DJANGO_MODELS =
      Set.of(
          "django.contrib.auth.models.User",
          "django.contrib.auth.models.Group",
          "django.contrib.auth.models.Permission",
          "django.contrib.contenttypes.models.ContentType",
          "django.contrib.sessions.models.Session",
          "django.contrib.sites.models.Site",
          "django.contrib.admin.models.LogEntry");

  private static final Set<String> MANAGERS = Set.of("objects", "_default_manager");

  /** Queryset methods that return a new, unevaluated queryset. */
  private static final Set<String> LAZY_METHODS =
      Set.of(
          "all",
          "filter",
          "exclude",
          "select_related",
          "prefetch_related",
          "order_by",
          "annotate",
          "alias",
          "values",
          "values_list",
          "distinct",
          "only",
          "defer",
          "using",
          "reverse",
          "none",
          "select_for_update",
          "extra",
          "union",
          "intersection",
          "difference",
          "dates",
          "datetimes");

  /** Queryset methods that give one model instance. */
  private static final Set<String> SINGLE_OBJECT_METHODS =
      Set.of(
          "get",
          "first",
          "last",
          "earliest",
          "latest",
          "create",
          "aget",
          "afirst",
          "alast",
          "aearliest",
          "alatest",
          "acreate");

  private static final int MAX_DEPTH = 8;

  private final FunctionInfo function;
  private final Resolver resolver;

  DjangoModels(FunctionInfo function, Resolver resolver) {
    this.function = function;
    this.resolver = resolver;
  }

  /** Whether the expression is a manager or an unevaluated queryset of a Django model. */
  boolean isQuerySet(Expr expr) {
    return isQuerySet(expr, 0);
  }

  private boolean isQuerySet(Expr expr, int depth) {
    if (depth > MAX_DEPTH) {
      return false;
    }
    if (expr instanceof Expr.Attribute) {
      Expr.Attribute attribute = (Expr.Attribute) expr;
      return MANAGERS.contains(attribute.attr()) && isModelClass(attribute.value());
    }
    if (expr instanceof Expr.Call && ((Expr.Call) expr).func() instanceof Expr.Attribute) {
      Expr.Attribute method = (Expr.Attribute) ((Expr.Call) expr).func();
      return LAZY_METHODS.contains(method.attr()) && isQuerySet(method.value(), depth + 1);
    }
    if (expr instanceof Expr.Subscript && ((Expr.Subscript) expr).slice() instanceof Expr.Slice) {
      return isQuerySet(((Expr.Subscript) expr).value(), depth + 1);
    }
    if (expr instanceof Expr.Name) {
      Binding binding = onlyLocalAssignment((Expr.Name) expr);
      return binding != null && isQuerySet(binding.value(), depth + 1);
    }
    return false;
  }

  /** The one plain assignment in this function that gives the name its value; null otherwise. */
  private Binding onlyLocalAssignment(Expr.Name name) {
    NameLookup lookup = place(name).lookup(name.id());
    if (lookup.origin() != NameLookup.Origin.BOUND || lookup.bindings().size() != 1) {
      return null;
    }
    Binding binding = lookup.bindings().get(0);
    return binding.kind() == BindingKind.ASSIGNMENT
            && binding.value() != null
            && binding.scope() == function.scope()
        ? binding
        : null;
  }

  /** Whether the expression denotes a Django model class. */
  boolean isModelClass(Expr expr) {
    Value value = resolver.resolve(place(expr), expr);
    return value instanceof Value.Named && isModel(((Value.Named) value).qualifiedName());
  }

  /**
   * Whether the expression is an instance of a Django model class: constructed or annotated as one,
   * or a local bound to a single object fetched from a queryset ({@code obj = await
   * M.objects.aget(...)}) or to the items of a loop over one ({@code async for obj in qs}).
   */
  boolean isModelInstance(Expr expr) {
    Value value = resolver.resolve(place(expr), expr);
    if (value instanceof Value.Instance && isModel(((Value.Instance) value).className())) {
      return true;
    }
    if (!(expr instanceof Expr.Name)) {
      return false;
    }
    NameLookup lookup = place(expr).lookup(((Expr.Name) expr).id());
    if (lookup.origin() != NameLookup.Origin.BOUND || lookup.bindings().size() != 1) {
      return false;
    }
    Binding binding = lookup.bindings().get(0);
    if (binding.scope() != function.scope()) {
      return false;
    }
    if (binding.kind() == BindingKind.ASSIGNMENT && binding.value() != null) {
      return isFetchedObject(binding.value());
    }
    return binding.kind() == BindingKind.LOOP_TARGET && loopsOverQuerySet(binding);
  }

  /** {@code M.objects.get(...)}, {@code await qs.afirst()} and the like. */
  private boolean isFetchedObject(Expr value) {
    Expr call = value instanceof Expr.Await ? ((Expr.Await) value).value() : value;
    if (!(call instanceof Expr.Call) || !(((Expr.Call) call).func() instanceof Expr.Attribute)) {
      return false;
    }
    Expr.Attribute method = (Expr.Attribute) ((Expr.Call) call).func();
    return SINGLE_OBJECT_METHODS.contains(method.attr()) && isQuerySet(method.value());
  }

  /** Whether the loop binding the name ({@code for}/{@code async for}) iterates a queryset. */
  private boolean loopsOverQuerySet(Binding binding) {
    boolean[] found = {false};
    Walker walker =
        new Walker() {
          @Override
          protected boolean enter(Node node) {
            if (found[0] || NodeSearch.opensScope(node)) {
              return false;
            }
            Expr target = null;
            Expr iter = null;
            if (node instanceof Stmt.For) {
              target = ((Stmt.For) node).target();
              iter = ((Stmt.For) node).iter();
            } else if (node instanceof Stmt.AsyncFor) {
              target = ((Stmt.AsyncFor) node).target();
              iter = ((Stmt.AsyncFor) node).iter();
            }
            if (target instanceof Expr.Name && target.range().equals(binding.range())) {
              found[0] = isQuerySet(iter);
            }
            return !found[0];
          }
        };
    for (Stmt statement : function.body()) {
      walker.walk(statement);
    }
    return found[0];
  }

  /** The qualified name an expression denotes, or null. */
  String qualifiedName(Expr expr) {
    return resolver.qualifiedName(place(expr), expr);
  }

  private boolean isModel(String qualifiedName) {
    if (DJANGO_MODELS.contains(qualifiedName)) {
      return true;
    }
    ClassInfo cls = resolver.index().cls(qualifiedName);
    return cls != null && cls.allExternalBases().stream().anyMatch(MODEL_BASES::contains);
  }

  private Place place(Expr expr) {
    return new Place(function.module(), function.scope(), expr.range().start(), null);
  }
}
