package dev.asynclint.rules.concurrency;

import dev.asynclint.lint.FileContext;
import dev.asynclint.lint.FunctionRule;
import dev.asynclint.lint.Related;
import dev.asynclint.lint.RuleInfo;
import dev.asynclint.lint.Severity;
import dev.asynclint.semantic.project.FunctionInfo;
import dev.asynclint.semantic.project.Place;
import dev.asynclint.semantic.scope.NameLookup;
import dev.asynclint.semantic.scope.ScopeKind;
import dev.asynclint.semantic.scope.Symbol;
import dev.asynclint.syntax.ast.Arg;
import dev.asynclint.syntax.ast.Blocks;
import dev.asynclint.syntax.ast.BoolOperator;
import dev.asynclint.syntax.ast.CompareOperator;
import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.syntax.ast.Located;
import dev.asynclint.syntax.ast.Node;
import dev.asynclint.syntax.ast.NodeSearch;
import dev.asynclint.syntax.ast.References;
import dev.asynclint.syntax.ast.Singleton;
import dev.asynclint.syntax.ast.Stmt;
import dev.asynclint.syntax.ast.Suspensions;
import dev.asynclint.syntax.ast.UnaryOperator;
import dev.asynclint.syntax.ast.Walker;
import dev.asynclint.syntax.ast.WithItem;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * ASY508: in a coroutine, an {@code if} tests shared state (an attribute of {@code self} or a
 * module global) for absence — {@code key not in self.cache}, {@code self.conn is None}, {@code not
 * self.ready} — and its body suspends before its first write to that state. Silent under any {@code
 * with}/{@code async with} on something named like a lock, in coroutines that call {@code
 * acquire()}, when the body writes the state before suspending (claiming it), and when the body
 * tests the state again after suspending.
 */
@RuleInfo(
    code = "ASY508",
    name = "check-then-act-across-await",
    severity = Severity.WARNING,
    summary =
        "A coroutine checks shared state, awaits, then writes the state on the strength of the"
            + " check. While it is suspended, other tasks run: they pass the same check, so the"
            + " work is done several times and the writes overwrite each other (two connections"
            + " opened, one leaked; a cache entry fetched twice).")
public final class CheckThenActAcrossAwait implements FunctionRule {
  static final String MESSAGE =
      "`%s` is checked, then the coroutine suspends before writing it: other tasks pass the"
          + " same check meanwhile and repeat the work, overwriting each other's writes; hold an"
          + " `asyncio.Lock` across the check and the write, or claim the state before awaiting";
  static final String SUSPENDS = "the coroutine can be suspended here";
  static final String WRITES = "the state is written here on the strength of the stale check";

  private static final List<String> LOCK_WORDS =
      List.of("lock", "mutex", "sem", "cond", "guard", "serial");

  private static final Set<String> MUTATORS =
      Set.of(
          "add",
          "append",
          "appendleft",
          "extend",
          "insert",
          "setdefault",
          "update",
          "pop",
          "popitem",
          "remove",
          "discard",
          "clear",
          "__setitem__");

  @Override
  public void checkFunction(FunctionInfo function, FileContext context) {
    if (!function.isAsync() || callsAcquire(function)) {
      return;
    }
    Walker walker =
        new Walker() {
          @Override
          protected boolean enter(Node node) {
            if (NodeSearch.opensScope(node) || isLocked(node, context)) {
              return false;
            }
            if (node instanceof Stmt.If) {
              check((Stmt.If) node, function, context);
            }
            return true;
          }
        };
    for (Stmt statement : function.body()) {
      walker.walk(statement);
    }
  }

  private void check(Stmt.If test, FunctionInfo function, FileContext context) {
    Expr state = testedState(test.test(), function, context);
    if (state == null) {
      return;
    }
    PathScan scan = new PathScan(state, context);
    scan.block(test.body());
    if (scan.write == null) {
      return;
    }
    String source = context.module().source();
    String text = source.substring(state.range().start(), state.range().end());
    List<Related> related =
        List.of(
            new Related(context.displayPath(), source, scan.suspension.range(), SUSPENDS),
            new Related(context.displayPath(), source, scan.write.range(), WRITES));
    context.report(this, test.test().range(), String.format(MESSAGE, text), related, null);
  }

