package dev.asynclint.rules.eventloop;

import dev.asynclint.lint.FileContext;
import dev.asynclint.lint.ProjectContext;
import dev.asynclint.lint.ProjectRule;
import dev.asynclint.lint.Related;
import dev.asynclint.lint.RuleInfo;
import dev.asynclint.lint.Severity;
import dev.asynclint.rules.TestCode;
import dev.asynclint.semantic.project.CallEdge;
import dev.asynclint.semantic.project.CallSite;
import dev.asynclint.semantic.project.FunctionInfo;
import dev.asynclint.semantic.project.Project;
import dev.asynclint.semantic.project.Resolver;
import dev.asynclint.semantic.project.SourceModule;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * ASY100: {@code asyncio.new_event_loop()} where it runs repeatedly: in a request handler or a
 * function one calls, on every iteration of a loop over items, or in a function a loop calls per
 * item. A loop created only under a condition and kept (on {@code self}, in a global, set as the
 * thread's current loop) is a lazily created long-lived loop, and is not reported; nor is test
 * code, where a loop per test is isolation.
 */
@RuleInfo(
    code = "ASY100",
    name = "loop-per-call",
    severity = Severity.ERROR,
    summary =
        "`asyncio.new_event_loop()` runs on every request or every item: each call pays for a new"
            + " selector, self-pipe and executor, and clients, locks and tasks bound to one loop"
            + " break on the next.")
public final class LoopPerCall implements ProjectRule {
  static final String IN_HANDLER = "`asyncio.new_event_loop()` runs on every call of `%s`, %s: %s";
  static final String THROUGH_HANDLER =
      "`asyncio.new_event_loop()` in %s runs on every call of `%s`, %s: %s";
  static final String PER_ITERATION =
      "`asyncio.new_event_loop()` creates an event loop on every iteration of this loop: create"
          + " one loop before the loop, or gather the work in one coroutine and run it once";
  static final String PER_ITEM =
      "`asyncio.new_event_loop()` in %s creates an event loop for every item %s processes in a"
          + " loop: create one loop there, or gather the work in one coroutine and run it once";

  @Override
  public void checkProject(ProjectContext context) {
    Project project = context.project();
    Resolver resolver = context.resolver();
    Repetition repetition =
        Repetition.of(project, site -> AsyncioApi.calls(site, AsyncioApi.NEW_EVENT_LOOP));
    Handlers handlers = null;
    for (SourceModule module : project.index().modules()) {
      if (TestCode.isTest(module)) {
        continue;
      }
      for (CallSite site : project.callSites(module)) {
        if (!AsyncioApi.calls(site, AsyncioApi.NEW_EVENT_LOOP) || Syntax.inCallbackLambda(site)) {
          continue;
        }
        CreatedLoop loop = CreatedLoop.of(site, resolver);
        if (isKept(loop, resolver)) {
          continue;
        }
        if (handlers == null) {
          handlers = Handlers.of(project, resolver);
        }
        check(context, handlers, repetition.reason(site.caller()), site, loop, resolver);
      }
    }
  }

  private void check(
      ProjectContext context,
      Handlers handlers,
      Repetition.Reason reason,
      CallSite site,
      CreatedLoop loop,
      Resolver resolver) {
    FileContext file = context.file(site.caller().module());
    if (reason instanceof Repetition.FromHandler) {
      Repetition.FromHandler fromHandler = (Repetition.FromHandler) reason;
      FunctionInfo handler = fromHandler.handler();
      Handlers.Framework framework = handlers.framework(handler);
      String message =
          fromHandler.isHandler()
              ? String.format(
                  IN_HANDLER, Chains.name(handler), framework.description(), framework.advice())
              : String.format(
                  THROUGH_HANDLER,
                  Chains.quoted(site.caller()),
                  Chains.name(handler),
                  framework.description(),
                  framework.advice());
      List<Related> related = Chains.fromHandler(context, handlers, fromHandler);
      file.report(this, site.call().range(), message, related, null);
      return;
    }
    if (isPerIteration(site, loop, resolver)) {
      file.report(this, site.call().range(), PER_ITERATION);
      return;
    }
    if (reason instanceof Repetition.PerItem) {
      List<CallEdge> chain = ((Repetition.PerItem) reason).chain();
      String message =
          String.format(
              PER_ITEM, Chains.quoted(site.caller()), Chains.quoted(chain.get(0).caller()));
      file.report(this, site.call().range(), message, Chains.calls(context, chain), null);
    }
  }

  /**
   * Whether the loop is created lazily and kept: created under a condition ({@code if self._loop is
   * None}, {@code except RuntimeError}) and stored or set as the thread's current loop.
   */
  static boolean isKept(CreatedLoop loop, Resolver resolver) {
    if (!loop.isConditional()) {
      return false;
    }
    switch (loop.holder()) {
      case CHAINED:
        return false;
      case LOCAL:
        CreatedLoop.Uses uses = loop.uses(resolver);
        return uses.escapes() || uses.setCurrent() || uses.reassigned();
      default:
        return true;
    }
  }

  /**
   * Whether the loop is created on each iteration of a loop over changing items and used only
   * within it. A loop that builds a pool of loops keeps them, and one that can leave early ({@code
   * break}, {@code return}) retries rather than processes items: both are left alone.
   */
  private static boolean isPerIteration(CallSite site, CreatedLoop loop, Resolver resolver) {
    if (loop.holder() != CreatedLoop.Holder.CHAINED && loop.holder() != CreatedLoop.Holder.LOCAL) {
      return false;
    }
    if (loop.holder() == CreatedLoop.Holder.LOCAL && loop.uses(resolver).escapes()) {
      return false;
    }
    int offset = site.call().range().start();
    Iteration iteration = Iteration.around(loop.ancestors(), offset);
    if (iteration == null || iteration.exitsEarly()) {
      return false;
    }
    Set<String> changing = new HashSet<>(iteration.names());
    changing.remove(loop.name());
    return Syntax.reads(iteration.body(), changing);
  }
}
