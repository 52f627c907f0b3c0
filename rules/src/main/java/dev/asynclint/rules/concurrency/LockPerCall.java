package dev.asynclint.rules.concurrency;

import dev.asynclint.lint.CallRule;
import dev.asynclint.lint.FileContext;
import dev.asynclint.lint.RuleInfo;
import dev.asynclint.lint.Severity;
import dev.asynclint.rules.TestCode;
import dev.asynclint.semantic.project.CallSite;
import dev.asynclint.semantic.project.FunctionInfo;
import dev.asynclint.semantic.scope.Binding;
import dev.asynclint.semantic.scope.Symbol;
import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.syntax.ast.Located;
import dev.asynclint.syntax.ast.NameReads;
import dev.asynclint.syntax.ast.Node;
import dev.asynclint.syntax.ast.NodeFinder;
import dev.asynclint.syntax.ast.Stmt;
import dev.asynclint.syntax.ast.WithItem;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ASY504: an asyncio synchronisation primitive created by a coroutine, for its own use only. Either
 * {@code async with asyncio.Lock():} directly, or a local variable bound once to a new primitive,
 * acquired in the same function ({@code async with lock:}, {@code await lock.acquire()}, {@code
 * await event.wait()}), and never escaping it: every read of the variable outside a nested scope
 * calls one of its methods, enters it with {@code async with}, or only tests it. Passed to a call
 * (the workers of a fan-out that share it), captured by a nested function, stored, returned or
 * yielded, the primitive may be shared, and nothing is reported. Test modules are skipped: a test
 * of the primitives creates one per test on purpose.
 */
@RuleInfo(
    code = "ASY504",
    name = "lock-per-call",
    severity = Severity.WARNING,
    summary =
        "An `asyncio.Lock`, `Semaphore`, `BoundedSemaphore`, `Condition` or `Event` created inside"
            + " the coroutine that uses it and never shared: each call gets a fresh one, so"
            + " acquiring it never waits and it guards nothing.")
public final class LockPerCall implements CallRule {
  static final String MESSAGE =
      "`%s()` is created on every call of `%s` and never shared with anyone, so acquiring it"
          + " never waits and it guards nothing; create it once where every caller can see it"
          + " (module level, `__init__`, or pass it in)";
  static final String DIRECT_MESSAGE =
      "`async with %s():` acquires a new %s that nobody else can see, so it never waits and"
          + " guards nothing; create it once where every caller can see it (module level,"
          + " `__init__`, or pass it in)";

  /** Primitives by qualified name, with the spelling the message uses. */
  private static final Map<String, String> PRIMITIVES =
      Map.ofEntries(
          Map.entry("asyncio.Lock", "asyncio.Lock"),
          Map.entry("asyncio.locks.Lock", "asyncio.Lock"),
          Map.entry("asyncio.Semaphore", "asyncio.Semaphore"),
          Map.entry("asyncio.locks.Semaphore", "asyncio.Semaphore"),
          Map.entry("asyncio.BoundedSemaphore", "asyncio.BoundedSemaphore"),
          Map.entry("asyncio.locks.BoundedSemaphore", "asyncio.BoundedSemaphore"),
          Map.entry("asyncio.Condition", "asyncio.Condition"),
          Map.entry("asyncio.locks.Condition", "asyncio.Condition"),
          Map.entry("asyncio.Event", "asyncio.Event"),
          Map.entry("asyncio.locks.Event", "asyncio.Event"));

  /** Methods whose awaited call waits on the primitive. */
  private static final Set<String> WAITS = Set.of("acquire", "wait", "wait_for");

  @Override
  public void checkCall(CallSite site, FileContext context) {
    String qualifiedName = site.target().qualifiedName();
    String spelling = qualifiedName == null ? null : PRIMITIVES.get(qualifiedName);
    FunctionInfo function = site.caller();
    if (spelling == null
        || !site.asyncContext()
        || !function.isAsync()
        || TestCode.isTest(function.module())) {
      return;
    }
    Expr.Call call = site.call();
    if (spelling.equals("asyncio.Condition")
        && (!call.args().isEmpty() || !call.keywords().isEmpty())) {
      return; // a condition over a lock passed in shares that lock
    }
    List<Located> ancestors = NodeFinder.ancestors(function.module().tree(), call);
    Located parent = ancestors.isEmpty() ? null : ancestors.get(ancestors.size() - 1);
    if (parent instanceof Stmt.AsyncWith && entered((Stmt.AsyncWith) parent, call)) {
      String noun = spelling.substring(spelling.indexOf('.') + 1).toLowerCase();
      context.report(this, call.range(), String.format(DIRECT_MESSAGE, spelling, noun));
      return;
    }
    String name = Locals.assignedName(parent, call);
    if (name == null || !isSingleLocal(function, name)) {
      return;
    }
    UseWalker uses = new UseWalker(name);
    for (Stmt statement : function.body()) {
      uses.walk(statement);
    }
    if (uses.waited && !uses.escapes) {
      context.report(this, call.range(), String.format(MESSAGE, spelling, function.name()));
    }
  }

  private static boolean entered(Stmt.AsyncWith with, Expr.Call call) {
    return with.items().stream().anyMatch(item -> item.contextExpr() == call);
  }

  /** Whether {@code name} is a local of the function, bound to a value exactly once. */
  private static boolean isSingleLocal(FunctionInfo function, String name) {
    if (!Locals.isPlainLocal(function, name)) {
      return false;
    }
    Symbol symbol = function.scope().symbol(name);
    int bindings = 0;
    for (Binding binding : symbol.bindings()) {
      if (binding.kind().bindsValue()) {
        bindings++;
      }
    }
    return bindings == 1;
  }

  /** Classifies each read of the variable by what its parent node does with it. */
  private static final class UseWalker extends NameReads {
    private boolean escapes;
    private boolean waited;

    UseWalker(String name) {
      super(name);
    }

    @Override
    protected void read(Expr.Name read, boolean inNestedScope) {
      if (inNestedScope) {
        escapes = true;
        return;
      }
      Node parent = parent(1);
      Node grandparent = parent(2);
      if (parent instanceof WithItem && ((WithItem) parent).contextExpr() == read) {
        if (grandparent instanceof Stmt.AsyncWith && ((WithItem) parent).optionalVars() == null) {
          waited = true;
        } else {
          escapes = true;
        }
        return;
      }
      if (parent instanceof Expr.Attribute) {
        if (grandparent instanceof Expr.Call && ((Expr.Call) grandparent).func() == parent) {
          if (WAITS.contains(((Expr.Attribute) parent).attr()) && parent(3) instanceof Expr.Await) {
            waited = true;
          }
          return;
        }
        escapes = true;
        return;
      }
      if (!isTest(parent, read)) {
        escapes = true;
      }
    }
  }
}
