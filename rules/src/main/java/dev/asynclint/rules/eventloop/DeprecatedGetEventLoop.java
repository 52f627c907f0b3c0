package dev.asynclint.rules.eventloop;

import dev.asynclint.lint.ProjectContext;
import dev.asynclint.lint.ProjectRule;
import dev.asynclint.lint.RuleInfo;
import dev.asynclint.lint.Severity;
import dev.asynclint.semantic.project.CallSite;
import dev.asynclint.semantic.project.FunctionInfo;
import dev.asynclint.semantic.project.Project;
import dev.asynclint.semantic.project.SourceModule;
import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.syntax.ast.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * ASY105: {@code asyncio.get_event_loop()} in sync code that certainly runs where no loop runs (see
 * {@link LoopFreeContexts}). Calls that may follow an {@code asyncio.set_event_loop()} (see {@link
 * #mayHaveSetALoop}) and calls inside a {@code try} that catches the {@code RuntimeError} are left
 * alone. In async context the call is ASY104's.
 */
@RuleInfo(
    code = "ASY105",
    name = "deprecated-get-event-loop",
    severity = Severity.WARNING,
    summary =
        "`asyncio.get_event_loop()` where no event loop runs: it warns of deprecation since Python"
            + " 3.12, raises `RuntimeError` from 3.14, and always raises in threads other than the"
            + " main one.")
public final class DeprecatedGetEventLoop implements ProjectRule {
  static final String AT_IMPORT =
      "`asyncio.get_event_loop()` at import time, where no event loop runs: it is deprecated"
          + " there and raises `RuntimeError` from Python 3.14; call `asyncio.run()` at the entry"
          + " point, or create the loop with `asyncio.new_event_loop()`";
  static final String AT_STARTUP =
      "`asyncio.get_event_loop()` in %s, which runs before any event loop: it is deprecated there"
          + " and raises `RuntimeError` from Python 3.14; use `asyncio.run()` at the entry point,"
          + " or create the loop with `asyncio.new_event_loop()`";
  static final String IN_REQUEST =
      "`asyncio.get_event_loop()` in %s, which serves requests where no event loop runs: it"
          + " raises `RuntimeError` in worker threads (and is deprecated in a main thread); run one"
          + " loop in a background thread and submit coroutines with"
          + " `asyncio.run_coroutine_threadsafe()`";
  static final String IN_THREAD =
      "`asyncio.get_event_loop()` in %s, which runs in a worker thread without an event loop: it"
          + " raises `RuntimeError` there; pass the loop in, or create one with"
          + " `asyncio.new_event_loop()`";
  static final String WITHOUT_LOOP =
      "`asyncio.get_event_loop()` in %s, which only runs where no event loop runs: it is"
          + " deprecated there, raises `RuntimeError` in threads and from Python 3.14; pass the"
          + " loop in, or create one with `asyncio.new_event_loop()`";

  @Override
  public void checkProject(ProjectContext context) {
    Project project = context.project();
    List<CallSite> calls = new ArrayList<>();
    List<CallSite> sets = new ArrayList<>();
    for (SourceModule module : project.index().modules()) {
      for (CallSite site : project.callSites(module)) {
        if (AsyncioApi.calls(site, AsyncioApi.GET_EVENT_LOOP)
            && !site.asyncContext()
            && !Syntax.inCallbackLambda(site)) {
          calls.add(site);
        } else if (AsyncioApi.calls(site, AsyncioApi.SET_EVENT_LOOP) && setsALoop(site)) {
          sets.add(site);
        }
      }
    }
    if (calls.isEmpty()) {
      return;
    }
    LoopFreeContexts contexts =
        LoopFreeContexts.of(project, Handlers.of(project, context.resolver()));
    for (CallSite site : calls) {
      LoopFreeContexts.Kind kind = contexts.of(site.caller());
      if (kind == null || Syntax.catchesRuntimeError(site)) {
        continue;
      }
      if (mayHaveSetALoop(kind, site, sets)) {
        continue;
      }
      context.file(site.caller().module()).report(this, site.call().range(), message(kind, site));
    }
  }

  private static String message(LoopFreeContexts.Kind kind, CallSite site) {
    String function = Chains.quoted(site.caller());
    switch (kind) {
      case IMPORT:
        return AT_IMPORT;
      case STARTUP:
        return String.format(AT_STARTUP, function);
      case REQUEST:
        return String.format(IN_REQUEST, function);
      case WORKER_THREAD:
        return String.format(IN_THREAD, function);
      default:
        return String.format(WITHOUT_LOOP, function);
    }
  }

  /** {@code set_event_loop(None)} unsets the loop; any other argument sets one. */
  private static boolean setsALoop(CallSite site) {
    List<Expr> args = site.call().args();
    return args.isEmpty()
        || !(args.get(0) instanceof Expr.Constant
            && ((Expr.Constant) args.get(0)).value() == Singleton.NONE);
  }

  /**
   * Whether a loop may be set in the thread by the time the call runs: import-time code of the same
   * module sets one before it; or, for startup code (in the main thread), any import-time code
   * does; or any function does, in whatever thread.
   */
  private static boolean mayHaveSetALoop(
      LoopFreeContexts.Kind kind, CallSite site, List<CallSite> sets) {
    if (kind == LoopFreeContexts.Kind.IMPORT) {
      return setBefore(site, sets);
    }
    for (CallSite set : sets) {
      boolean mainThread =
          kind == LoopFreeContexts.Kind.STARTUP || kind == LoopFreeContexts.Kind.MIXED;
      if (!set.caller().isModuleBody() || mainThread) {
        return true;
      }
    }
    return false;
  }

  /** Whether import-time code of the same module sets a loop before the call. */
  private static boolean setBefore(CallSite site, List<CallSite> sets) {
    FunctionInfo body = site.caller();
    for (CallSite set : sets) {
      if (set.caller() == body && set.call().range().start() < site.call().range().start()) {
        return true;
      }
    }
    return false;
  }
}
