package dev.asynclint.rules.structured;

import dev.asynclint.lint.Edit;
import dev.asynclint.lint.FileContext;
import dev.asynclint.lint.Fix;
import dev.asynclint.lint.FixAvailability;
import dev.asynclint.lint.FunctionRule;
import dev.asynclint.lint.RuleInfo;
import dev.asynclint.lint.Severity;
import dev.asynclint.semantic.project.FunctionInfo;
import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.syntax.ast.NodeSearch;
import dev.asynclint.syntax.ast.Stmt;
import dev.asynclint.syntax.ast.WithItem;
import dev.asynclint.text.TextRange;
import java.util.List;

/**
 * ASY700: a timeout scope ({@code asyncio.timeout}, {@code asyncio.timeout_at}, trio's and anyio's
 * {@code move_on_*}/{@code fail_*}) in a coroutine whose body never hands control to the event
 * loop. Cancellation is delivered at an {@code await}; without one the deadline cannot interrupt
 * anything. A {@code yield} counts as a checkpoint (the consumer may await while the generator is
 * paused), and so does entering a later context manager of the same statement. A timeout bound with
 * {@code as} is left alone: the code works with the timeout object itself.
 */
@RuleInfo(
    code = "ASY700",
    name = "timeout-scope-without-await",
    severity = Severity.WARNING,
    fix = FixAvailability.SAFE,
    equivalents = {"ASYNC100"},
    summary =
        "A timeout scope (`asyncio.timeout()`, `trio.move_on_after()`...) whose body has no"
            + " `await`: cancellation only arrives at an await point, so the timeout can never"
            + " fire and the code it seems to protect runs unbounded.")
public final class TimeoutWithoutAwait implements FunctionRule {
  static final String MESSAGE =
      "`%s()` has no `await` in its body: the deadline can only cancel the block at an await"
          + " point, so it never fires; put the awaited operation inside it, or remove it";

  @Override
  public void checkFunction(FunctionInfo function, FileContext context) {
    if (!function.isAsync()) {
      return;
    }
    Scopes.forEachWith(
        function,
        with -> {
          List<WithItem> items = Scopes.items(with);
          // Entering the items after the timeout happens inside it, and `async with` may suspend.
          WithItem last = items.get(items.size() - 1);
          String name = Scopes.calledName(last.contextExpr(), function, context.resolver());
          // `as cm` is there to inspect or reschedule the timeout itself, not to rely on it.
          if (name == null
              || !Scopes.TIMEOUTS.contains(name)
              || last.optionalVars() != null
              || Scopes.hasCheckpoint(Scopes.body(with))) {
            return;
          }
          String shown = name.replace("asyncio.timeouts.", "asyncio.");
          context.report(
              this,
              last.contextExpr().range(),
              String.format(MESSAGE, shown),
              List.of(),
              items.size() == 1 ? unwrap(with, context) : null);
        });
  }

  /**
   * Replaces the statement with its body, one indentation level out. Offered only when nothing but
   * indentation changes: no {@code as} name, no comment on the header, no string spanning lines in
   * the body (its text would change), and body lines all indented alike.
   */
  private static Fix unwrap(Stmt with, FileContext context) {
    List<Stmt> body = Scopes.body(with);
    String source = context.module().source();
    if (spansLines(body, source)) {
      return null;
    }
    int start = with.range().start();
    int bodyStart = body.get(0).range().start();
    int headerLine = lineStart(source, start);
    String indent = source.substring(headerLine, start);
    if (!indent.isBlank()) {
      return null;
    }
    int firstBodyLine = lineStart(source, bodyStart);
    if (firstBodyLine == headerLine) {
      if (source.substring(start, bodyStart).contains("#")) {
        return null;
      }
      String inline = source.substring(bodyStart, with.range().end());
      return fix(new Edit(with.range(), inline));
    }
    if (source.substring(start, firstBodyLine).contains("#")) {
      return null;
    }
    String bodyIndent = source.substring(firstBodyLine, bodyStart);
    if (!bodyIndent.startsWith(indent)
        || bodyIndent.length() == indent.length()
        || !bodyIndent.isBlank()) {
      return null;
    }
    int end = lineEnd(source, with.range().end());
    StringBuilder dedented = new StringBuilder();
    for (String line : source.substring(firstBodyLine, end).split("\n", -1)) {
      if (dedented.length() > 0) {
        dedented.append('\n');
      }
      if (line.isBlank()) {
        dedented.append(line);
      } else if (line.startsWith(bodyIndent)) {
        dedented.append(indent).append(line, bodyIndent.length(), line.length());
      } else if (line.strip().startsWith("#")) {
        dedented.append(line);
      } else {
        return null;
      }
    }
    return fix(new Edit(new TextRange(headerLine, end), dedented.toString()));
  }

  private static Fix fix(Edit edit) {
    return new Fix("Remove the timeout that cannot fire", FixAvailability.SAFE, List.of(edit));
  }

  /** Whether a string literal in the statements runs over more than one line. */
  private static boolean spansLines(List<Stmt> body, String source) {
    return NodeSearch.any(
        body,
        node ->
            (node instanceof Expr.Constant || node instanceof Expr.JoinedStr)
                && source
                        .substring(((Expr) node).range().start(), ((Expr) node).range().end())
                        .indexOf('\n')
                    >= 0);
  }

  private static int lineStart(String source, int offset) {
    return source.lastIndexOf('\n', offset - 1) + 1;
  }

  private static int lineEnd(String source, int offset) {
    int newline = source.indexOf('\n', offset);
    int end = newline < 0 ? source.length() : newline;
    return end > 0 && source.charAt(end - 1) == '\r' ? end - 1 : end;
  }
}
