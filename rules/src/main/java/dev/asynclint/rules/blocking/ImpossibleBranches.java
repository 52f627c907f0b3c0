package dev.asynclint.rules.blocking;

import dev.asynclint.semantic.project.CallSite;
import dev.asynclint.semantic.project.Place;
import dev.asynclint.semantic.project.Resolver;
import dev.asynclint.semantic.project.SourceModule;
import dev.asynclint.semantic.scope.Binding;
import dev.asynclint.semantic.scope.BindingKind;
import dev.asynclint.semantic.scope.NameLookup;
import dev.asynclint.semantic.scope.Symbol;
import dev.asynclint.syntax.ast.BoolOperator;
import dev.asynclint.syntax.ast.CompareOperator;
import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.syntax.ast.Located;
import dev.asynclint.syntax.ast.NodeFinder;
import dev.asynclint.syntax.ast.Stmt;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Branches that never run where asyncio exists: code under {@code if is_jython:}, {@code if
 * sys.platform.startswith("java"):} or {@code if six.PY2:} serves Python 2 implementations, which
 * have no event loop to block. A blocking call there is not reported, directly or through a chain.
 */
final class ImpossibleBranches {
  /** Implementations and platforms that only ever ran Python 2. */
  private static final Set<String> PYTHON2_ONLY_NAMES =
      Set.of("java", "jython", "ironpython", "cli");

  /** Flags of compatibility libraries that are true on Python 2 only. */
  private static final Set<String> PYTHON2_FLAGS =
      Set.of("six.PY2", "future.utils.PY2", "past.utils.PY2");

  /** How far a flag's definition is followed through names and imports. */
  private static final int MAX_INDIRECTIONS = 4;

  private ImpossibleBranches() {}

