package dev.asynclint.rules.concurrency;

import dev.asynclint.lint.CallRule;
import dev.asynclint.lint.FileContext;
import dev.asynclint.lint.RuleInfo;
import dev.asynclint.lint.Severity;
import dev.asynclint.rules.TestCode;
import dev.asynclint.semantic.project.CallSite;
import dev.asynclint.semantic.project.FunctionInfo;
import dev.asynclint.semantic.project.Place;
import dev.asynclint.syntax.ast.Comprehension;
import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.syntax.ast.Located;
import dev.asynclint.syntax.ast.NodeFinder;
import dev.asynclint.syntax.ast.NodeSearch;
import dev.asynclint.syntax.ast.Stmt;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ASY500: work started all at once for every item of an iterable whose size nothing bounds. Two
 * shapes: a waiter over a comprehension ({@code gather(*(f(x) for x in xs))}, {@code
 * gather(*[...])}, {@code asyncio.wait([...])}, {@code asyncio.as_completed([...])}), and a task
 * scheduled per item ({@code create_task}, {@code ensure_future}, {@code loop.create_task}, {@code
 * TaskGroup.create_task}) in a list comprehension or in the body of a {@code for} loop. The
 * scheduled callee must be known (a project coroutine function, or a library callable by its
 * qualified name), and its arguments must change with the items. Silent when the iterable is
 * bounded, when a limiter guards the work (see {@link FanOutGuards}), when the loop paces itself
 * with an {@code await}, and in test modules.
 */
@RuleInfo(
    code = "ASY500",
    name = "unbounded-fan-out",
    severity = Severity.WARNING,
    summary =
        "One coroutine per item of an iterable whose size is not bounded, all started at once"
            + " (`gather(*(fetch(u) for u in urls))`, `create_task` in a loop), with no"
            + " `Semaphore`, bounded queue or worker pool limiting how many run together.")
public final class UnboundedFanOut implements CallRule {
  static final String MESSAGE =
      "%s starts %s for every item of `%s` at once, and nothing bounds how many run together:"
          + " %s";
  static final String FIX_IN_CALLEE =
      "limit concurrency with an `asyncio.Semaphore` acquired in `%s()`, or use a bounded worker"
          + " pool (a few workers reading an `asyncio.Queue`)";
  static final String FIX_EXTERNAL =
      "wrap the call in a coroutine that acquires a shared `asyncio.Semaphore`, or use a bounded"
          + " worker pool (a few workers reading an `asyncio.Queue`)";

  /** Calls that wait for a collection of awaitables, by qualified name. */
  private static final Map<String, String> WAITERS =
      Map.of(
          "asyncio.gather", "`asyncio.gather()`",
          "asyncio.tasks.gather", "`asyncio.gather()`",
          "asyncio.wait", "`asyncio.wait()`",
          "asyncio.tasks.wait", "`asyncio.wait()`",
          "asyncio.as_completed", "`asyncio.as_completed()`",
          "asyncio.tasks.as_completed", "`asyncio.as_completed()`");

  /** Calls that schedule a coroutine as a task, by qualified name. */
  static final Map<String, String> SCHEDULERS =
      Map.ofEntries(
          Map.entry("asyncio.create_task", "`asyncio.create_task()`"),
          Map.entry("asyncio.tasks.create_task", "`asyncio.create_task()`"),
          Map.entry("asyncio.ensure_future", "`asyncio.ensure_future()`"),
          Map.entry("asyncio.tasks.ensure_future", "`asyncio.ensure_future()`"),
          Map.entry("asyncio.AbstractEventLoop.create_task", "`loop.create_task()`"),
          Map.entry("asyncio.events.AbstractEventLoop.create_task", "`loop.create_task()`"),
          Map.entry("asyncio.base_events.BaseEventLoop.create_task", "`loop.create_task()`"),
          Map.entry("asyncio.TaskGroup.create_task", "`TaskGroup.create_task()`"),
          Map.entry("asyncio.taskgroups.TaskGroup.create_task", "`TaskGroup.create_task()`"));

  @Override
  public void checkCall(CallSite site, FileContext context) {
    String name = site.target().qualifiedName();
    if (name == null
        || !site.asyncContext()
        || site.caller().isModuleBody()
        || TestCode.isTest(site.caller().module())) {
      return;
    }
    if (WAITERS.containsKey(name)) {
      checkWaiter(site, WAITERS.get(name), context);
    } else if (SCHEDULERS.containsKey(name)) {
      checkScheduler(site, SCHEDULERS.get(name), context);
    }
  }

  /** {@code gather(*(f(x) for x in xs))}, {@code wait([f(x) for x in xs])}. */
  private void checkWaiter(CallSite site, String waiter, FileContext context) {
    Expr.Call call = site.call();
    if (call.args().isEmpty()) {
      return;
    }
    Expr first = call.args().get(0);
    if (first instanceof Expr.Starred) {
      if (call.args().size() != 1) {
        return;
      }
      first = ((Expr.Starred) first).value();
    } else if (waiter.contains("gather")) {
      return;
    }
    Expr element = element(first);
    List<Comprehension> generators = Comprehension.clausesOf(first);
    if (!(element instanceof Expr.Call) || generators == null || generators.size() != 1) {
      return;
    }
    Comprehension generator = generators.get(0);
    if (generator.isAsync() != 0) {
      return;
    }
    CallSite scheduled = context.callSite((Expr.Call) element);
    if (scheduled != null && isIn(SCHEDULERS, scheduled)) {
      Expr.Call inner = firstCallArgument(scheduled.call());
      scheduled = inner == null ? null : context.callSite(inner);
    }
    if (scheduled == null) {
      return;
    }
    Set<String> itemNames = FanOutGuards.boundNames(generator.target());
    report(site, site.call(), waiter, scheduled, generator.iter(), itemNames, context);
  }

