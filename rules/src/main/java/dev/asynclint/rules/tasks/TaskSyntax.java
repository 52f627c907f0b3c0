package dev.asynclint.rules.tasks;

import dev.asynclint.semantic.project.CallSite;
import dev.asynclint.semantic.project.CallTarget;
import dev.asynclint.semantic.project.FunctionInfo;
import dev.asynclint.syntax.ast.ExceptHandler;
import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.syntax.ast.ExprContext;
import dev.asynclint.syntax.ast.Keyword;
import dev.asynclint.syntax.ast.Located;
import dev.asynclint.syntax.ast.Node;
import dev.asynclint.syntax.ast.NodeFinder;
import dev.asynclint.syntax.ast.NodeSearch;
import dev.asynclint.syntax.ast.Stmt;
import dev.asynclint.syntax.ast.WithItem;
import java.util.List;
import java.util.Set;

/** Questions about the syntax around a call that the task rules share. */
final class TaskSyntax {
  private static final Set<String> RAISES = Set.of("assertRaises", "assertRaisesRegex", "raises");
  private static final Set<String> WARNS =
      Set.of("assertWarns", "assertWarnsRegex", "warns", "check_warnings");

  private TaskSyntax() {}

  /** Whether the call's qualified name is one of {@code names}. */
  static boolean calls(CallSite site, Set<String> names) {
    String name = site.target().qualifiedName();
    return name != null && names.contains(name);
  }

  /** Decorators that leave an {@code async def} a coroutine function. */
  private static final Set<String> TRANSPARENT_DECORATORS =
      Set.of(
          "builtins.staticmethod",
          "builtins.classmethod",
          "abc.abstractmethod",
          "typing.override",
          "typing_extensions.override",
          "typing.final",
          "functools.wraps");

  /**
   * Whether the call certainly returns a coroutine: a project {@code async def} that is not an
   * async generator and whose decorators (if any) all keep it a coroutine function, or a library
   * function or method that {@code async-apis.tsv} lists as giving an awaitable that does nothing
   * until awaited.
   */
  static boolean createsCoroutine(CallSite site) {
    CallTarget target = site.target();
    if (target.kind() == CallTarget.Kind.FUNCTION) {
      FunctionInfo function = target.function();
      return target.synchrony() == CallTarget.Synchrony.ASYNC
          && !isGenerator(function)
          && plainlyDecorated(function);
    }
    return target.kind() == CallTarget.Kind.EXTERNAL
        && AsyncApis.get().lazy(target.qualifiedName());
  }

  /**
   * Whether the function's own body yields: an {@code async def} that does is an async generator.
   */
  static boolean isGenerator(FunctionInfo function) {
    return NodeSearch.anyInScope(
        function.body(), node -> node instanceof Expr.Yield || node instanceof Expr.YieldFrom);
  }

  /** Whether every decorator of the function resolves to one that keeps its kind. */
  private static boolean plainlyDecorated(FunctionInfo function) {
    long kept = function.decoratorNames().stream().filter(TRANSPARENT_DECORATORS::contains).count();
    return kept == function.decorators().size();
  }

  /**
   * Whether the call's value is thrown away: it is the whole of an expression statement, not in a
   * {@code with} that expects it to raise or to warn.
   */
  static boolean isDiscarded(CallSite site) {
    return isDiscarded(site, NodeFinder.ancestors(site.caller().module().tree(), site.call()));
  }

  /** {@link #isDiscarded(CallSite)} given the call's ancestors. */
  static boolean isDiscarded(CallSite site, List<Located> ancestors) {
    Located parent = ancestors.isEmpty() ? null : ancestors.get(ancestors.size() - 1);
    return parent instanceof Stmt.ExprStatement
        && ((Stmt.ExprStatement) parent).value() == site.call()
        && !expectsRaise(ancestors)
        && !expectsWarning(ancestors);
  }

  /** The callee as a message shows it: {@code notify} for {@code app.Service.notify}. */
  static String shortName(CallSite site) {
    String name = site.target().qualifiedName();
    return name.substring(name.lastIndexOf('.') + 1);
  }

  /**
   * Whether a {@code with} of the enclosing function expects the code to raise: {@code with
   * self.assertRaises(...)}, {@code assertRaisesRegex}, {@code pytest.raises(...)}.
   */
  static boolean expectsRaise(List<Located> ancestors) {
    return insideWith(ancestors, RAISES);
  }

  /**
   * Whether a {@code with} of the enclosing function expects a warning: {@code with
   * self.assertWarns(...)}, {@code assertWarnsRegex}, {@code pytest.warns(...)}, {@code
   * check_warnings(...)}; tests of "coroutine was never awaited" drop coroutines on purpose.
   */
  static boolean expectsWarning(List<Located> ancestors) {
    return insideWith(ancestors, WARNS);
  }

