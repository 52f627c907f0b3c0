package dev.asynclint.rules.blocking;

import dev.asynclint.lint.CallRule;
import dev.asynclint.lint.Edit;
import dev.asynclint.lint.FileContext;
import dev.asynclint.lint.Fix;
import dev.asynclint.lint.FixAvailability;
import dev.asynclint.lint.RuleInfo;
import dev.asynclint.lint.Severity;
import dev.asynclint.semantic.project.CallSite;
import dev.asynclint.semantic.project.CallTarget;
import dev.asynclint.semantic.project.FunctionInfo;
import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.syntax.ast.Keyword;
import dev.asynclint.syntax.ast.Located;
import dev.asynclint.syntax.ast.NodeSearch;
import dev.asynclint.syntax.ast.Stmt;
import dev.asynclint.syntax.ast.UnaryOperator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ASY213: a call evaluated in the argument list of a call that should run it in a thread, such as
 * {@code asyncio.to_thread(requests.get(url))}. Reported only when the inner call certainly does
 * the work rather than build a callable: a known blocking API, or a plain project function none of
 * whose {@code return} statements can give a callable.
 */
@RuleInfo(
    code = "ASY213",
    name = "eager-call-in-executor",
    severity = Severity.ERROR,
    fix = FixAvailability.SAFE,
    summary =
        "The work meant for a worker thread is done before the thread is asked for it: in"
            + " `asyncio.to_thread(f(x))` or `loop.run_in_executor(None, f(x))`, `f(x)` runs on"
            + " the event loop, blocking it, and its result (not a callable) is then handed to the"
            + " thread, which fails. Pass the callable and its arguments separately.")
public final class EagerCallInExecutor implements CallRule {
  static final String MESSAGE =
      "`%s(...)` runs on the event loop before `%s()` is called, which then gets its result"
          + " instead of a callable; pass the callable and its arguments: `%s`";
  static final String FIX_TITLE = "Pass the callable and its arguments separately";

  /**
   * How a fix passes keyword arguments: on to the offloader, which takes its callable
   * positional-only ({@code to_thread(func, /, *args, **kwargs)}), or through {@code
   * functools.partial} for the others, which take none or could mistake one for their own.
   */
  private enum Keywords {
    PASSED,
    THROUGH_PARTIAL
  }

  /** An offloading callable: the position of the callable it runs, how a fix passes keywords. */
  private record Offloader(String display, int position, Keywords keywords) {}

  private static final Offloader TO_THREAD = new Offloader("asyncio.to_thread", 0, Keywords.PASSED);
  private static final Offloader RUN_IN_EXECUTOR =
      new Offloader("loop.run_in_executor", 1, Keywords.THROUGH_PARTIAL);

  private static final Map<String, Offloader> OFFLOADERS =
      Map.ofEntries(
          Map.entry("asyncio.to_thread", TO_THREAD),
          Map.entry("asyncio.threads.to_thread", TO_THREAD),
          Map.entry("asyncio.AbstractEventLoop.run_in_executor", RUN_IN_EXECUTOR),
          Map.entry("asyncio.events.AbstractEventLoop.run_in_executor", RUN_IN_EXECUTOR),
          Map.entry("asyncio.base_events.BaseEventLoop.run_in_executor", RUN_IN_EXECUTOR),
          Map.entry(
              "anyio.to_thread.run_sync",
              new Offloader("anyio.to_thread.run_sync", 0, Keywords.THROUGH_PARTIAL)),
          Map.entry(
              "starlette.concurrency.run_in_threadpool",
              new Offloader("run_in_threadpool", 0, Keywords.THROUGH_PARTIAL)),
          Map.entry(
              "fastapi.concurrency.run_in_threadpool",
              new Offloader("run_in_threadpool", 0, Keywords.THROUGH_PARTIAL)),
          Map.entry(
              "concurrent.futures.Executor.submit",
              new Offloader("executor.submit", 0, Keywords.THROUGH_PARTIAL)),
          Map.entry(
              "concurrent.futures.ThreadPoolExecutor.submit",
              new Offloader("executor.submit", 0, Keywords.THROUGH_PARTIAL)),
          Map.entry(
              "concurrent.futures.ProcessPoolExecutor.submit",
              new Offloader("executor.submit", 0, Keywords.THROUGH_PARTIAL)));