  /** The shared state an {@code if} test checks for absence; null for any other test. */
  private static Expr testedState(Expr test, FunctionInfo function, FileContext context) {
    if (test instanceof Expr.BoolOp && ((Expr.BoolOp) test).op() == BoolOperator.OR) {
      for (Expr value : ((Expr.BoolOp) test).values()) {
        Expr state = testedState(value, function, context);
        if (state != null) {
          return state;
        }
      }
      return null;
    }
    Expr candidate = null;
    if (test instanceof Expr.UnaryOp && ((Expr.UnaryOp) test).op() == UnaryOperator.NOT) {
      candidate = ((Expr.UnaryOp) test).operand();
    } else if (test instanceof Expr.Compare && ((Expr.Compare) test).ops().size() == 1) {
      Expr.Compare compare = (Expr.Compare) test;
      CompareOperator op = compare.ops().get(0);
      Expr right = compare.comparators().get(0);
      if (op == CompareOperator.NOT_IN) {
        candidate = right;
      } else if ((op == CompareOperator.IS || op == CompareOperator.EQ) && isNone(right)) {
        candidate = compare.left();
      }
    }
    return candidate != null && isShared(candidate, function, context) ? candidate : null;
  }

  /** An attribute of the method's {@code self}, or a name bound at module level. */
  private static boolean isShared(Expr expr, FunctionInfo function, FileContext context) {
    if (expr instanceof Expr.Attribute && ((Expr.Attribute) expr).value() instanceof Expr.Name) {
      return isSelf(((Expr.Name) ((Expr.Attribute) expr).value()).id(), function);
    }
    if (expr instanceof Expr.Name) {
      Symbol symbol = function.scope().symbol(((Expr.Name) expr).id());
      if (symbol != null && symbol.isDeclaredGlobal()) {
        return true;
      }
      Place place = new Place(function.module(), function.scope(), expr.range().start(), null);
      NameLookup lookup = place.lookup(((Expr.Name) expr).id());
      return lookup.origin() == NameLookup.Origin.BOUND
          && !lookup.bindings().isEmpty()
          && lookup.bindings().stream()
              .allMatch(binding -> binding.scope().kind() == ScopeKind.MODULE);
    }
    return false;
  }

  private static boolean isSelf(String name, FunctionInfo function) {
    if (function.owner() == null) {
      return false;
    }
    List<Arg> first =
        function.parameters().posOnlyArgs().isEmpty()
            ? function.parameters().args()
            : function.parameters().posOnlyArgs();
    return !first.isEmpty() && first.get(0).arg().equals(name);
  }

  private static boolean isLocked(Node node, FileContext context) {
    List<WithItem> items;
    if (node instanceof Stmt.With) {
      items = ((Stmt.With) node).items();
    } else if (node instanceof Stmt.AsyncWith) {
      items = ((Stmt.AsyncWith) node).items();
    } else {
      return false;
    }
    String source = context.module().source();
    for (WithItem item : items) {
      Expr expr = item.contextExpr();
      String text =
          source.substring(expr.range().start(), expr.range().end()).toLowerCase(Locale.ROOT);
      if (LOCK_WORDS.stream().anyMatch(text::contains)) {
        return true;
      }
    }
    return false;
  }

  private static boolean callsAcquire(FunctionInfo function) {
    return NodeSearch.anyInScope(
        function.body(),
        node ->
            node instanceof Expr.Call
                && ((Expr.Call) node).func() instanceof Expr.Attribute
                && ((Expr.Attribute) ((Expr.Call) node).func()).attr().equals("acquire"));
  }

  private static boolean isNone(Expr expr) {
    return expr instanceof Expr.Constant && ((Expr.Constant) expr).value() == Singleton.NONE;
  }

  /**
   * Walks the body of the {@code if} in execution order, looking for the first write to the state
   * and whether a suspension comes before it.
   */
  private static final class PathScan {
    private final Expr state;
    private final FileContext context;
    private Located suspension;
    private Stmt write;
    private boolean done;

    /** How many {@code if}s tested after the suspension enclose the current statement. */
    private int freshTests;

    PathScan(Expr state, FileContext context) {
      this.state = state;
      this.context = context;
    }

