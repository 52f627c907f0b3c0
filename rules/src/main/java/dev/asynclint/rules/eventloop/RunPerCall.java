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
import dev.asynclint.semantic.scope.Binding;
import dev.asynclint.semantic.scope.NameLookup;
import dev.asynclint.semantic.scope.ScopeKind;
import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.syntax.ast.Located;
import dev.asynclint.syntax.ast.NodeFinder;
import java.util.List;

/**
 * ASY101: {@code asyncio.run()} or {@code loop.run_until_complete()} where it runs repeatedly: in a
 * request handler or a function one calls (for {@code run_until_complete()}, on a loop the process
 * shares, under a framework that serves requests from several threads), or {@code asyncio.run()} on
 * every iteration of a loop over items (directly or through the functions the loop calls). Running
 * a long-lived loop per item ({@code loop.run_until_complete()}, {@code runner.run()}) in a loop,
 * or per task in a task-queue worker, is how those APIs are meant to be used and is not reported.
 * Calls in async context are left to ASY103, and a {@code run_until_complete()} on a loop created
 * per call to ASY100.
 */
@RuleInfo(
    code = "ASY101",
    name = "run-per-call",
    severity = Severity.ERROR,
    summary =
        "`asyncio.run()` or `loop.run_until_complete()` runs on every request or every item: each"
            + " call starts an event loop (with `asyncio.run()`, a new one), so requests serialize"
            + " or collide on one shared loop and loop-bound clients break between calls.")
public final class RunPerCall implements ProjectRule {
  static final String IN_HANDLER = "%s %s on every call of `%s`, %s: %s";
  static final String THROUGH_HANDLER = "%s in %s %s on every call of `%s`, %s: %s";
  static final String PER_ITERATION =
      "`asyncio.run()` starts a new event loop on every iteration of this loop: gather the work"
          + " in one coroutine (`asyncio.gather()`) and run it once, outside the loop";
  static final String PER_ITEM =
      "`asyncio.run()` in %s starts a new event loop for every item %s processes in a loop:"
          + " gather the work in one coroutine (`asyncio.gather()`) and run it once";

  private static final String STARTS_LOOP = "starts a new event loop";
  private static final String RUNS_LOOP = "runs the module's shared event loop";

  @Override
  public void checkProject(ProjectContext context) {
    Project project = context.project();
    Resolver resolver = context.resolver();
    Repetition repetition = Repetition.of(project, site -> AsyncioApi.calls(site, AsyncioApi.RUN));
    Handlers handlers = null;
    for (SourceModule module : project.index().modules()) {
      if (TestCode.isTest(module)) {
        continue;
      }
      for (CallSite site : project.callSites(module)) {
        if (site.asyncContext()
            || !AsyncioApi.runsCoroutine(site)
            || Syntax.inCallbackLambda(site)) {
          continue;
        }
        if (handlers == null) {
          handlers = Handlers.of(project, resolver);
        }
        check(context, handlers, repetition, site);
      }
    }
  }

  private void check(
      ProjectContext context, Handlers handlers, Repetition repetition, CallSite site) {
    FileContext file = context.file(site.caller().module());
    boolean newLoop = AsyncioApi.calls(site, AsyncioApi.RUN);
    Repetition.Reason reason = repetition.reason(site.caller());
    if (reason instanceof Repetition.FromHandler) {
      Repetition.FromHandler fromHandler = (Repetition.FromHandler) reason;
      FunctionInfo handler = fromHandler.handler();
      Handlers.Framework framework = handlers.framework(handler);
      if (!newLoop && !(servesConcurrently(framework) && runsSharedLoop(site))) {
        return;
      }
      String api = AsyncioApi.display(site);
      String verb = newLoop ? STARTS_LOOP : RUNS_LOOP;
      String message =
          fromHandler.isHandler()
              ? String.format(
                  IN_HANDLER,
                  api,
                  verb,
                  Chains.name(handler),
                  framework.description(),
                  framework.advice())
              : String.format(
                  THROUGH_HANDLER,
                  api,
                  Chains.quoted(site.caller()),
                  verb,
                  Chains.name(handler),
                  framework.description(),
                  framework.advice());
      List<Related> related = Chains.fromHandler(context, handlers, fromHandler);
      file.report(this, site.call().range(), message, related, null);
      return;
    }
    if (!newLoop) {
      return;
    }
    if (isPerIteration(site)) {
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
   * Whether handlers of the framework may run at the same time in threads of one process, so that
   * two requests would run one shared loop at once (which raises "This event loop is already
   * running").
   */
  private static boolean servesConcurrently(Handlers.Framework framework) {
    return framework == Handlers.Framework.FLASK
        || framework == Handlers.Framework.DJANGO
        || framework == Handlers.Framework.FASTAPI
        || framework == Handlers.Framework.STARLETTE;
  }

  /**
   * Whether the loop run is one the whole process shares: the receiver is a module-level variable,
   * or an attribute of one ({@code LOOP.run_until_complete()}, {@code
   * app.loop.run_until_complete()}). A loop from {@code get_event_loop()} or a parameter may belong
   * to the worker thread, which runs one request at a time.
   */
  private static boolean runsSharedLoop(CallSite site) {
    if (!(site.call().func() instanceof Expr.Attribute)) {
      return false;
    }
    Expr root = ((Expr.Attribute) site.call().func()).value();
    while (root instanceof Expr.Attribute) {
      root = ((Expr.Attribute) root).value();
    }
    if (!(root instanceof Expr.Name)) {
      return false;
    }
    NameLookup lookup = site.place().lookup(((Expr.Name) root).id());
    if (lookup.bindings().isEmpty()) {
      return false;
    }
    for (Binding binding : lookup.bindings()) {
      if (binding.scope().kind() != ScopeKind.MODULE) {
        return false;
      }
    }
    return true;
  }

  /** Whether the call sits in a loop over changing items and is given something that changes. */
  private static boolean isPerIteration(CallSite site) {
    List<Located> ancestors = NodeFinder.ancestors(site.caller().module().tree(), site.call());
    int offset = site.call().range().start();
    Iteration iteration = Iteration.around(ancestors, offset);
    return iteration != null
        && iteration.varies(Syntax.arguments(site.call()))
        && !iteration.endsAfter(ancestors, offset);
  }
}
