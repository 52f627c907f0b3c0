package dev.asynclint.rules.cancellation;

import dev.asynclint.lint.Edit;
import dev.asynclint.lint.FileContext;
import dev.asynclint.lint.Fix;
import dev.asynclint.lint.FixAvailability;
import dev.asynclint.semantic.project.CallEdge;
import dev.asynclint.semantic.project.FunctionInfo;
import dev.asynclint.semantic.project.Place;
import dev.asynclint.semantic.project.SourceModule;
import dev.asynclint.semantic.scope.Symbol;
import dev.asynclint.syntax.PythonVersion;
import dev.asynclint.syntax.ast.Arg;
import dev.asynclint.syntax.ast.Arguments;
import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.syntax.ast.ExprContext;
import dev.asynclint.syntax.ast.Keyword;
import dev.asynclint.syntax.ast.Located;
import dev.asynclint.syntax.ast.NodeFinder;
import dev.asynclint.syntax.ast.NodeSearch;
import dev.asynclint.syntax.ast.Singleton;
import dev.asynclint.syntax.ast.Stmt;
import dev.asynclint.text.TextRange;
import java.util.ArrayList;
import java.util.List;

/**
 * ASY403's fix, for the simple case only: a module-level coroutine function whose body (after a
 * docstring) is {@code return await asyncio.wait_for(EXPR, timeout)}, whose {@code timeout}
 * defaults to {@code None}, and whose every caller is in the same module, awaits the call in a
 * one-line statement of a coroutine, and passes the timeout by keyword if at all. The fix removes
 * the parameter, returns {@code await EXPR}, and wraps each call that passed a timeout in {@code
 * async with asyncio.timeout(...)}. It is unsafe: the signature changes (code outside the project
 * passing {@code timeout} breaks), and the timeout expression is evaluated before the other
 * arguments. Needs Python 3.11 ({@code asyncio.timeout}).
 */
final class TimeoutParameterFix {
  static final String TITLE = "Remove the `timeout` parameter; callers use `asyncio.timeout()`";

  private static final String WAIT_FOR = "asyncio.wait_for";
  private static final String INDENT = "    ";

  private TimeoutParameterFix() {}

  /** The fix for the function's timeout parameter, or null when the case is not simple. */
  static Fix of(FunctionInfo function, Arg timeout, FileContext context) {
    if (!context.settings().targetVersion().atLeast(PythonVersion.PY311)
        || function.owner() != null
        || function.scope().parent() == null
        || function.scope().parent().parent() != null
        || !function.decorators().isEmpty()) {
      return null;
    }
    Expr.Call waitFor = delegatedWaitFor(function, context);
    Expr defaultValue = defaultOf(function.parameters(), timeout);
    if (waitFor == null || !isNone(defaultValue) || mentionedElsewhere(function, context)) {
      return null;
    }
    String source = context.module().source();
    String asyncio = text(source, ((Expr.Attribute) waitFor.func()).value());
    List<Edit> edits = new ArrayList<>();
    TextRange parameter = parameterSpan(source, function.parameters(), timeout, defaultValue);
    if (parameter == null) {
      return null;
    }
    edits.add(new Edit(parameter, ""));
    edits.add(new Edit(waitFor.range(), text(source, waitFor.args().get(0))));
    for (CallEdge edge : function.callers()) {
      if (edge.caller() == function || edge.caller().module() != function.module()) {
        return null;
      }
      List<Edit> callEdits = callSiteEdit(edge, asyncio, context);
      if (callEdits == null) {
        return null;
      }
      edits.addAll(callEdits);
    }
    return new Fix(TITLE, FixAvailability.UNSAFE, edits);
  }