  /** {@code create_task(f(x))} in a list comprehension or a {@code for} loop over items. */
  private void checkScheduler(CallSite site, String scheduler, FileContext context) {
    Expr.Call coroutine = firstCallArgument(site.call());
    if (coroutine == null) {
      return;
    }
    CallSite scheduled = context.callSite(coroutine);
    if (scheduled == null) {
      return;
    }
    List<Located> ancestors = NodeFinder.ancestors(site.caller().module().tree(), site.call());
    for (int i = ancestors.size() - 1; i >= 0; i--) {
      Located node = ancestors.get(i);
      if (NodeSearch.opensScope(node) || node instanceof Stmt.While) {
        return;
      }
      if (node instanceof Expr.ListComp
          || node instanceof Expr.SetComp
          || node instanceof Expr.GeneratorExp
          || node instanceof Expr.DictComp) {
        checkComprehension(site, scheduler, scheduled, node, ancestors.subList(0, i), context);
        return;
      }
      if (node instanceof Stmt.AsyncFor) {
        return;
      }
      if (node instanceof Stmt.For) {
        Stmt.For loop = (Stmt.For) node;
        if (!loop.body().contains(i + 1 < ancestors.size() ? ancestors.get(i + 1) : null)
            || FanOutGuards.pacedOrLeftEarly(loop.body())) {
          return;
        }
        Set<String> itemNames = FanOutGuards.boundNames(loop.target());
        itemNames.addAll(FanOutGuards.assignedNames(loop.body()));
        report(
            site,
            site.call(),
            scheduler + " in this loop",
            scheduled,
            loop.iter(),
            itemNames,
            context);
        return;
      }
    }
  }

  private void checkComprehension(
      CallSite site,
      String scheduler,
      CallSite scheduled,
      Located comprehension,
      List<Located> outer,
      FileContext context) {
    List<Comprehension> generators = Comprehension.clausesOf((Expr) comprehension);
    if (generators.size() != 1 || generators.get(0).isAsync() != 0) {
      return;
    }
    if (element((Expr) comprehension) != site.call()) {
      return;
    }
    // A comprehension handed straight to a waiter is reported on the waiter.
    Located parent = outer.isEmpty() ? null : outer.get(outer.size() - 1);
    if (parent instanceof Expr.Starred && outer.size() >= 2) {
      parent = outer.get(outer.size() - 2);
    }
    if (parent instanceof Expr.Call) {
      CallSite waiter = context.callSite((Expr.Call) parent);
      if (waiter != null && isIn(WAITERS, waiter)) {
        return;
      }
    }
    Comprehension generator = generators.get(0);
    Set<String> itemNames = FanOutGuards.boundNames(generator.target());
    report(site, site.call(), scheduler, scheduled, generator.iter(), itemNames, context);
  }

  private void report(
      CallSite site,
      Expr.Call at,
      String what,
      CallSite scheduled,
      Expr iterable,
      Set<String> itemNames,
      FileContext context) {
    FunctionInfo caller = site.caller();
    Place place = new Place(caller.module(), caller.scope(), iterable.range().start(), null);
    FanOutGuards guards = new FanOutGuards(context.resolver());
    String calleeName = scheduled.target().qualifiedName();
    FunctionInfo callee = scheduled.target().function();
    if (calleeName == null
        || callee != null && !callee.isAsync()
        || FanOutGuards.isHarmless(calleeName)
        || !FanOutGuards.variesWithItems(scheduled.call(), itemNames)
        || guards.isBounded(iterable, place, 0)
        || guards.boundedByEveryCaller(iterable, caller)
        || FanOutGuards.isInternalCollection(
            iterable,
            caller.module().source().substring(iterable.range().start(), iterable.range().end()),
            caller,
            place)
        || guards.guardsAround(caller, scheduled)
        || callee != null && guards.guardedCallee(callee, 0)) {
      return;
    }
    String shortName = calleeName.substring(calleeName.lastIndexOf('.') + 1);
    String fix = callee != null ? String.format(FIX_IN_CALLEE, shortName) : FIX_EXTERNAL;
    String source = caller.module().source();
    String iterText = FanOutGuards.snippet(source, iterable);
    context.report(
        this, at.range(), String.format(MESSAGE, what, "`" + shortName + "()`", iterText, fix));
  }

  private static boolean isIn(Map<String, String> calls, CallSite site) {
    String name = site.target().qualifiedName();
    return name != null && calls.containsKey(name);
  }

  static Expr.Call firstCallArgument(Expr.Call call) {
    if (call.args().isEmpty()) {
      return null;
    }
    Expr first = call.args().get(0);
    return first instanceof Expr.Call ? (Expr.Call) first : null;
  }

  private static Expr element(Expr comprehension) {
    if (comprehension instanceof Expr.ListComp) {
      return ((Expr.ListComp) comprehension).elt();
    }
    if (comprehension instanceof Expr.SetComp) {
      return ((Expr.SetComp) comprehension).elt();
    }
    if (comprehension instanceof Expr.GeneratorExp) {
      return ((Expr.GeneratorExp) comprehension).elt();
    }
    if (comprehension instanceof Expr.DictComp) {
      return ((Expr.DictComp) comprehension).value();
    }
    return null;
  }
}
