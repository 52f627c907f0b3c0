package dev.asynclint.rules.blocking;

import dev.asynclint.lint.FileContext;
import dev.asynclint.lint.FunctionRule;
import dev.asynclint.lint.RuleInfo;
import dev.asynclint.lint.Severity;
import dev.asynclint.rules.TestCode;
import dev.asynclint.semantic.project.FunctionInfo;
import dev.asynclint.syntax.ast.Node;
import dev.asynclint.syntax.ast.Stmt;
import dev.asynclint.text.TextRange;

/**
 * ASY211: a {@code while} loop in a coroutine that re-tests in-memory state (a flag, a container,
 * an event's {@code is_set()}) and does nothing between the tests but {@code await
 * asyncio.sleep(...)}. Loops that await or call anything else do work between sleeps (workers,
 * retries, heartbeats) and are left alone, as are conditions that ask the outside world (a process,
 * a file), which cannot notify a task. The finding sits on the {@code while} header.
 */
@RuleInfo(
    code = "ASY211",
    name = "busy-wait",
    severity = Severity.WARNING,
    equivalents = {"ASYNC110", "TRIO110", "S7484"},
    summary =
        "A coroutine polls a flag or other in-memory state in a `while` loop with `await"
            + " asyncio.sleep(...)`: it reacts late by up to one interval and wakes up for nothing"
            + " in between, where an `asyncio.Event` or `asyncio.Condition` wakes it exactly when"
            + " the state changes.")
public final class BusyWait implements FunctionRule {
  static final String MESSAGE =
      "`%s` busy-waits on `%s`, re-testing it after each `%s`: await an event (`%s.Event`, or"
          + " `%s.Condition`) set where the state changes";
  static final String MESSAGE_WITH_TIMEOUT =
      "`%s` busy-waits on `%s` until a timeout, re-testing it after each `%s`: set an event"
          + " (`%s.Event`) where the state changes and await %s";
  private static final String ASYNCIO_TIMED_WAIT = "`asyncio.wait_for(event.wait(), timeout)`";
  private static final String STRUCTURED_TIMED_WAIT =
      "`event.wait()` inside `with %s.fail_after(timeout)`";

  private static final int MAX_SNIPPET = 60;

  @Override
  public void checkFunction(FunctionInfo function, FileContext context) {
    // Tests poll for a condition on purpose: it is how they wait for the code under test.
    if (TestCode.isTest(function.module())) {
      return;
    }
    if (!function.isAsync()) {
      return;
    }
    BusyWaitSyntax.ScopeWalker walker =
        new BusyWaitSyntax.ScopeWalker() {
          @Override
          protected boolean enter(Node node) {
            if (node instanceof Stmt.While) {
              check((Stmt.While) node, function, context);
            }
            return super.enter(node);
          }
        };
    for (Stmt statement : function.body()) {
      walker.walk(statement);
    }
  }

  private void check(Stmt.While loop, FunctionInfo function, FileContext context) {
    BusyWaitLoop.Polling polling = BusyWaitLoop.analyse(loop, function, context.resolver());
    if (polling == null) {
      return;
    }
    String source = context.module().source();
    String name = displayName(function);
    String condition = snippet(source, polling.condition().range());
    String sleep = snippet(source, polling.sleep().range());
    String library = polling.library();
    String message;
    if (polling.timeout()) {
      String timedWait =
          library.equals("asyncio")
              ? ASYNCIO_TIMED_WAIT
              : String.format(STRUCTURED_TIMED_WAIT, library);
      message = String.format(MESSAGE_WITH_TIMEOUT, name, condition, sleep, library, timedWait);
    } else {
      message = String.format(MESSAGE, name, condition, sleep, library, library);
    }
    TextRange header = new TextRange(loop.range().start(), loop.test().range().end());
    context.report(this, header, message);
  }

  /** {@code worker} or {@code Cache.wait_ready}. */
  private static String displayName(FunctionInfo function) {
    if (function.owner() == null) {
      return function.name();
    }
    String owner = function.owner().qualifiedName();
    return owner.substring(owner.lastIndexOf('.') + 1) + "." + function.name();
  }

  /** The source of {@code range} on one line, shortened when long. */
  private static String snippet(String source, TextRange range) {
    String text = source.substring(range.start(), range.end()).replaceAll("\\s+", " ");
    return text.length() <= MAX_SNIPPET ? text : text.substring(0, MAX_SNIPPET - 3) + "...";
  }
}