  /** Builtins whose result is data, never a callable. */
  private static final Set<String> DATA_BUILTINS =
      Set.of(
          "builtins.str",
          "builtins.int",
          "builtins.float",
          "builtins.bool",
          "builtins.len",
          "builtins.list",
          "builtins.dict",
          "builtins.tuple",
          "builtins.set",
          "builtins.bytes",
          "builtins.sorted",
          "builtins.repr",
          "builtins.format",
          "builtins.open");

  @Override
  public void checkCall(CallSite site, FileContext context) {
    CallSite outer = site.argumentOf();
    if (outer == null) {
      return;
    }
    Offloader offloader = offloader(outer);
    Expr.Call call = outer.call();
    if (offloader == null
        || call.args().size() != offloader.position() + 1
        || !call.keywords().isEmpty()
        || call.args().get(offloader.position()) != site.call()
        || call.args().stream().anyMatch(arg -> arg instanceof Expr.Starred)) {
      return;
    }
    String callee = calleeName(site);
    if (callee == null || !doesTheWork(site)) {
      return;
    }
    String source = context.module().source();
    String suggestion = text(source, call.func()) + "(" + joined(source, call, site.call()) + ")";
    context.report(
        this,
        site.call().range(),
        String.format(MESSAGE, callee, offloader.display(), suggestion),
        List.of(),
        fix(site, offloader, context));
  }

  private static Offloader offloader(CallSite outer) {
    String name = outer.target().qualifiedName();
    if (name != null) {
      return OFFLOADERS.get(name);
    }
    Expr func = outer.call().func();
    boolean unresolvedMethod =
        outer.target().kind() == CallTarget.Kind.UNKNOWN
            && func instanceof Expr.Attribute
            && ((Expr.Attribute) func).attr().equals("run_in_executor");
    return unresolvedMethod ? RUN_IN_EXECUTOR : null;
  }

  /** How the message names the inner callee: its dotted source text, else its resolved name. */
  private static String calleeName(CallSite site) {
    Expr func = site.call().func();
    if (isDottedName(func)) {
      return dotted(func);
    }
    return site.target().qualifiedName();
  }

  /**
   * Whether the inner call certainly does the work itself: a blocking API of the knowledge base, a
   * builtin giving data, or a plain, undecorated project function that never returns a callable.
   */
  private static boolean doesTheWork(CallSite site) {
    CallTarget target = site.target();
    String name = target.qualifiedName();
    if (target.kind() == CallTarget.Kind.EXTERNAL || target.kind() == CallTarget.Kind.CLASS) {
      return name != null
          && (DATA_BUILTINS.contains(name) || BlockingApis.get().find(name) != null);
    }
    if (target.kind() != CallTarget.Kind.FUNCTION || target.function() == null) {
      return false;
    }
    FunctionInfo function = target.function();
    return !function.isAsync()
        && function.decorators().isEmpty()
        && !isPlaceholder(function.body())
        && !NodeSearch.anyInScope(
            function.body(),
            node ->
                node instanceof Stmt.Return
                    && ((Stmt.Return) node).value() != null
                    && !surelyData(((Stmt.Return) node).value()));
  }

  /**
   * A body that only stands in for an override ({@code pass}, {@code ...}, a docstring, {@code
   * raise NotImplementedError}): what the called method returns is decided elsewhere.
   */
  private static boolean isPlaceholder(List<Stmt> body) {
    return body.stream()
        .allMatch(
            statement ->
                statement instanceof Stmt.Pass
                    || statement instanceof Stmt.Raise
                    || statement instanceof Stmt.ExprStatement
                        && ((Stmt.ExprStatement) statement).value() instanceof Expr.Constant);
  }