    void block(List<Stmt> statements) {
      for (Stmt statement : statements) {
        if (done) {
          return;
        }
        statement(statement);
      }
    }

    private void statement(Stmt statement) {
      if (writes(statement)) {
        if (suspension == null) {
          suspension = Suspensions.first(List.of(statement));
        }
        boolean latchOnFreshTest = freshTests > 0 && assignsConstant(statement);
        write = suspension == null || latchOnFreshTest ? null : statement;
        done = true;
        return;
      }
      if (statement instanceof Stmt.If && mentionsState(((Stmt.If) statement).test())
          || isLocked(statement, context)) {
        done = true;
        return;
      }
      if (NodeSearch.opensScope(statement)) {
        return;
      }
      List<List<Stmt>> blocks = Blocks.of(statement);
      if (blocks.isEmpty()) {
        if (suspension == null) {
          suspension = Suspensions.first(List.of(statement));
        }
        return;
      }
      if (suspension == null && headerSuspends(statement)) {
        suspension = statement;
      }
      boolean freshTest = statement instanceof Stmt.If && suspension != null;
      if (freshTest) {
        freshTests++;
      }
      for (List<Stmt> block : blocks) {
        block(block);
      }
      if (freshTest) {
        freshTests--;
      }
    }

    /**
     * {@code self.closed = True}: under an {@code if} on what the await gave, setting a flag to a
     * constant acts on fresh information, and repeating it changes nothing.
     */
    private static boolean assignsConstant(Stmt statement) {
      return statement instanceof Stmt.Assign
          && ((Stmt.Assign) statement).value() instanceof Expr.Constant;
    }

    private static boolean headerSuspends(Stmt statement) {
      if (statement instanceof Stmt.AsyncWith || statement instanceof Stmt.AsyncFor) {
        return true;
      }
      Expr header = null;
      if (statement instanceof Stmt.If) {
        header = ((Stmt.If) statement).test();
      } else if (statement instanceof Stmt.While) {
        header = ((Stmt.While) statement).test();
      } else if (statement instanceof Stmt.For) {
        header = ((Stmt.For) statement).iter();
      }
      return header != null
          && NodeSearch.anyInScope(List.of(header), node -> node instanceof Expr.Await);
    }

    private boolean mentionsState(Expr test) {
      return NodeSearch.any(
          test, node -> node instanceof Expr && References.same((Expr) node, state));
    }

    /** Whether the statement writes the state: assigns it or an item of it, or mutates it. */
    private boolean writes(Stmt statement) {
      if (statement instanceof Stmt.Assign) {
        return ((Stmt.Assign) statement).targets().stream().anyMatch(this::isTarget);
      }
      if (statement instanceof Stmt.AnnAssign) {
        return ((Stmt.AnnAssign) statement).value() != null
            && isTarget(((Stmt.AnnAssign) statement).target());
      }
      if (statement instanceof Stmt.AugAssign) {
        return isTarget(((Stmt.AugAssign) statement).target());
      }
      if (statement instanceof Stmt.Delete) {
        return ((Stmt.Delete) statement).targets().stream().anyMatch(this::isTarget);
      }
      if (statement instanceof Stmt.ExprStatement) {
        Expr value = ((Stmt.ExprStatement) statement).value();
        if (value instanceof Expr.Await) {
          value = ((Expr.Await) value).value();
        }
        if (value instanceof Expr.Call && ((Expr.Call) value).func() instanceof Expr.Attribute) {
          Expr.Attribute method = (Expr.Attribute) ((Expr.Call) value).func();
          return MUTATORS.contains(method.attr()) && References.same(method.value(), state);
        }
      }
      return false;
    }

    private boolean isTarget(Expr target) {
      if (target instanceof Expr.Tuple) {
        return ((Expr.Tuple) target).elts().stream().anyMatch(this::isTarget);
      }
      if (target instanceof Expr.ListDisplay) {
        return ((Expr.ListDisplay) target).elts().stream().anyMatch(this::isTarget);
      }
      if (target instanceof Expr.Starred) {
        return isTarget(((Expr.Starred) target).value());
      }
      if (target instanceof Expr.Subscript) {
        return References.same(((Expr.Subscript) target).value(), state);
      }
      return References.same(target, state);
    }
  }
}