  /** {@code asyncio.wait_for(EXPR, timeout)} in the function's only statement, or null. */
  private static Expr.Call delegatedWaitFor(FunctionInfo function, FileContext context) {
    List<Stmt> body = function.body();
    int first = body.size() == 2 && isDocstring(body.get(0)) ? 1 : 0;
    if (body.size() != first + 1 || !(body.get(first) instanceof Stmt.Return)) {
      return null;
    }
    Expr value = ((Stmt.Return) body.get(first)).value();
    if (!(value instanceof Expr.Await) || !(((Expr.Await) value).value() instanceof Expr.Call)) {
      return null;
    }
    Expr.Call call = (Expr.Call) ((Expr.Await) value).value();
    if (!(call.func() instanceof Expr.Attribute)
        || !(((Expr.Attribute) call.func()).value() instanceof Expr.Name)) {
      return null;
    }
    Place place = new Place(function.module(), function.scope(), call.range().start(), null);
    if (!WAIT_FOR.equals(context.resolver().qualifiedName(place, call.func()))) {
      return null;
    }
    boolean positional =
        call.args().size() == 2 && call.keywords().isEmpty() && isTimeout(call.args().get(1));
    boolean keyword =
        call.args().size() == 1
            && call.keywords().size() == 1
            && "timeout".equals(call.keywords().get(0).arg())
            && isTimeout(call.keywords().get(0).value());
    if (!positional && !keyword) {
      return null;
    }
    Expr awaited = call.args().get(0);
    boolean usesTimeout =
        NodeSearch.any(awaited, node -> node instanceof Expr.Name && isTimeout((Expr) node));
    return usesTimeout ? null : call;
  }

  private static boolean isTimeout(Expr expr) {
    return expr instanceof Expr.Name && ((Expr.Name) expr).id().equals("timeout");
  }

  private static boolean isDocstring(Stmt statement) {
    return statement instanceof Stmt.ExprStatement
        && ((Stmt.ExprStatement) statement).value() instanceof Expr.Constant
        && ((Expr.Constant) ((Stmt.ExprStatement) statement).value()).value() instanceof String;
  }

  private static boolean isNone(Expr expr) {
    return expr instanceof Expr.Constant && ((Expr.Constant) expr).value() == Singleton.NONE;
  }

  /** The default of a parameter; null when it has none. */
  private static Expr defaultOf(Arguments arguments, Arg parameter) {
    int kwIndex = arguments.kwOnlyArgs().indexOf(parameter);
    if (kwIndex >= 0) {
      return arguments.kwDefaults().get(kwIndex);
    }
    List<Arg> positional = new ArrayList<>(arguments.posOnlyArgs());
    positional.addAll(arguments.args());
    int index = positional.indexOf(parameter);
    int firstDefault = positional.size() - arguments.defaults().size();
    return index >= firstDefault ? arguments.defaults().get(index - firstDefault) : null;
  }

  /**
   * The text to delete for the parameter: {@code , timeout=None} after a previous parameter, or
   * {@code timeout=None, } before the next; null in the shapes not handled ({@code *, timeout}
   * alone after a bare star, positional-only).
   */
  private static TextRange parameterSpan(
      String source, Arguments arguments, Arg parameter, Expr defaultValue) {
    if (arguments.posOnlyArgs().contains(parameter)) {
      return null;
    }
    boolean keywordOnly = arguments.kwOnlyArgs().contains(parameter);
    if (keywordOnly && arguments.varArg() == null && arguments.kwOnlyArgs().size() == 1) {
      return null;
    }
    int start = parameter.range().start();
    int end = defaultValue.range().end();
    int comma = source.lastIndexOf(',', start);
    int open = source.lastIndexOf('(', start);
    if (comma > open) {
      return new TextRange(comma, end);
    }
    int next = source.indexOf(',', end);
    int close = source.indexOf(')', end);
    if (next < 0 || next > close) {
      return new TextRange(start, end);
    }
    int after = next + 1;
    while (after < source.length() && source.charAt(after) == ' ') {
      after++;
    }
    return new TextRange(start, after);
  }

  /** Whether another module, or a non-call use in this one, mentions the function's name. */
  private static boolean mentionedElsewhere(FunctionInfo function, FileContext context) {
    String name = function.name();
    for (SourceModule module : context.project().index().modules()) {
      if (module != function.module() && module.source().contains(name)) {
        return true;
      }
    }
    return NodeSearch.any(
        context.module().tree().body(),
        node ->
            node instanceof Expr.Name
                && ((Expr.Name) node).id().equals(name)
                && ((Expr.Name) node).ctx() == ExprContext.LOAD
                && !isCallee(context, (Expr.Name) node));
  }