  private static boolean insideWith(List<Located> ancestors, Set<String> callees) {
    for (int i = ancestors.size() - 1; i >= 0; i--) {
      Located node = ancestors.get(i);
      if (NodeSearch.opensScope(node)) {
        return false;
      }
      List<WithItem> items = List.of();
      if (node instanceof Stmt.With) {
        items = ((Stmt.With) node).items();
      } else if (node instanceof Stmt.AsyncWith) {
        items = ((Stmt.AsyncWith) node).items();
      }
      for (WithItem item : items) {
        if (item.contextExpr() instanceof Expr.Call
            && callees.contains(calleeName(((Expr.Call) item.contextExpr()).func()))) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether the node at {@code offset} runs in an {@code except} clause or a {@code finally}. */
  static boolean inCleanup(List<Located> ancestors, int offset) {
    for (int i = ancestors.size() - 1; i >= 0; i--) {
      Located node = ancestors.get(i);
      if (NodeSearch.opensScope(node)) {
        return false;
      }
      if (node instanceof ExceptHandler) {
        return true;
      }
      List<Stmt> finalBody = List.of();
      if (node instanceof Stmt.Try) {
        finalBody = ((Stmt.Try) node).finalBody();
      } else if (node instanceof Stmt.TryStar) {
        finalBody = ((Stmt.TryStar) node).finalBody();
      }
      for (Stmt statement : finalBody) {
        if (statement.range().contains(offset)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether these nodes call a method {@code name} somewhere before {@code offset}. */
  static boolean callsMethodBefore(List<? extends Node> nodes, String name, int offset) {
    return NodeSearch.any(
        nodes,
        node ->
            node instanceof Expr.Call
                && ((Expr.Call) node).range().start() < offset
                && ((Expr.Call) node).func() instanceof Expr.Attribute
                && ((Expr.Attribute) ((Expr.Call) node).func()).attr().equals(name));
  }

  /** The last name of a callee: {@code raises} for {@code pytest.raises}; else null. */
  private static String calleeName(Expr func) {
    if (func instanceof Expr.Name) {
      return ((Expr.Name) func).id();
    }
    if (func instanceof Expr.Attribute) {
      return ((Expr.Attribute) func).attr();
    }
    return null;
  }

  /** The value of keyword argument {@code name}, or null. */
  static Expr keyword(Expr.Call call, String name) {
    for (Keyword keyword : call.keywords()) {
      if (name.equals(keyword.arg())) {
        return keyword.value();
      }
    }
    return null;
  }

  /** Whether {@code expr} is the constant {@code True}. */
  static boolean isTrue(Expr expr) {
    return expr instanceof Expr.Constant && Boolean.TRUE.equals(((Expr.Constant) expr).value());
  }

  /** Whether {@code name} is read anywhere in these nodes, nested functions included. */
  static boolean reads(List<? extends Node> nodes, String name) {
    return NodeSearch.any(
        nodes,
        node ->
            node instanceof Expr.Name
                && ((Expr.Name) node).ctx() != ExprContext.STORE
                && ((Expr.Name) node).id().equals(name));
  }

  /** The one plain name an assignment statement binds, or null. */
  static String assignedName(Located statement) {
    Expr target = null;
    if (statement instanceof Stmt.Assign && ((Stmt.Assign) statement).targets().size() == 1) {
      target = ((Stmt.Assign) statement).targets().get(0);
    } else if (statement instanceof Stmt.AnnAssign) {
      target = ((Stmt.AnnAssign) statement).target();
    }
    return target instanceof Expr.Name ? ((Expr.Name) target).id() : null;
  }

  /** The value an assignment statement gives its targets, or null. */
  static Expr assignedValue(Located statement) {
    if (statement instanceof Stmt.Assign) {
      return ((Stmt.Assign) statement).value();
    }
    return statement instanceof Stmt.AnnAssign ? ((Stmt.AnnAssign) statement).value() : null;
  }

  /** Whether the function declares the name {@code global} or {@code nonlocal}. */
  static boolean declaredOuter(FunctionInfo function, String name) {
    return NodeSearch.any(
        function.node(),
        node ->
            node instanceof Stmt.Global && ((Stmt.Global) node).names().contains(name)
                || node instanceof Stmt.Nonlocal && ((Stmt.Nonlocal) node).names().contains(name));
  }

  /**
   * Whether the function may reach its local names by other means than reading them: {@code
   * locals()}, {@code vars()}, {@code eval} or {@code exec}.
   */
  static boolean readsLocalsDynamically(FunctionInfo function) {
    return NodeSearch.any(
        function.body(),
        node -> node instanceof Expr.Name && DYNAMIC_LOCALS.contains(((Expr.Name) node).id()));
  }

  private static final Set<String> DYNAMIC_LOCALS = Set.of("locals", "vars", "eval", "exec");
}
