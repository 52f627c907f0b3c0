package dev.asynclint.rules.cancellation;

import dev.asynclint.lint.FileContext;
import dev.asynclint.lint.FunctionRule;
import dev.asynclint.lint.RuleInfo;
import dev.asynclint.lint.Severity;
import dev.asynclint.semantic.project.FunctionInfo;
import dev.asynclint.semantic.project.Place;
import dev.asynclint.syntax.ast.BinaryOperator;
import dev.asynclint.syntax.ast.CompareOperator;
import dev.asynclint.syntax.ast.ExceptHandler;
import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.syntax.ast.Keyword;
import dev.asynclint.syntax.ast.Located;
import dev.asynclint.syntax.ast.MatchCase;
import dev.asynclint.syntax.ast.Node;
import dev.asynclint.syntax.ast.NodeSearch;
import dev.asynclint.syntax.ast.Stmt;
import dev.asynclint.syntax.ast.Walker;
import dev.asynclint.syntax.ast.WithItem;
import dev.asynclint.text.TextRange;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * ASY400: an {@code except} clause of a coroutine that catches the task's cancellation ({@code
 * asyncio.CancelledError}, {@code BaseException} or a bare {@code except:}, {@code except*} too)
 * and can complete without re-raising: a path of the handler falls off its end or leaves it with
 * {@code return}, {@code break} or {@code continue}. Any {@code raise} ends a path (re-raising, or
 * converting the cancellation into another exception, which still stops the task), as do {@code
 * sys.exit()} and {@code os._exit()}. Silent for a {@code try} whose body has no await point (the
 * task cannot be cancelled there), for handlers that call {@code uncancel()} or hand the bound
 * exception on (store, return, {@code set_exception}), for a cancellation re-raised later, for the
 * cancel-then-await idiom ({@code task.cancel()} then {@code try: await task}), and for a broad
 * handler that follows one for {@code CancelledError} in the same {@code try}.
 */
@RuleInfo(
    code = "ASY400",
    name = "swallowed-cancellation",
    severity = Severity.ERROR,
    equivalents = {"ASYNC103", "ASYNC104", "TRIO103", "TRIO104", "S7497"},
    summary =
        "A coroutine's `except asyncio.CancelledError`, `except BaseException` or bare `except:`"
            + " whose handler can finish without re-raising: the cancellation is swallowed, the"
            + " task keeps running after `task.cancel()`, and `asyncio.timeout()`, `wait_for()`"
            + " and `TaskGroup` that cancelled it wait in vain or misreport the outcome.")
public final class SwallowedCancellation implements FunctionRule {
  static final String MESSAGE =
      "%s catches the task's cancellation and can %s without re-raising it, so the task keeps"
          + " running: re-raise it with a bare `raise` after cleanup, or use `finally`";

  private static final Set<String> CANCELLED =
      Set.of("asyncio.CancelledError", "asyncio.exceptions.CancelledError");
  private static final String BASE_EXCEPTION = "builtins.BaseException";
  private static final Set<String> EXITS = Set.of("sys.exit", "os._exit", "os.abort");

  /** How control can leave a statement or a block. */
  private enum Exit {
    NORMAL,
    RETURN,
    BREAK,
    CONTINUE
  }

  @Override
  public void checkFunction(FunctionInfo function, FileContext context) {
    if (!function.isAsync()) {
      return;
    }
    Walker walker =
        new Walker() {
          @Override
          protected boolean enter(Node node) {
            if (node instanceof Located && NodeSearch.opensScope((Located) node)) {
              return false;
            }
            if (node instanceof Stmt.Try) {
              Stmt.Try statement = (Stmt.Try) node;
              checkTry(statement, statement.body(), statement.handlers(), false, function, context);
            } else if (node instanceof Stmt.TryStar) {
              Stmt.TryStar statement = (Stmt.TryStar) node;
              checkTry(statement, statement.body(), statement.handlers(), true, function, context);
            }
            return true;
          }
        };
    for (Stmt statement : function.body()) {
      walker.walk(statement);
    }
  }

