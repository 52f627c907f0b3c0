package dev.asynclint.rules.tasks;

import dev.asynclint.lint.CallRule;
import dev.asynclint.lint.FileContext;
import dev.asynclint.lint.Fix;
import dev.asynclint.lint.FixAvailability;
import dev.asynclint.lint.RuleInfo;
import dev.asynclint.lint.Severity;
import dev.asynclint.semantic.project.CallSite;
import dev.asynclint.syntax.ast.Located;
import dev.asynclint.syntax.ast.NodeFinder;
import dev.asynclint.syntax.ast.Stmt;
import java.util.List;
import java.util.Map;

/**
 * ASY301: a task scheduled with {@code asyncio.create_task}, {@code asyncio.ensure_future} or
 * {@code loop.create_task} in a bare expression statement, so that nothing holds the task. {@code
 * TaskGroup.create_task} is not reported: the group keeps a strong reference to every task it
 * creates and awaits them all when its block ends. The unsafe fix keeps the task in a module-level
 * set until it is done ({@link BackgroundTaskFix}).
 */
@RuleInfo(
    code = "ASY301",
    name = "dangling-task",
    severity = Severity.ERROR,
    fix = FixAvailability.UNSAFE,
    equivalents = {"RUF006"},
    summary =
        "A task created by `asyncio.create_task()`, `asyncio.ensure_future()` or"
            + " `loop.create_task()` whose result is discarded: the event loop keeps only a weak"
            + " reference to it, so it can be garbage-collected before it finishes, and an exception"
            + " it raises is never seen.")
public final class DanglingTask implements CallRule {
  static final String MESSAGE =
      "task created by `%s()` is discarded: the event loop keeps only a weak reference, so it can"
          + " be garbage-collected mid-flight and its exception is lost; keep a reference (add it"
          + " to a set and call `task.add_done_callback(tasks.discard)`) or use an"
          + " `asyncio.TaskGroup`";

  /** Scheduling calls by qualified name, with the spelling the message uses. */
  static final Map<String, String> SCHEDULERS =
      Map.ofEntries(
          Map.entry("asyncio.create_task", "asyncio.create_task"),
          Map.entry("asyncio.tasks.create_task", "asyncio.create_task"),
          Map.entry("asyncio.ensure_future", "asyncio.ensure_future"),
          Map.entry("asyncio.tasks.ensure_future", "asyncio.ensure_future"),
          Map.entry("asyncio.AbstractEventLoop.create_task", "loop.create_task"),
          Map.entry("asyncio.events.AbstractEventLoop.create_task", "loop.create_task"),
          Map.entry("asyncio.base_events.BaseEventLoop.create_task", "loop.create_task"));

  @Override
  public void checkCall(CallSite site, FileContext context) {
    String name = site.target().qualifiedName();
    String spelling = name == null ? null : SCHEDULERS.get(name);
    if (spelling == null) {
      return;
    }
    List<Located> ancestors = NodeFinder.ancestors(site.caller().module().tree(), site.call());
    Located parent = ancestors.isEmpty() ? null : ancestors.get(ancestors.size() - 1);
    if (!(parent instanceof Stmt.ExprStatement)
        || ((Stmt.ExprStatement) parent).value() != site.call()
        || TaskSyntax.expectsRaise(ancestors)) {
      return;
    }
    Fix fix =
        BackgroundTaskFix.of(
            site.caller(), (Stmt.ExprStatement) parent, context.settings().targetVersion());
    context.report(this, site.call().range(), String.format(MESSAGE, spelling), List.of(), fix);
  }
}
