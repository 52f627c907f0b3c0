package dev.asynclint.rules.cancellation;

import dev.asynclint.lint.FileContext;
import dev.asynclint.lint.FunctionRule;
import dev.asynclint.lint.Related;
import dev.asynclint.lint.RuleInfo;
import dev.asynclint.lint.Severity;
import dev.asynclint.rules.TestCode;
import dev.asynclint.semantic.project.FunctionInfo;
import dev.asynclint.syntax.ast.ExceptHandler;
import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.syntax.ast.MatchCase;
import dev.asynclint.syntax.ast.NodeSearch;
import dev.asynclint.syntax.ast.Stmt;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * ASY401: a resource acquired by a statement of a coroutine and released by a later statement of
 * the same block, with an await point in between and no {@code try} around them whose {@code
 * finally} or handlers release it too. Acquisition is {@code x = [await] call(...)} (or a tuple
 * target, {@code reader, writer = await open_connection()}) released by {@code [await]
 * x.close()}/{@code aclose()}/{@code release()}/{@code disconnect()}/{@code shutdown()} or {@code
 * [await] pool.release(x)}, and {@code [await] lock.acquire()} released by {@code lock.release()}.
 * The explicit release shows that the code means to clean the resource up; the rule only checks
 * that cancellation at the await cannot skip it. Silent when the resource is rebound or released
 * (on some path) between the two statements, and in test modules, where a test that fails leaks its
 * fixtures on purpose-built objects and unit tests of locks acquire and release them by hand.
 */
@RuleInfo(
    code = "ASY401",
    name = "cleanup-not-cancellation-safe",
    severity = Severity.WARNING,
    summary =
        "A coroutine that acquires a resource (a lock, a session, a connection, a file), awaits,"
            + " then releases it with a plain statement: when the task is cancelled (or the await"
            + " raises) at the await, the release is skipped and the resource leaks or the lock"
            + " stays held forever.")
public final class CleanupNotCancellationSafe implements FunctionRule {
  static final String MESSAGE =
      "`%s` is released by `%s` further down, but an `await` in between can be cancelled (or"
          + " raise) and skip the release: acquire it with `async with`, or release it in a"
          + " `finally`";
  static final String RELATED = "released here only if nothing in between raises";

  private static final Set<String> RELEASES =
      Set.of("close", "aclose", "release", "disconnect", "shutdown");

  /**
   * What a statement acquires: the holders as written ({@code session}, {@code self._lock}), and
   * whether it is a lock's {@code acquire()}, which only {@code release()} undoes.
   */
  private record Acquisition(Stmt statement, List<String> holders, boolean lock) {}

  @Override
  public void checkFunction(FunctionInfo function, FileContext context) {
    if (function.isAsync() && !TestCode.isTest(function.module())) {
      block(function.body(), new ArrayList<>(), context);
    }
  }

  /**
   * Checks a block, then the blocks nested in it. {@code protecting} holds the handler and {@code
   * finally} bodies of the {@code try} statements whose protected part encloses the block.
   */
  private void block(List<Stmt> statements, List<List<Stmt>> protecting, FileContext context) {
    for (int i = 0; i < statements.size(); i++) {
      Acquisition acquisition = acquisition(statements.get(i), context);
      if (acquisition != null) {
        check(acquisition, statements, i, protecting, context);
      }
    }
    for (Stmt statement : statements) {
      nested(statement, protecting, context);
    }
  }

  private void nested(Stmt statement, List<List<Stmt>> protecting, FileContext context) {
    if (statement instanceof Stmt.If) {
      block(((Stmt.If) statement).body(), protecting, context);
      block(((Stmt.If) statement).orElse(), protecting, context);
    } else if (statement instanceof Stmt.For) {
      block(((Stmt.For) statement).body(), protecting, context);
      block(((Stmt.For) statement).orElse(), protecting, context);
    } else if (statement instanceof Stmt.AsyncFor) {
      block(((Stmt.AsyncFor) statement).body(), protecting, context);
      block(((Stmt.AsyncFor) statement).orElse(), protecting, context);
    } else if (statement instanceof Stmt.While) {
      block(((Stmt.While) statement).body(), protecting, context);
      block(((Stmt.While) statement).orElse(), protecting, context);
    } else if (statement instanceof Stmt.With) {
      block(((Stmt.With) statement).body(), protecting, context);
    } else if (statement instanceof Stmt.AsyncWith) {
      block(((Stmt.AsyncWith) statement).body(), protecting, context);
    } else if (statement instanceof Stmt.Match) {
      for (MatchCase matchCase : ((Stmt.Match) statement).cases()) {
        block(matchCase.body(), protecting, context);
      }
    } else if (statement instanceof Stmt.Try) {
      Stmt.Try attempt = (Stmt.Try) statement;
      tryBlocks(
          attempt.body(),
          attempt.handlers(),
          attempt.orElse(),
          attempt.finalBody(),
          protecting,
          context);
    } else if (statement instanceof Stmt.TryStar) {
      Stmt.TryStar attempt = (Stmt.TryStar) statement;
      tryBlocks(
          attempt.body(),
          attempt.handlers(),
          attempt.orElse(),
          attempt.finalBody(),
          protecting,
          context);
    }
  }

  private void tryBlocks(
      List<Stmt> body,
      List<ExceptHandler> handlers,
      List<Stmt> orElse,
      List<Stmt> finalBody,
      List<List<Stmt>> protecting,
      FileContext context) {
    List<List<Stmt>> inBody = new ArrayList<>(protecting);
    for (ExceptHandler handler : handlers) {
      inBody.add(handler.body());
    }
    inBody.add(finalBody);
    block(body, inBody, context);
    List<List<Stmt>> inRest = new ArrayList<>(protecting);
    inRest.add(finalBody);
    block(orElse, inRest, context);
    for (ExceptHandler handler : handlers) {
      block(handler.body(), inRest, context);
    }
    block(finalBody, protecting, context);
  }