  private void checkTry(
      Stmt statement,
      List<Stmt> body,
      List<ExceptHandler> handlers,
      boolean star,
      FunctionInfo function,
      FileContext context) {
    if (!hasAwaitPoint(body) || shielded(body)) {
      return;
    }
    boolean cancelledHandled = false;
    for (ExceptHandler handler : handlers) {
      String caught = caught(handler, function, context);
      if (caught == null) {
        continue;
      }
      boolean explicit = !caught.startsWith("bare") && !caught.contains("BaseException");
      if (!explicit && cancelledHandled) {
        continue;
      }
      cancelledHandled |= explicit;
      Set<Exit> exits = flow(handler.body(), function, context);
      if (exits.isEmpty()
          || callsUncancel(handler.body())
          || handsOn(handler, function, context)
          || raisesCancelledAfter(function, handler.range().end(), context)
          || awaitsCancelledTask(statement, body, function, context)) {
        continue;
      }
      String spelling =
          caught.startsWith("bare")
              ? (star ? "a bare `except*:`" : "a bare `except:`")
              : "`" + (star ? "except* " : "except ") + caught + "`";
      String how =
          exits.contains(Exit.NORMAL)
              ? "complete"
              : exits.contains(Exit.RETURN)
                  ? "`return`"
                  : exits.contains(Exit.BREAK) ? "`break`" : "`continue`";
      int start = handler.range().start();
      context.report(
          this,
          new TextRange(start, start + "except".length()),
          String.format(MESSAGE, spelling, how));
    }
  }

  /**
   * What the handler catches that includes cancellation, as the source spells it ({@code
   * asyncio.CancelledError}, {@code BaseException}), {@code bare} for a bare {@code except:}, or
   * null.
   */
  private static String caught(ExceptHandler handler, FunctionInfo function, FileContext context) {
    Expr type = handler.type();
    if (type == null) {
      return "bare";
    }
    List<Expr> types = type instanceof Expr.Tuple ? ((Expr.Tuple) type).elts() : List.of(type);
    String broad = null;
    for (Expr element : types) {
      String name = qualifiedName(element, function, context);
      if (name == null) {
        continue;
      }
      String text = text(element, context);
      if (CANCELLED.contains(name)) {
        return text;
      }
      if (name.equals(BASE_EXCEPTION)) {
        broad = text;
      }
    }
    return broad;
  }

  private static String qualifiedName(Expr expr, FunctionInfo function, FileContext context) {
    return context
        .resolver()
        .qualifiedName(
            new Place(function.module(), function.scope(), expr.range().start(), null), expr);
  }

  private static String text(Expr expr, FileContext context) {
    return context
        .module()
        .source()
        .substring(expr.range().start(), expr.range().end())
        .replaceAll("\\s+", " ");
  }

  /**
   * How control can leave {@code block}: falling off its end, or by {@code return}, {@code break}
   * or {@code continue} that leave it; an empty set when every path raises or exits the process.
   */
  private static Set<Exit> flow(List<Stmt> block, FunctionInfo function, FileContext context) {
    Set<Exit> exits = EnumSet.noneOf(Exit.class);
    for (Stmt statement : block) {
      Set<Exit> next = flow(statement, function, context);
      exits.addAll(next);
      exits.remove(Exit.NORMAL);
      if (!next.contains(Exit.NORMAL)) {
        return exits;
      }
    }
    exits.add(Exit.NORMAL);
    return exits;
  }