  /** Whether the expression gives data, never a callable: literals, displays, comparisons. */
  private static boolean surelyData(Expr expr) {
    if (expr instanceof Expr.BoolOp) {
      return ((Expr.BoolOp) expr).values().stream().allMatch(EagerCallInExecutor::surelyData);
    }
    return expr instanceof Expr.Constant
        || expr instanceof Expr.JoinedStr
        || expr instanceof Expr.ListDisplay
        || expr instanceof Expr.Tuple
        || expr instanceof Expr.DictDisplay
        || expr instanceof Expr.SetDisplay
        || expr instanceof Expr.ListComp
        || expr instanceof Expr.SetComp
        || expr instanceof Expr.DictComp
        || expr instanceof Expr.GeneratorExp
        || expr instanceof Expr.Compare
        || expr instanceof Expr.UnaryOp && ((Expr.UnaryOp) expr).op() == UnaryOperator.NOT;
  }

  /**
   * The fix: the inner call's callee and arguments become the offloader's; keywords go through
   * {@code functools.partial} for {@code run_in_executor}. Offered when the callee is a name or a
   * dotted name (moving it changes nothing) and no comment sits inside the call.
   */
  private static Fix fix(CallSite site, Offloader offloader, FileContext context) {
    Expr.Call inner = site.call();
    String source = context.module().source();
    if (!isDottedName(inner.func()) || text(source, inner).contains("#")) {
      return null;
    }
    List<Edit> edits = new ArrayList<>();
    String replacement;
    if (inner.keywords().isEmpty() || offloader.keywords() == Keywords.PASSED) {
      replacement = arguments(source, inner);
    } else {
      String partial = ModuleImports.spelling("functools.partial", site.place(), context);
      if (partial == null) {
        Edit importEdit = ModuleImports.importModule("functools", site.place(), context);
        if (importEdit == null) {
          return null;
        }
        edits.add(importEdit);
        partial = "functools.partial";
      }
      replacement = partial + "(" + arguments(source, inner) + ")";
    }
    edits.add(new Edit(inner.range(), replacement));
    return new Fix(FIX_TITLE, FixAvailability.SAFE, edits);
  }

  /** {@code f, a, k=v} for the call {@code f(a, k=v)}. */
  private static String arguments(String source, Expr.Call call) {
    List<String> parts = new ArrayList<>();
    parts.add(text(source, call.func()));
    for (Expr arg : call.args()) {
      parts.add(text(source, arg));
    }
    for (Keyword keyword : call.keywords()) {
      parts.add(text(source, keyword));
    }
    return String.join(", ", parts);
  }

  /** The outer call's arguments with the inner call spread out, for the message. */
  private static String joined(String source, Expr.Call outer, Expr.Call inner) {
    List<String> parts = new ArrayList<>();
    for (Expr arg : outer.args()) {
      parts.add(arg == inner ? shortArguments(source, inner) : text(source, arg));
    }
    return String.join(", ", parts);
  }

  private static String shortArguments(String source, Expr.Call call) {
    String text = arguments(source, call).replaceAll("\\s+", " ");
    return text.length() <= 60 ? text : text(source, call.func()) + ", ...";
  }

  private static boolean isDottedName(Expr expr) {
    while (expr instanceof Expr.Attribute) {
      expr = ((Expr.Attribute) expr).value();
    }
    return expr instanceof Expr.Name;
  }

  private static String dotted(Expr expr) {
    if (expr instanceof Expr.Attribute) {
      return dotted(((Expr.Attribute) expr).value()) + "." + ((Expr.Attribute) expr).attr();
    }
    return ((Expr.Name) expr).id();
  }

  private static String text(String source, Located node) {
    return source.substring(node.range().start(), node.range().end());
  }
}
