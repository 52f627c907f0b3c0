package dev.asynclint.rules.eventloop;

import dev.asynclint.semantic.project.CallEdge;
import dev.asynclint.semantic.project.CallPath;
import dev.asynclint.semantic.project.CallSite;
import dev.asynclint.semantic.project.FunctionInfo;
import dev.asynclint.semantic.project.Project;
import dev.asynclint.semantic.project.SourceModule;
import dev.asynclint.semantic.project.Summaries;
import dev.asynclint.semantic.project.SummaryAnalysis;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which sync functions start an event loop in the calling thread ({@code asyncio.run}, {@code
 * run_until_complete}, {@code run_forever}), directly or through the sync functions they call, with
 * the shortest chain of calls as a witness. A function that first asks whether a loop is running
 * ({@code get_running_loop()}, {@code loop.is_running()}), or that catches the {@code RuntimeError}
 * around the call, is taken to handle the running-loop case and starts nothing.
 */
final class RunningLoopCalls {
  /** A call that starts a loop, reached from a function through {@code chain}. */
  record Witness(CallSite run, CallPath path) {
    /** The calls from the function the witness is for to the one holding {@code run}. */
    List<CallEdge> chain() {
      return path.edges();
    }
  }

  private final Summaries<Witness> summaries;

  private RunningLoopCalls(Summaries<Witness> summaries) {
    this.summaries = summaries;
  }

  static RunningLoopCalls of(Project project) {
    int size = project.index().functions().size();
    boolean[] guarded = new boolean[size];
    CallSite[] runs = new CallSite[size];
    for (SourceModule module : project.index().modules()) {
      for (CallSite site : project.callSites(module)) {
        int caller = site.caller().id();
        if (AsyncioApi.calls(site, AsyncioApi.RUNNING_LOOP_CHECKS)) {
          guarded[caller] = true;
        } else if (runs[caller] == null
            && AsyncioApi.runsLoop(site)
            && !Syntax.inCallbackLambda(site)
            && !Syntax.catchesRuntimeError(site)) {
          runs[caller] = site;
        }
      }
    }
    // Asked once per edge: the fixpoint may transfer along an edge many times.
    Map<CallSite, Boolean> excluded = new IdentityHashMap<>();
    SummaryAnalysis<Witness> analysis =
        new SummaryAnalysis<>() {
          @Override
          public Witness initial(FunctionInfo function) {
            if (function.isAsync() || function.isModuleBody() || guarded[function.id()]) {
              return null;
            }
            CallSite run = runs[function.id()];
            return run == null ? null : new Witness(run, CallPath.empty());
          }

          @Override
          public Witness transfer(CallEdge edge, Witness callee) {
            FunctionInfo caller = edge.caller();
            if (edge.kind() != CallEdge.Kind.CALL
                || caller.isAsync()
                || caller.isModuleBody()
                || guarded[caller.id()]
                || excluded.computeIfAbsent(
                    edge.site(),
                    site -> Syntax.inCallbackLambda(site) || Syntax.catchesRuntimeError(site))) {
              return null;
            }
            return new Witness(callee.run(), callee.path().through(edge));
          }

          @Override
          public Witness join(Witness current, Witness contribution) {
            return contribution.path().length() < current.path().length() ? contribution : current;
          }
        };
    return new RunningLoopCalls(Summaries.compute(project, analysis));
  }

  /** How {@code function} starts a loop; null when it does not (or is async). */
  Witness of(FunctionInfo function) {
    return summaries.of(function);
  }
}