  private static Set<Exit> flow(Stmt statement, FunctionInfo function, FileContext context) {
    if (statement instanceof Stmt.Raise) {
      return EnumSet.noneOf(Exit.class);
    }
    if (statement instanceof Stmt.Return) {
      return EnumSet.of(Exit.RETURN);
    }
    if (statement instanceof Stmt.Break) {
      return EnumSet.of(Exit.BREAK);
    }
    if (statement instanceof Stmt.Continue) {
      return EnumSet.of(Exit.CONTINUE);
    }
    if (statement instanceof Stmt.ExprStatement) {
      Expr value = ((Stmt.ExprStatement) statement).value();
      if (value instanceof Expr.Call) {
        String name = qualifiedName(((Expr.Call) value).func(), function, context);
        if (name != null && EXITS.contains(name)) {
          return EnumSet.noneOf(Exit.class);
        }
      }
      if (value instanceof Expr.BinOp
          && ((Expr.BinOp) value).op() == BinaryOperator.DIV
          && isConstant(((Expr.BinOp) value).right(), 0)) {
        // `1 / 0`: tests raise ZeroDivisionError on purpose
        return EnumSet.noneOf(Exit.class);
      }
      return EnumSet.of(Exit.NORMAL);
    }
    if (statement instanceof Stmt.Assert) {
      Expr test = ((Stmt.Assert) statement).test();
      return isConstant(test, Boolean.FALSE) ? EnumSet.noneOf(Exit.class) : EnumSet.of(Exit.NORMAL);
    }
    if (statement instanceof Stmt.If) {
      Stmt.If branch = (Stmt.If) statement;
      if (isConstant(branch.test(), Boolean.TRUE)) {
        return flow(branch.body(), function, context);
      }
      Set<Exit> exits = flow(branch.body(), function, context);
      exits.addAll(flow(branch.orElse(), function, context));
      return exits;
    }
    if (statement instanceof Stmt.While) {
      Stmt.While loop = (Stmt.While) statement;
      Set<Exit> body = flow(loop.body(), function, context);
      Set<Exit> exits = EnumSet.noneOf(Exit.class);
      if (body.contains(Exit.RETURN)) {
        exits.add(Exit.RETURN);
      }
      if (isConstant(loop.test(), Boolean.TRUE)) {
        if (body.contains(Exit.BREAK)) {
          exits.add(Exit.NORMAL);
        }
        return exits;
      }
      exits.add(Exit.NORMAL);
      return exits;
    }
    if (statement instanceof Stmt.For || statement instanceof Stmt.AsyncFor) {
      List<Stmt> body =
          statement instanceof Stmt.For
              ? ((Stmt.For) statement).body()
              : ((Stmt.AsyncFor) statement).body();
      Set<Exit> exits = EnumSet.of(Exit.NORMAL);
      if (flow(body, function, context).contains(Exit.RETURN)) {
        exits.add(Exit.RETURN);
      }
      return exits;
    }
    if (statement instanceof Stmt.With) {
      return flow(((Stmt.With) statement).body(), function, context);
    }
    if (statement instanceof Stmt.AsyncWith) {
      return flow(((Stmt.AsyncWith) statement).body(), function, context);
    }
    if (statement instanceof Stmt.Try) {
      Stmt.Try attempt = (Stmt.Try) statement;
      return flowTry(
          attempt.body(),
          attempt.handlers(),
          attempt.orElse(),
          attempt.finalBody(),
          function,
          context);
    }
    if (statement instanceof Stmt.TryStar) {
      Stmt.TryStar attempt = (Stmt.TryStar) statement;
      return flowTry(
          attempt.body(),
          attempt.handlers(),
          attempt.orElse(),
          attempt.finalBody(),
          function,
          context);
    }
    if (statement instanceof Stmt.Match) {
      Set<Exit> exits = EnumSet.of(Exit.NORMAL);
      for (MatchCase matchCase : ((Stmt.Match) statement).cases()) {
        exits.addAll(flow(matchCase.body(), function, context));
      }
      return exits;
    }
    return EnumSet.of(Exit.NORMAL);
  }

  private static Set<Exit> flowTry(
      List<Stmt> body,
      List<ExceptHandler> handlers,
      List<Stmt> orElse,
      List<Stmt> finalBody,
      FunctionInfo function,
      FileContext context) {
    Set<Exit> exits = flow(body, function, context);
    if (exits.remove(Exit.NORMAL)) {
      exits.addAll(flow(orElse, function, context));
    }
    for (ExceptHandler handler : handlers) {
      exits.addAll(flow(handler.body(), function, context));
    }
    Set<Exit> cleanup = flow(finalBody, function, context);
    if (!cleanup.contains(Exit.NORMAL)) {
      return cleanup;
    }
    cleanup.remove(Exit.NORMAL);
    exits.addAll(cleanup);
    return exits;
  }

