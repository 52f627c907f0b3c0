package dev.asynclint.rules.eventloop;

import dev.asynclint.lint.CallRule;
import dev.asynclint.lint.FileContext;
import dev.asynclint.lint.RuleInfo;
import dev.asynclint.lint.Severity;
import dev.asynclint.semantic.project.CallSite;
import dev.asynclint.semantic.project.Project;
import dev.asynclint.semantic.project.Resolver;
import dev.asynclint.semantic.project.SourceModule;
import dev.asynclint.semantic.scope.Binding;
import dev.asynclint.semantic.scope.NameLookup;
import dev.asynclint.syntax.ast.Expr;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * ASY102: a loop from {@code asyncio.new_event_loop()}, held in a local variable or used at once,
 * that is not closed on every path. Loops kept beyond the call (stored on {@code self}, in a
 * global, returned, passed on, captured by a nested function) are left alone: someone else may
 * close them.
 */
@RuleInfo(
    code = "ASY102",
    name = "loop-not-closed",
    severity = Severity.WARNING,
    summary =
        "An event loop from `asyncio.new_event_loop()` is not closed on every path: its selector,"
            + " self-pipe and default executor leak until the garbage collector finds the loop, with"
            + " a `ResourceWarning` about an unclosed event loop.")
public final class LoopNotClosed implements CallRule {
  static final String NEVER_CLOSED =
      "The event loop in `%s` is never closed: close it in a `finally` block, or let"
          + " `asyncio.run()` create and close the loop";
  static final String NOT_ALWAYS_CLOSED =
      "`%s.close()` does not run on every path (an exception skips it): close the loop in a"
          + " `finally` block, or let `asyncio.run()` create and close the loop";
  static final String DROPPED =
      "The event loop created here is used once and never closed: keep it in a variable and close"
          + " it in a `finally` block, or use `asyncio.run()`";

  private static final Set<String> CURRENT_LOOP =
      Set.of(
          "asyncio.get_event_loop",
          "asyncio.events.get_event_loop",
          "asyncio.get_running_loop",
          "asyncio.events.get_running_loop");

  /** Per project: whether some code closes the thread's current loop, whoever set it. */
  private final Map<Project, Boolean> closesCurrentLoop =
      Collections.synchronizedMap(new WeakHashMap<>());

  @Override
  public void checkCall(CallSite site, FileContext context) {
    if (!AsyncioApi.calls(site, AsyncioApi.NEW_EVENT_LOOP)
        || site.caller().isModuleBody()
        || Syntax.inCallbackLambda(site)) {
      return;
    }
    CreatedLoop loop = CreatedLoop.of(site, context.resolver());
    if (loop.holder() == CreatedLoop.Holder.CHAINED) {
      context.report(this, site.call().range(), DROPPED);
      return;
    }
    if (loop.holder() != CreatedLoop.Holder.LOCAL) {
      return;
    }
    CreatedLoop.Uses uses = loop.uses(context.resolver());
    if (uses.reassigned() || uses.escapes() || uses.closedInCleanup()) {
      return;
    }
    if (uses.setCurrent() && closesCurrentLoop(context)) {
      return;
    }
    String message = uses.closed() ? NOT_ALWAYS_CLOSED : NEVER_CLOSED;
    context.report(this, site.call().range(), String.format(message, loop.name()));
  }

  private boolean closesCurrentLoop(FileContext context) {
    Project project = context.project();
    Boolean known = closesCurrentLoop.get(project);
    if (known == null) {
      known = findsCurrentLoopClosed(project, context.resolver());
      closesCurrentLoop.put(project, known);
    }
    return known;
  }

  /** Whether a call such as {@code asyncio.get_event_loop().close()} appears in the project. */
  private static boolean findsCurrentLoopClosed(Project project, Resolver resolver) {
    for (SourceModule module : project.index().modules()) {
      for (CallSite site : project.callSites(module)) {
        if (AsyncioApi.calls(site, AsyncioApi.CLOSE)
            && site.call().func() instanceof Expr.Attribute
            && isCurrentLoop(site, ((Expr.Attribute) site.call().func()).value(), resolver)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isCurrentLoop(CallSite site, Expr receiver, Resolver resolver) {
    if (receiver instanceof Expr.Call) {
      String callee = resolver.qualifiedName(site.place(), ((Expr.Call) receiver).func());
      return callee != null && CURRENT_LOOP.contains(callee);
    }
    if (!(receiver instanceof Expr.Name)) {
      return false;
    }
    NameLookup lookup = site.place().lookup(((Expr.Name) receiver).id());
    for (Binding binding : lookup.bindings()) {
      if (binding.value() instanceof Expr.Call && isCurrentLoop(site, binding.value(), resolver)) {
        return true;
      }
    }
    return false;
  }
}
