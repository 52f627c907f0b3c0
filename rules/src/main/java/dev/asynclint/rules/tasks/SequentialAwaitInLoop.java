package dev.asynclint.rules.tasks;

import dev.asynclint.lint.CallRule;
import dev.asynclint.lint.FileContext;
import dev.asynclint.lint.RuleInfo;
import dev.asynclint.lint.Severity;
import dev.asynclint.semantic.project.CallSite;
import dev.asynclint.semantic.project.CallTarget;
import dev.asynclint.semantic.project.FunctionInfo;
import dev.asynclint.semantic.scope.Symbol;
import dev.asynclint.syntax.ast.Comprehension;
import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.syntax.ast.ExprContext;
import dev.asynclint.syntax.ast.Keyword;
import dev.asynclint.syntax.ast.Located;
import dev.asynclint.syntax.ast.Node;
import dev.asynclint.syntax.ast.NodeFinder;
import dev.asynclint.syntax.ast.NodeSearch;
import dev.asynclint.syntax.ast.Stmt;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * ASY303: a loop that only collects the results of one awaited call per item, where nothing ties
 * the iterations together, so the calls could run concurrently. Deliberately narrow:
 *
 * <ul>
 *   <li>the loop is a plain {@code for} whose whole body is {@code results.append(await f(x))} or
 *       {@code results[key] = await f(x)}, without {@code else}; or a list, set or dict
 *       comprehension with one plain {@code for} whose element is {@code await f(x)};
 *   <li>the call's arguments use the loop variable, its callee does not, and it does not read the
 *       collection being filled (no result feeds a later iteration);
 *   <li>the callee is a project {@code async def} that writes no attribute, item, {@code global} or
 *       {@code nonlocal} (no shared state written between awaits), or a read-only request of the
 *       knowledge base ({@code fetch}: an HTTP {@code GET}/{@code HEAD}).
 * </ul>
 */
@RuleInfo(
    code = "ASY303",
    name = "sequential-await-in-loop",
    severity = Severity.INFO,
    summary =
        "A loop that awaits one independent call per item and collects the results: the calls run"
            + " one after another although none needs another's result, so the loop takes the sum"
            + " of their latencies instead of the longest.")
public final class SequentialAwaitInLoop implements CallRule {
  static final String MESSAGE =
      "`await %s()` in a loop runs the calls one at a time, though no iteration uses another's"
          + " result: run them concurrently with `asyncio.gather()` (bounded by an"
          + " `asyncio.Semaphore` for large inputs) or an `asyncio.TaskGroup`";

  @Override
  public void checkCall(CallSite site, FileContext context) {
    if (!site.asyncContext() || !site.caller().isAsync() || !independentCallee(site)) {
      return;
    }
    List<Located> ancestors = NodeFinder.ancestors(site.caller().module().tree(), site.call());
    int n = ancestors.size();
    if (n < 3 || !(ancestors.get(n - 1) instanceof Expr.Await)) {
      return;
    }
    Expr.Await await = (Expr.Await) ancestors.get(n - 1);
    Located holder = ancestors.get(n - 2);
    Set<String> loopNames = new HashSet<>();
    String collector;
    if (holder instanceof Expr.ListComp
        || holder instanceof Expr.SetComp
        || holder instanceof Expr.DictComp) {
      Comprehension generator = comprehendedOver(holder, await);
      if (generator == null || !names(generator.target(), loopNames)) {
        return;
      }
      collector = null;
    } else {
      collector = collectorOf(holder, n >= 4 ? ancestors.get(n - 3) : null, await);
      Located loop = collector == null ? null : ancestors.get(collectorDepth(holder, n) - 1);
      if (!(loop instanceof Stmt.For)) {
        return;
      }
      Stmt.For forLoop = (Stmt.For) loop;
      Stmt statement = (Stmt) ancestors.get(collectorDepth(holder, n));
      if (forLoop.body().size() != 1
          || forLoop.body().get(0) != statement
          || !forLoop.orElse().isEmpty()
          || !names(forLoop.target(), loopNames)
          || loopNames.contains(collector)) {
        return;
      }
    }
    Expr.Call call = site.call();
    if (!mentionsAny(arguments(call), loopNames)
        || mentionsAny(List.of(call.func()), loopNames)
        || collector != null && mentionsAny(arguments(call), Set.of(collector))) {
      return;
    }
    context.report(this, await.range(), String.format(MESSAGE, TaskSyntax.shortName(site)));
  }

  /** Whether the callee can run for several items at once without them interfering. */
  private static boolean independentCallee(CallSite site) {
    CallTarget target = site.target();
    if (target.kind() == CallTarget.Kind.EXTERNAL) {
      AsyncApis.Entry entry = AsyncApis.get().find(target.qualifiedName());
      return entry != null && entry.fetch();
    }
    return target.kind() == CallTarget.Kind.FUNCTION
        && TaskSyntax.createsCoroutine(site)
        && !writesSharedState(target.function().body())
        && !mutatesOuterObject(target.function());
  }

  /** Methods that change the container or object they are called on. */
  private static final Set<String> MUTATORS =
      Set.of(
          "append",
          "appendleft",
          "extend",
          "insert",
          "add",
          "update",
          "setdefault",
          "pop",
          "popleft",
          "popitem",
          "remove",
          "discard",
          "clear",
          "put_nowait",
          "get_nowait",
          "set",
          "write",
          "send");