  private static boolean isConstant(Expr expr, int value) {
    return expr instanceof Expr.Constant
        && ((Expr.Constant) expr).value() instanceof Long
        && (Long) ((Expr.Constant) expr).value() == value;
  }

  private static boolean isConstant(Expr expr, Boolean value) {
    if (!(expr instanceof Expr.Constant)) {
      return false;
    }
    Object constant = ((Expr.Constant) expr).value();
    return value.equals(constant)
        || value && constant instanceof Number && ((Number) constant).longValue() != 0;
  }

  /** Whether the block has an {@code await}, {@code async for} or {@code async with} of its own. */
  private static boolean hasAwaitPoint(List<Stmt> block) {
    return NodeSearch.anyInScope(
        block,
        node ->
            node instanceof Expr.Await
                || node instanceof Stmt.AsyncFor
                || node instanceof Stmt.AsyncWith);
  }

  /** Method calls that hand an exception on to someone who will raise or report it. */
  private static final Set<String> HAND_ON =
      Set.of("set_exception", "append", "add", "put", "put_nowait", "throw", "athrow");

  /**
   * Whether the handler hands the caught exception on rather than dropping it: it stores the bound
   * exception ({@code self._error = exc}, {@code errors[i] = exc}), returns it, passes it to {@code
   * fut.set_exception()} or a container, compares its identity ({@code exc is value}), or captures
   * {@code sys.exc_info()}/{@code sys.exception()}. Whoever receives it decides what happens to the
   * cancellation (asyncio's own internals forward it to a waiting future this way).
   */
  private static boolean handsOn(
      ExceptHandler handler, FunctionInfo function, FileContext context) {
    String name = handler.name();
    boolean[] found = {false};
    Walker walker =
        new Walker() {
          @Override
          protected boolean enter(Node node) {
            if (found[0] || node instanceof Located && NodeSearch.opensScope((Located) node)) {
              return false;
            }
            if (node instanceof Expr.Call) {
              Expr.Call call = (Expr.Call) node;
              String callee = qualifiedName(call.func(), function, context);
              if ("sys.exc_info".equals(callee) || "sys.exception".equals(callee)) {
                found[0] = true;
              } else if (name != null
                  && handsOnTo(call.func())
                  && call.args().stream().anyMatch(arg -> isName(arg, name))) {
                found[0] = true;
              }
            } else if (name != null) {
              if (node instanceof Stmt.Assign && holds(((Stmt.Assign) node).value(), name)
                  || node instanceof Stmt.AnnAssign && holds(((Stmt.AnnAssign) node).value(), name)
                  || node instanceof Stmt.Return && reads(((Stmt.Return) node).value(), name)
                  || node instanceof Stmt.Assert && reads(((Stmt.Assert) node).test(), name)
                  || node instanceof Expr.Compare
                      && ((Expr.Compare) node)
                          .ops().stream()
                              .anyMatch(
                                  op -> op == CompareOperator.IS || op == CompareOperator.IS_NOT)
                      && (isName(((Expr.Compare) node).left(), name)
                          || ((Expr.Compare) node)
                              .comparators().stream().anyMatch(c -> isName(c, name)))) {
                found[0] = true;
              }
            }
            return true;
          }
        };
    for (Stmt statement : handler.body()) {
      walker.walk(statement);
    }
    return found[0];
  }

  /**
   * Whether the callee takes an exception to keep or raise: {@code fut.set_exception}, {@code
   * errors.append}, {@code self._add_exc}; not {@code log.exception} or {@code
   * traceback.print_exception}, which only report it.
   */
  private static boolean handsOnTo(Expr func) {
    String callee =
        func instanceof Expr.Attribute
            ? ((Expr.Attribute) func).attr()
            : func instanceof Expr.Name ? ((Expr.Name) func).id() : "";
    String lower = callee.toLowerCase(Locale.ROOT);
    return HAND_ON.contains(callee)
        || lower.contains("exc")
            && !lower.equals("exception")
            && !lower.contains("print")
            && !lower.contains("format")
            && !lower.contains("log");
  }

