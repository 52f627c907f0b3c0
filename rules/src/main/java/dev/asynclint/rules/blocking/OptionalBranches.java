package dev.asynclint.rules.blocking;

import dev.asynclint.semantic.project.CallSite;
import dev.asynclint.semantic.project.FunctionInfo;
import dev.asynclint.syntax.ast.Arg;
import dev.asynclint.syntax.ast.Arguments;
import dev.asynclint.syntax.ast.BoolOperator;
import dev.asynclint.syntax.ast.CompareOperator;
import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.syntax.ast.Located;
import dev.asynclint.syntax.ast.NodeFinder;
import dev.asynclint.syntax.ast.Singleton;
import dev.asynclint.syntax.ast.Stmt;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Calls a function makes only when its caller asks for them: under {@code if scheduler_file:} or
 * {@code if timeout is not None:}, testing a parameter that is off by default ({@code None}, {@code
 * False}, {@code 0}, an empty string or tuple). A helper whose blocking work sits behind such an
 * option blocks only the callers that pass it, which the call chains cannot tell apart, so ASY208
 * does not follow it (a known false negative for the callers that do pass it).
 */
final class OptionalBranches {
  private OptionalBranches() {}

  /** Whether the call sits in the body of an {@code if} on an option of its function. */
  static boolean contains(CallSite site) {
    FunctionInfo function = site.caller();
    if (function.isModuleBody()) {
      return false;
    }
    Set<String> options = options(function.parameters());
    if (options.isEmpty()) {
      return false;
    }
    int offset = site.call().range().start();
    for (Located node : NodeFinder.ancestors(function.module().tree(), site.call())) {
      if (node instanceof Stmt.If) {
        Stmt.If branch = (Stmt.If) node;
        if (ImpossibleBranches.within(branch.body(), offset)
            && testsOption(branch.test(), options)) {
          return true;
        }
      }
    }
    return false;
  }

  /** {@code p}, {@code p is not None}, or a conjunction holding one of them. */
  private static boolean testsOption(Expr test, Set<String> options) {
    if (test instanceof Expr.Name) {
      return options.contains(((Expr.Name) test).id());
    }
    if (test instanceof Expr.BoolOp && ((Expr.BoolOp) test).op() == BoolOperator.AND) {
      return ((Expr.BoolOp) test).values().stream().anyMatch(v -> testsOption(v, options));
    }
    if (test instanceof Expr.Compare) {
      Expr.Compare compare = (Expr.Compare) test;
      return compare.ops().size() == 1
          && compare.ops().get(0) == CompareOperator.IS_NOT
          && compare.left() instanceof Expr.Name
          && options.contains(((Expr.Name) compare.left()).id())
          && isNone(compare.comparators().get(0));
    }
    return false;
  }

  /** The parameters whose default turns something off. */
  private static Set<String> options(Arguments arguments) {
    Set<String> options = new HashSet<>();
    List<Arg> positional = new ArrayList<>(arguments.posOnlyArgs());
    positional.addAll(arguments.args());
    List<Expr> defaults = arguments.defaults();
    int first = positional.size() - defaults.size();
    for (int i = 0; i < defaults.size(); i++) {
      if (first + i >= 0 && isOff(defaults.get(i))) {
        options.add(positional.get(first + i).arg());
      }
    }
    for (int i = 0; i < arguments.kwOnlyArgs().size(); i++) {
      Expr value = i < arguments.kwDefaults().size() ? arguments.kwDefaults().get(i) : null;
      if (value != null && isOff(value)) {
        options.add(arguments.kwOnlyArgs().get(i).arg());
      }
    }
    return options;
  }

  private static boolean isOff(Expr value) {
    if (!(value instanceof Expr.Constant)) {
      return value instanceof Expr.Tuple && ((Expr.Tuple) value).elts().isEmpty();
    }
    Object constant = ((Expr.Constant) value).value();
    return constant == Singleton.NONE
        || Boolean.FALSE.equals(constant)
        || constant instanceof Number && ((Number) constant).doubleValue() == 0
        || "".equals(constant);
  }

  private static boolean isNone(Expr expr) {
    return expr instanceof Expr.Constant && ((Expr.Constant) expr).value() == Singleton.NONE;
  }
}