  /**
   * Whether the function calls a mutating method ({@code append}, {@code add}, {@code update}, ...)
   * on an object it did not create itself: one reached through a parameter ({@code self} included),
   * a global or a closure variable.
   */
  private static boolean mutatesOuterObject(FunctionInfo function) {
    return NodeSearch.anyInScope(
        function.body(),
        node -> {
          if (!(node instanceof Expr.Call)
              || !(((Expr.Call) node).func() instanceof Expr.Attribute)) {
            return false;
          }
          Expr.Attribute method = (Expr.Attribute) ((Expr.Call) node).func();
          if (!MUTATORS.contains(method.attr())) {
            return false;
          }
          Expr root = method.value();
          while (root instanceof Expr.Attribute || root instanceof Expr.Subscript) {
            root =
                root instanceof Expr.Attribute
                    ? ((Expr.Attribute) root).value()
                    : ((Expr.Subscript) root).value();
          }
          if (!(root instanceof Expr.Name)) {
            return true;
          }
          Symbol symbol = function.scope().symbol(((Expr.Name) root).id());
          return symbol == null || !symbol.isLocal() || symbol.isParameter();
        });
  }

  /** Whether the code stores into an attribute or item, or declares a global or nonlocal. */
  private static boolean writesSharedState(List<Stmt> body) {
    return NodeSearch.anyInScope(
        body,
        node ->
            node instanceof Stmt.Global
                || node instanceof Stmt.Nonlocal
                || node instanceof Expr.Attribute
                    && ((Expr.Attribute) node).ctx() != ExprContext.LOAD
                || node instanceof Expr.Subscript
                    && ((Expr.Subscript) node).ctx() != ExprContext.LOAD);
  }

  /**
   * The single plain generator of a comprehension whose element (a dict comprehension's value) is
   * {@code await}; else null.
   */
  private static Comprehension comprehendedOver(Located comprehension, Expr.Await await) {
    Expr element;
    List<Comprehension> generators;
    if (comprehension instanceof Expr.ListComp) {
      element = ((Expr.ListComp) comprehension).elt();
      generators = ((Expr.ListComp) comprehension).generators();
    } else if (comprehension instanceof Expr.SetComp) {
      element = ((Expr.SetComp) comprehension).elt();
      generators = ((Expr.SetComp) comprehension).generators();
    } else {
      element = ((Expr.DictComp) comprehension).value();
      generators = ((Expr.DictComp) comprehension).generators();
    }
    if (element != await || generators.size() != 1 || generators.get(0).isAsync() != 0) {
      return null;
    }
    Comprehension generator = generators.get(0);
    boolean awaitsElsewhere =
        NodeSearch.any(
            generator.ifs(), node -> node instanceof Expr.Await || node instanceof Expr.Yield);
    return awaitsElsewhere ? null : generator;
  }

  /**
   * The name of the collection a statement fills with the awaited value: {@code results} for {@code
   * results.append(await f(x))} (holder: the append call, its parent: the statement) or for {@code
   * results[key] = await f(x)} (holder: the statement); else null.
   */
  private static String collectorOf(Located holder, Located parent, Expr.Await await) {
    if (holder instanceof Expr.Call) {
      Expr.Call append = (Expr.Call) holder;
      if (parent instanceof Stmt.ExprStatement
          && ((Stmt.ExprStatement) parent).value() == append
          && append.args().size() == 1
          && append.args().get(0) == await
          && append.keywords().isEmpty()
          && append.func() instanceof Expr.Attribute
          && ((Expr.Attribute) append.func()).attr().equals("append")
          && ((Expr.Attribute) append.func()).value() instanceof Expr.Name) {
        return ((Expr.Name) ((Expr.Attribute) append.func()).value()).id();
      }
      return null;
    }
    if (holder instanceof Stmt.Assign) {
      Stmt.Assign assign = (Stmt.Assign) holder;
      if (assign.value() == await
          && assign.targets().size() == 1
          && assign.targets().get(0) instanceof Expr.Subscript) {
        Expr.Subscript item = (Expr.Subscript) assign.targets().get(0);
        boolean plainKey = !NodeSearch.any(item.slice(), node -> node instanceof Expr.Await);
        if (item.value() instanceof Expr.Name && plainKey) {
          return ((Expr.Name) item.value()).id();
        }
      }
    }
    return null;
  }

  /** The index, in the ancestors, of the statement that fills the collection. */
  private static int collectorDepth(Located holder, int n) {
    return holder instanceof Expr.Call ? n - 3 : n - 2;
  }

  /** Adds the names a loop target binds; false when it is not made of plain names. */
  private static boolean names(Expr target, Set<String> into) {
    if (target instanceof Expr.Name) {
      into.add(((Expr.Name) target).id());
      return true;
    }
    List<Expr> elements =
        target instanceof Expr.Tuple
            ? ((Expr.Tuple) target).elts()
            : target instanceof Expr.ListDisplay ? ((Expr.ListDisplay) target).elts() : null;
    if (elements == null) {
      return false;
    }
    for (Expr element : elements) {
      if (!names(element, into)) {
        return false;
      }
    }
    return true;
  }

  private static List<Node> arguments(Expr.Call call) {
    List<Node> nodes = new ArrayList<>(call.args());
    for (Keyword keyword : call.keywords()) {
      nodes.add(keyword.value());
    }
    return nodes;
  }

  private static boolean mentionsAny(List<? extends Node> nodes, Set<String> names) {
    return NodeSearch.any(
        nodes, node -> node instanceof Expr.Name && names.contains(((Expr.Name) node).id()));
  }
}