  /** Whether {@code expr} reads {@code name} anywhere. */
  private static boolean reads(Expr expr, String name) {
    return expr != null
        && NodeSearch.any(expr, node -> node instanceof Expr && isName((Expr) node, name));
  }

  /**
   * Whether the {@code try} body runs in a trio/anyio cancel scope shielded from outside
   * cancellation: {@code with CancelScope(shield=True):}.
   */
  private static boolean shielded(List<Stmt> body) {
    for (Stmt statement : body) {
      List<WithItem> items =
          statement instanceof Stmt.With
              ? ((Stmt.With) statement).items()
              : statement instanceof Stmt.AsyncWith
                  ? ((Stmt.AsyncWith) statement).items()
                  : List.of();
      for (WithItem item : items) {
        if (item.contextExpr() instanceof Expr.Call) {
          for (Keyword keyword : ((Expr.Call) item.contextExpr()).keywords()) {
            if ("shield".equals(keyword.arg()) && isConstant(keyword.value(), Boolean.TRUE)) {
              return true;
            }
          }
        }
      }
    }
    return false;
  }

  /** Whether {@code value} is the name, or a tuple or list display holding it. */
  private static boolean holds(Expr value, String name) {
    if (value instanceof Expr.Tuple) {
      return ((Expr.Tuple) value).elts().stream().anyMatch(element -> isName(element, name));
    }
    return isName(value, name);
  }

  private static boolean isName(Expr expr, String name) {
    return expr instanceof Expr.Name && ((Expr.Name) expr).id().equals(name);
  }

  /**
   * Whether the function's own body raises a {@code CancelledError} after {@code offset}: the
   * handler records the cancellation and re-raises it later ({@code cancelled = True} ... {@code if
   * cancelled: raise CancelledError}).
   */
  private static boolean raisesCancelledAfter(
      FunctionInfo function, int offset, FileContext context) {
    boolean[] found = {false};
    Walker walker =
        new Walker() {
          @Override
          protected boolean enter(Node node) {
            if (found[0] || node instanceof Located && NodeSearch.opensScope((Located) node)) {
              return false;
            }
            if (node instanceof Stmt.Raise
                && ((Stmt.Raise) node).range().start() >= offset
                && ((Stmt.Raise) node).exc() != null) {
              Expr exc = ((Stmt.Raise) node).exc();
              Expr type = exc instanceof Expr.Call ? ((Expr.Call) exc).func() : exc;
              String name = qualifiedName(type, function, context);
              found[0] = name != null && CANCELLED.contains(name);
            }
            return true;
          }
        };
    for (Stmt statement : function.body()) {
      walker.walk(statement);
    }
    return found[0];
  }

  /** Whether the handler calls {@code uncancel()}: it acknowledges the cancellation on purpose. */
  private static boolean callsUncancel(List<Stmt> block) {
    return NodeSearch.anyInScope(
        block,
        node ->
            node instanceof Expr.Call
                && ((Expr.Call) node).func() instanceof Expr.Attribute
                && ((Expr.Attribute) ((Expr.Call) node).func()).attr().equals("uncancel"));
  }

