package dev.asynclint.rules.eventloop;

import dev.asynclint.lint.FileContext;
import dev.asynclint.lint.ProjectContext;
import dev.asynclint.lint.ProjectRule;
import dev.asynclint.lint.Related;
import dev.asynclint.lint.RuleInfo;
import dev.asynclint.lint.Severity;
import dev.asynclint.semantic.project.CallEdge;
import dev.asynclint.semantic.project.CallSite;
import dev.asynclint.semantic.project.FunctionInfo;
import dev.asynclint.semantic.project.Project;
import dev.asynclint.semantic.project.SourceModule;
import java.util.ArrayList;
import java.util.List;

/**
 * ASY103: {@code asyncio.run()}, {@code loop.run_until_complete()} or {@code loop.run_forever()}
 * reached from async context, directly or through project sync functions, or from a sync function
 * the event loop runs as a callback. CPython refuses to start a loop in a thread whose loop is
 * running. A project that applies {@code nest_asyncio} allows exactly that, and is not checked.
 */
@RuleInfo(
    code = "ASY103",
    name = "run-in-running-loop",
    severity = Severity.ERROR,
    summary =
        "`asyncio.run()`, `run_until_complete()` or `run_forever()` called while an event loop is"
            + " running in the same thread, from a coroutine or through the sync functions it"
            + " calls: it raises `RuntimeError` (\"cannot be called from a running event loop\").")
public final class RunInRunningLoop implements ProjectRule {
  static final String DIRECT =
      "%s in coroutine `%s` raises `RuntimeError`: the coroutine's event loop is already running;"
          + " `await` the work on it instead of starting another loop";
  static final String THROUGH_CALLS =
      "%s in %s raises `RuntimeError` when coroutine `%s` calls %s: its event loop is already"
          + " running; make the chain async and `await`, or run %s in a thread"
          + " (`asyncio.to_thread()`)";
  static final String CALLBACK =
      "%s runs as a callback of the running event loop, where %s in %s raises `RuntimeError`:"
          + " schedule the coroutine as a task instead";

  @Override
  public void checkProject(ProjectContext context) {
    Project project = context.project();
    if (appliesNestAsyncio(project)) {
      return;
    }
    RunningLoopCalls runs = RunningLoopCalls.of(project);
    for (SourceModule module : project.index().modules()) {
      FileContext file = context.file(module);
      for (CallSite site : project.callSites(module)) {
        if (site.asyncContext() && !Syntax.inCallbackLambda(site)) {
          checkCoroutineCall(context, file, runs, site);
        }
      }
    }
    for (FunctionInfo function : project.index().functions()) {
      RunningLoopCalls.Witness witness = runs.of(function);
      if (witness == null) {
        continue;
      }
      for (CallEdge edge : function.callers()) {
        if (edge.kind() == CallEdge.Kind.LOOP_CALLBACK) {
          String message =
              String.format(
                  CALLBACK,
                  Chains.quoted(function),
                  AsyncioApi.display(witness.run()),
                  Chains.quoted(witness.run().caller()));
          context
              .file(edge.caller().module())
              .report(this, edge.site().call().range(), message, related(context, witness), null);
        }
      }
    }
  }

  private void checkCoroutineCall(
      ProjectContext context, FileContext file, RunningLoopCalls runs, CallSite site) {
    String coroutine = Chains.name(site.caller());
    if (AsyncioApi.runsLoop(site)) {
      String message = String.format(DIRECT, AsyncioApi.display(site), coroutine);
      file.report(this, site.call().range(), message);
      return;
    }
    FunctionInfo callee = site.target().function();
    RunningLoopCalls.Witness witness = callee == null ? null : runs.of(callee);
    if (witness == null) {
      return;
    }
    String message =
        String.format(
            THROUGH_CALLS,
            AsyncioApi.display(witness.run()),
            Chains.quoted(witness.run().caller()),
            coroutine,
            Chains.quoted(callee),
            Chains.quoted(callee));
    file.report(this, site.call().range(), message, related(context, witness), null);
  }

  /** The calls from the function reached down to the call that starts a loop, then that call. */
  private static List<Related> related(ProjectContext context, RunningLoopCalls.Witness witness) {
    List<Related> related = new ArrayList<>(Chains.calls(context, witness.chain()));
    related.add(
        Chains.at(
            context,
            witness.run(),
            AsyncioApi.display(witness.run()) + " starts an event loop in this thread"));
    return related;
  }

  private static boolean appliesNestAsyncio(Project project) {
    for (SourceModule module : project.index().modules()) {
      for (CallSite site : project.callSites(module)) {
        if (AsyncioApi.NEST_ASYNCIO_APPLY.equals(site.target().qualifiedName())) {
          return true;
        }
      }
    }
    return false;
  }
}