  private void check(
      Acquisition acquisition,
      List<Stmt> statements,
      int index,
      List<List<Stmt>> protecting,
      FileContext context) {
    boolean suspends = false;
    for (int j = index + 1; j < statements.size(); j++) {
      Stmt statement = statements.get(j);
      String holder = releasedBy(statement, acquisition, context);
      if (holder != null) {
        if (suspends && !releasedIn(protecting, acquisition, context)) {
          report(acquisition, holder, statement, context);
        }
        return;
      }
      if (rebinds(statement, acquisition, context)
          || releasesSomewhere(statement, acquisition, context)) {
        return;
      }
      suspends |= SuspensionPoints.any(List.of(statement));
    }
  }

  private void report(Acquisition acquisition, String holder, Stmt release, FileContext context) {
    String source = context.module().source();
    String call =
        source
            .substring(release.range().start(), release.range().end())
            .replaceAll("\\s+", " ")
            .replaceFirst("^await ", "");
    Stmt statement = acquisition.statement();
    context.report(
        this,
        statement.range(),
        String.format(MESSAGE, holder, call),
        List.of(new Related(context.displayPath(), source, release.range(), RELATED)),
        null);
  }

  /** The acquisition a statement makes, or null. */
  private static Acquisition acquisition(Stmt statement, FileContext context) {
    if (statement instanceof Stmt.ExprStatement) {
      Expr.Call call = awaitedOrPlainCall(((Stmt.ExprStatement) statement).value());
      if (call != null
          && call.func() instanceof Expr.Attribute
          && ((Expr.Attribute) call.func()).attr().equals("acquire")) {
        String holder = holderText(((Expr.Attribute) call.func()).value(), context);
        return holder == null ? null : new Acquisition(statement, List.of(holder), true);
      }
      return null;
    }
    if (!(statement instanceof Stmt.Assign)) {
      return null;
    }
    Stmt.Assign assign = (Stmt.Assign) statement;
    if (assign.targets().size() != 1 || awaitedOrPlainCall(assign.value()) == null) {
      return null;
    }
    Expr target = assign.targets().get(0);
    List<String> holders = new ArrayList<>();
    List<Expr> parts =
        target instanceof Expr.Tuple ? ((Expr.Tuple) target).elts() : List.of(target);
    for (Expr part : parts) {
      String holder = holderText(part, context);
      if (holder != null) {
        holders.add(holder);
      }
    }
    return holders.isEmpty() ? null : new Acquisition(statement, holders, false);
  }

  /** The holder a release statement frees ({@code x.close()}, {@code pool.release(x)}), or null. */
  private static String releasedBy(Stmt statement, Acquisition acquisition, FileContext context) {
    if (!(statement instanceof Stmt.ExprStatement)) {
      return null;
    }
    Expr.Call call = awaitedOrPlainCall(((Stmt.ExprStatement) statement).value());
    return call == null ? null : releasedHolder(call, acquisition, context);
  }

  private static String releasedHolder(
      Expr.Call call, Acquisition acquisition, FileContext context) {
    if (!(call.func() instanceof Expr.Attribute)) {
      return null;
    }
    Expr.Attribute method = (Expr.Attribute) call.func();
    String receiver = holderText(method.value(), context);
    if (acquisition.lock()) {
      return method.attr().equals("release") && acquisition.holders().contains(receiver)
          ? receiver
          : null;
    }
    if (!RELEASES.contains(method.attr())) {
      return null;
    }
    if (acquisition.holders().contains(receiver)) {
      return receiver;
    }
    if (method.attr().equals("release") && call.args().size() == 1) {
      String argument = holderText(call.args().get(0), context);
      return acquisition.holders().contains(argument) ? argument : null;
    }
    return null;
  }

  /** Whether a release of the holder happens anywhere in these blocks. */
  private static boolean releasedIn(
      List<List<Stmt>> blocks, Acquisition acquisition, FileContext context) {
    for (List<Stmt> block : blocks) {
      if (releases(block, acquisition, context)) {
        return true;
      }
    }
    return false;
  }

  private static boolean releasesSomewhere(
      Stmt statement, Acquisition acquisition, FileContext context) {
    return releases(List.of(statement), acquisition, context);
  }

  private static boolean releases(List<Stmt> block, Acquisition acquisition, FileContext context) {
    return NodeSearch.anyInScope(
        block,
        node ->
            node instanceof Expr.Call
                && releasedHolder((Expr.Call) node, acquisition, context) != null);
  }

  private static boolean rebinds(Stmt statement, Acquisition acquisition, FileContext context) {
    if (acquisition.lock()) {
      return false;
    }
    return NodeSearch.anyInScope(
        List.of(statement),
        node ->
            node instanceof Stmt.Assign
                && ((Stmt.Assign) node)
                    .targets().stream()
                        .anyMatch(
                            target -> acquisition.holders().contains(holderText(target, context))));
  }

  private static Expr.Call awaitedOrPlainCall(Expr value) {
    Expr inner = value instanceof Expr.Await ? ((Expr.Await) value).value() : value;
    return inner instanceof Expr.Call ? (Expr.Call) inner : null;
  }

  /** {@code name} or {@code self._name}: a variable or attribute chain, as written; else null. */
  private static String holderText(Expr expr, FileContext context) {
    Expr cursor = expr;
    while (cursor instanceof Expr.Attribute) {
      cursor = ((Expr.Attribute) cursor).value();
    }
    if (!(cursor instanceof Expr.Name)) {
      return null;
    }
    return context.module().source().substring(expr.range().start(), expr.range().end());
  }
}