  /**
   * Whether the {@code try} body only cancels and awaits tasks the function itself cancelled
   * before: {@code task.cancel()} then {@code try: await task}, also {@code await
   * asyncio.gather(*tasks)} after {@code for t in tasks: t.cancel()}. The {@code CancelledError}
   * caught is then the one of the cancelled task.
   */
  private static boolean awaitsCancelledTask(
      Stmt statement, List<Stmt> body, FunctionInfo function, FileContext context) {
    Set<String> cancelled = cancelledBefore(function, statement.range().start(), context);
    for (Stmt inner : body) {
      Expr value = null;
      if (inner instanceof Stmt.ExprStatement) {
        value = ((Stmt.ExprStatement) inner).value();
      } else if (inner instanceof Stmt.Assign) {
        value = ((Stmt.Assign) inner).value();
      }
      if (value instanceof Expr.Call && isCancelCall((Expr.Call) value)) {
        cancelled.add(text(((Expr.Attribute) ((Expr.Call) value).func()).value(), context));
        continue;
      }
      if (value instanceof Expr.Call && !(inner instanceof Stmt.Assign)) {
        // `loop.call_soon(task.cancel)`
        boolean schedulesCancel = false;
        for (Expr argument : ((Expr.Call) value).args()) {
          if (argument instanceof Expr.Attribute
              && ((Expr.Attribute) argument).attr().equals("cancel")
              && isReference(((Expr.Attribute) argument).value())) {
            cancelled.add(text(((Expr.Attribute) argument).value(), context));
            schedulesCancel = true;
          }
        }
        if (schedulesCancel) {
          continue;
        }
      }
      if (!(value instanceof Expr.Await)) {
        return false;
      }
      Expr awaited = ((Expr.Await) value).value();
      if (isReference(awaited)) {
        if (!cancelled.contains(text(awaited, context))) {
          return false;
        }
      } else if (awaited instanceof Expr.Call && !((Expr.Call) awaited).args().isEmpty()) {
        for (Expr argument : ((Expr.Call) awaited).args()) {
          Expr task =
              argument instanceof Expr.Starred ? ((Expr.Starred) argument).value() : argument;
          if (!isReference(task) || !cancelled.contains(text(task, context))) {
            return false;
          }
        }
      } else {
        return false;
      }
    }
    return true;
  }

  /**
   * The receivers of {@code .cancel()} calls of the function's own body before {@code offset}, as
   * source text; for {@code for t in tasks: t.cancel()}, {@code tasks} too.
   */
  private static Set<String> cancelledBefore(
      FunctionInfo function, int offset, FileContext context) {
    Set<String> cancelled = new HashSet<>();
    Walker walker =
        new Walker() {
          @Override
          protected boolean enter(Node node) {
            if (node instanceof Located && NodeSearch.opensScope((Located) node)
                || node instanceof Located && ((Located) node).range().start() >= offset) {
              return false;
            }
            if (node instanceof Expr.Attribute
                && ((Expr.Attribute) node).attr().equals("cancel")
                && isReference(((Expr.Attribute) node).value())) {
              // `task.cancel()`, or `loop.call_soon(task.cancel)`
              cancelled.add(text(((Expr.Attribute) node).value(), context));
            }
            if (node instanceof Stmt.For || node instanceof Stmt.AsyncFor) {
              Expr target =
                  node instanceof Stmt.For
                      ? ((Stmt.For) node).target()
                      : ((Stmt.AsyncFor) node).target();
              Expr iter =
                  node instanceof Stmt.For
                      ? ((Stmt.For) node).iter()
                      : ((Stmt.AsyncFor) node).iter();
              List<Stmt> loopBody =
                  node instanceof Stmt.For
                      ? ((Stmt.For) node).body()
                      : ((Stmt.AsyncFor) node).body();
              if (target instanceof Expr.Name && cancelsName(loopBody, ((Expr.Name) target).id())) {
                cancelled.add(text(iter, context));
              }
            }
            return true;
          }
        };
    for (Stmt statement : function.body()) {
      walker.walk(statement);
    }
    return cancelled;
  }

  private static boolean cancelsName(List<Stmt> block, String name) {
    return NodeSearch.any(
        block,
        node ->
            node instanceof Expr.Call
                && isCancelCall((Expr.Call) node)
                && ((Expr.Attribute) ((Expr.Call) node).func()).value() instanceof Expr.Name
                && ((Expr.Name) ((Expr.Attribute) ((Expr.Call) node).func()).value())
                    .id()
                    .equals(name));
  }

  private static boolean isCancelCall(Expr.Call call) {
    return call.func() instanceof Expr.Attribute
        && ((Expr.Attribute) call.func()).attr().equals("cancel")
        && isReference(((Expr.Attribute) call.func()).value());
  }

  /** A name or a chain of attributes on a name: {@code task}, {@code self._reader}. */
  private static boolean isReference(Expr expr) {
    while (expr instanceof Expr.Attribute) {
      expr = ((Expr.Attribute) expr).value();
    }
    return expr instanceof Expr.Name;
  }
}