  private static boolean isCallee(FileContext context, Expr.Name name) {
    List<Located> ancestors = NodeFinder.ancestors(context.module().tree(), name);
    Located parent = ancestors.isEmpty() ? null : ancestors.get(ancestors.size() - 1);
    return parent instanceof Expr.Call && ((Expr.Call) parent).func() == name;
  }

  /**
   * The edits of one call: none when it passes no timeout, the keyword removed for {@code
   * timeout=None}, else the statement wrapped in {@code async with asyncio.timeout(...)}; null when
   * the call cannot be rewritten.
   */
  private static List<Edit> callSiteEdit(CallEdge edge, String asyncio, FileContext context) {
    Expr.Call call = edge.site().call();
    if (call.args().stream().anyMatch(arg -> arg instanceof Expr.Starred)
        || call.keywords().stream().anyMatch(keyword -> keyword.arg() == null)) {
      return null;
    }
    Keyword timeout = null;
    for (Keyword keyword : call.keywords()) {
      if ("timeout".equals(keyword.arg())) {
        timeout = keyword;
      }
    }
    Arguments parameters = edge.callee().parameters();
    int index = parameters.args().indexOf(TimeoutParameter.timeoutParameter(parameters));
    if (index >= 0 && call.args().size() > parameters.posOnlyArgs().size() + index) {
      return null; // the timeout is passed by position
    }
    if (timeout == null) {
      return List.of();
    }
    String source = context.module().source();
    TextRange keywordSpan = keywordSpan(source, call, timeout);
    if (isNone(timeout.value())) {
      return List.of(new Edit(keywordSpan, ""));
    }
    Stmt statement = awaitingStatement(edge, context);
    if (statement == null || !edge.caller().isAsync()) {
      return null;
    }
    Symbol local = edge.caller().scope().symbol(asyncio);
    if (local != null && local.isLocal()) {
      return null; // the caller's own variable hides the module's asyncio alias
    }
    int lineStart = source.lastIndexOf('\n', statement.range().start()) + 1;
    String indent = source.substring(lineStart, statement.range().start());
    String text = source.substring(statement.range().start(), statement.range().end());
    if (!indent.isBlank() || text.contains("\n")) {
      return null;
    }
    int offset = statement.range().start();
    String rewritten =
        text.substring(0, keywordSpan.start() - offset)
            + text.substring(keywordSpan.end() - offset);
    String replacement =
        "async with "
            + asyncio
            + ".timeout("
            + text(source, timeout.value())
            + "):\n"
            + indent
            + INDENT
            + rewritten;
    return List.of(new Edit(statement.range(), replacement));
  }

  /** {@code , timeout=X} or {@code timeout=X, } within the call. */
  private static TextRange keywordSpan(String source, Expr.Call call, Keyword keyword) {
    int start = keyword.range().start();
    int end = keyword.range().end();
    int comma = source.lastIndexOf(',', start);
    if (comma > call.func().range().end()) {
      return new TextRange(comma, end);
    }
    int next = source.indexOf(',', end);
    if (next >= 0 && next < call.range().end()) {
      int after = next + 1;
      while (after < source.length() && source.charAt(after) == ' ') {
        after++;
      }
      return new TextRange(start, after);
    }
    return new TextRange(start, end);
  }

  /**
   * The statement {@code await f(...)}, {@code x = await f(...)} or {@code return await f(...)}.
   */
  private static Stmt awaitingStatement(CallEdge edge, FileContext context) {
    Expr.Call call = edge.site().call();
    List<Located> ancestors = NodeFinder.ancestors(context.module().tree(), call);
    if (ancestors.size() < 2 || !(ancestors.get(ancestors.size() - 1) instanceof Expr.Await)) {
      return null;
    }
    Expr await = (Expr.Await) ancestors.get(ancestors.size() - 1);
    Located statement = ancestors.get(ancestors.size() - 2);
    if (statement instanceof Stmt.ExprStatement && ((Stmt.ExprStatement) statement).value() == await
        || statement instanceof Stmt.Return && ((Stmt.Return) statement).value() == await
        || statement instanceof Stmt.Assign && ((Stmt.Assign) statement).value() == await) {
      return (Stmt) statement;
    }
    return null;
  }

  private static String text(String source, Located node) {
    return source.substring(node.range().start(), node.range().end());
  }
}