  /** Whether the call sits in the body of an {@code if} whose test never holds with asyncio. */
  static boolean contains(CallSite site, Resolver resolver) {
    SourceModule module = site.caller().module();
    int offset = site.call().range().start();
    for (Located node : NodeFinder.ancestors(module.tree(), site.call())) {
      if (node instanceof Stmt.If) {
        Stmt.If branch = (Stmt.If) node;
        if (within(branch.body(), offset)
            && impossible(branch.test(), site.place(), resolver, MAX_INDIRECTIONS)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether {@code offset} lies in the statements of {@code body}. */
  static boolean within(List<Stmt> body, int offset) {
    return !body.isEmpty()
        && body.get(0).range().start() <= offset
        && offset < body.get(body.size() - 1).range().end();
  }

  private static boolean impossible(Expr test, Place place, Resolver resolver, int budget) {
    if (budget == 0) {
      return false;
    }
    if (test instanceof Expr.BoolOp) {
      Expr.BoolOp bool = (Expr.BoolOp) test;
      if (bool.op() != BoolOperator.AND) {
        return bool.values().stream().allMatch(v -> impossible(v, place, resolver, budget));
      }
      return bool.values().stream().anyMatch(v -> impossible(v, place, resolver, budget));
    }
    if (test instanceof Expr.Call) {
      return python2OnlyPrefixTest((Expr.Call) test, place, resolver);
    }
    if (test instanceof Expr.Compare) {
      return python2OnlyComparison((Expr.Compare) test, place, resolver);
    }
    String name = resolver.qualifiedName(place, test);
    if (name != null && PYTHON2_FLAGS.contains(name)) {
      return true;
    }
    if (test instanceof Expr.Name) {
      NameLookup lookup = place.lookup(((Expr.Name) test).id());
      if (lookup.bindings().size() == 1) {
        return impossibleFlag(lookup.bindings().get(0), resolver, budget - 1);
      }
      return false;
    }
    return name != null && impossibleModuleFlag(name, resolver, budget - 1);
  }

  /**
   * A flag bound once to an impossible test: {@code is_jython = sys.platform.startswith("java")}.
   */
  private static boolean impossibleFlag(Binding binding, Resolver resolver, int budget) {
    if (binding.kind() == BindingKind.FROM_IMPORT && binding.importedName() != null) {
      return impossibleModuleFlag(binding.importedName(), resolver, budget);
    }
    if (binding.kind() != BindingKind.ASSIGNMENT || binding.value() == null) {
      return false;
    }
    SourceModule module = resolver.index().moduleOf(binding.scope());
    if (module == null) {
      return false;
    }
    Place definition =
        new Place(module, binding.scope(), binding.value().range().start(), binding.branch());
    return impossible(binding.value(), definition, resolver, budget);
  }

  /** {@code support.is_jython}: a module-level flag of a project module. */
  private static boolean impossibleModuleFlag(String qualifiedName, Resolver resolver, int budget) {
    int dot = qualifiedName.lastIndexOf('.');
    if (dot < 0) {
      return false;
    }
    SourceModule module = resolver.index().module(qualifiedName.substring(0, dot));
    if (module == null) {
      return false;
    }
    Symbol symbol = module.scopes().moduleScope().symbol(qualifiedName.substring(dot + 1));
    return symbol != null
        && symbol.bindings().size() == 1
        && impossibleFlag(symbol.bindings().get(0), resolver, budget);
  }

  /** {@code sys.platform.startswith("java")}, {@code os.name.startswith("java")}. */
  private static boolean python2OnlyPrefixTest(Expr.Call call, Place place, Resolver resolver) {
    if (!(call.func() instanceof Expr.Attribute) || call.args().size() != 1) {
      return false;
    }
    Expr.Attribute method = (Expr.Attribute) call.func();
    return method.attr().equals("startswith")
        && isPlatformName(method.value(), place, resolver)
        && python2OnlyName(call.args().get(0));
  }

  /**
   * {@code sys.platform == "java"}, {@code platform.python_implementation() == "Jython"}, {@code
   * sys.version_info[0] == 2}, {@code sys.version_info < (3,)}.
   */
  private static boolean python2OnlyComparison(
      Expr.Compare compare, Place place, Resolver resolver) {
    if (compare.ops().size() != 1) {
      return false;
    }
    CompareOperator op = compare.ops().get(0);
    Expr left = compare.left();
    Expr right = compare.comparators().get(0);
    if (op == CompareOperator.EQ && python2OnlyName(right)) {
      return isPlatformName(left, place, resolver);
    }
    if (isMajorVersion(left, place, resolver)) {
      return (op == CompareOperator.EQ && intValue(right) == 2)
          || (op == CompareOperator.LT && intValue(right) == 3);
    }
    if (op == CompareOperator.LT && isName(left, "sys.version_info", place, resolver)) {
      return right instanceof Expr.Tuple
          && ((Expr.Tuple) right).elts().size() <= 2
          && !((Expr.Tuple) right).elts().isEmpty()
          && intValue(((Expr.Tuple) right).elts().get(0)) == 3
          && (((Expr.Tuple) right).elts().size() == 1
              || intValue(((Expr.Tuple) right).elts().get(1)) == 0);
    }
    return false;
  }

  private static boolean isPlatformName(Expr expr, Place place, Resolver resolver) {
    if (expr instanceof Expr.Call && ((Expr.Call) expr).args().isEmpty()) {
      String name = resolver.qualifiedName(place, ((Expr.Call) expr).func());
      return "platform.python_implementation".equals(name) || "platform.system".equals(name);
    }
    return isName(expr, "sys.platform", place, resolver)
        || isName(expr, "os.name", place, resolver)
        || isName(expr, "sys.implementation.name", place, resolver);
  }

  /** {@code sys.version_info[0]} or {@code sys.version_info.major}. */
  private static boolean isMajorVersion(Expr expr, Place place, Resolver resolver) {
    if (expr instanceof Expr.Subscript) {
      Expr.Subscript subscript = (Expr.Subscript) expr;
      return intValue(subscript.slice()) == 0
          && isName(subscript.value(), "sys.version_info", place, resolver);
    }
    return isName(expr, "sys.version_info.major", place, resolver);
  }

  private static boolean isName(Expr expr, String name, Place place, Resolver resolver) {
    return name.equals(resolver.qualifiedName(place, expr));
  }

  private static boolean python2OnlyName(Expr expr) {
    return expr instanceof Expr.Constant
        && ((Expr.Constant) expr).value() instanceof String
        && PYTHON2_ONLY_NAMES.contains(
            ((String) ((Expr.Constant) expr).value()).toLowerCase(Locale.ROOT));
  }

  private static int intValue(Expr expr) {
    if (expr instanceof Expr.Constant && ((Expr.Constant) expr).value() instanceof Number) {
      return ((Number) ((Expr.Constant) expr).value()).intValue();
    }
    return -1;
  }
}
