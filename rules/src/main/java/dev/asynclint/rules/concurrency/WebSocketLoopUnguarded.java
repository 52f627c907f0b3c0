package dev.asynclint.rules.concurrency;

import dev.asynclint.lint.FileContext;
import dev.asynclint.lint.FunctionRule;
import dev.asynclint.lint.RuleInfo;
import dev.asynclint.lint.Severity;
import dev.asynclint.semantic.project.CallSite;
import dev.asynclint.semantic.project.FunctionInfo;
import dev.asynclint.semantic.project.Place;
import dev.asynclint.semantic.project.Value;
import dev.asynclint.syntax.ast.Arg;
import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.syntax.ast.Node;
import dev.asynclint.syntax.ast.NodeSearch;
import dev.asynclint.syntax.ast.Stmt;
import dev.asynclint.syntax.ast.Walker;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * ASY507: a {@code while True:} loop of a coroutine that awaits a WebSocket's receive method —
 * Starlette/FastAPI {@code WebSocket.receive_text/bytes/json()} or {@code receive()}, aiohttp
 * {@code WebSocketResponse}/{@code ClientWebSocketResponse.receive*()}, {@code websockets} {@code
 * recv()} — with no {@code try} around the receive that has an {@code except} clause, and, for the
 * methods that return the close message instead of raising, no test of the message type in the
 * loop. The socket is known by the resolved type of the receiver (an annotated parameter, {@code
 * web.WebSocketResponse()}) or as the first parameter of a handler passed to {@code
 * websockets.serve()} in the same module. Silent when the function is called by other project
 * functions (a caller may handle the disconnect).
 */
@RuleInfo(
    code = "ASY507",
    name = "websocket-loop-unguarded",
    severity = Severity.WARNING,
    summary =
        "A WebSocket handler's `while True:` receive loop that does not handle the client going"
            + " away: the disconnect surfaces as an exception that escapes the handler (logged as"
            + " a server error, cleanup skipped) or as a close message the loop treats as data and"
            + " spins on.")
public final class WebSocketLoopUnguarded implements FunctionRule {
  static final String MESSAGE =
      "`%s` in a `while True:` loop with no handler for the client going away: %s; %s";

  /** Socket classes by qualified name, with the library family they belong to. */
  private static final Map<String, Family> SOCKETS =
      Map.ofEntries(
          Map.entry("starlette.websockets.WebSocket", Family.STARLETTE),
          Map.entry("fastapi.WebSocket", Family.STARLETTE),
          Map.entry("fastapi.websockets.WebSocket", Family.STARLETTE),
          Map.entry("aiohttp.web.WebSocketResponse", Family.AIOHTTP),
          Map.entry("aiohttp.web_ws.WebSocketResponse", Family.AIOHTTP),
          Map.entry("aiohttp.ClientWebSocketResponse", Family.AIOHTTP),
          Map.entry("aiohttp.client_ws.ClientWebSocketResponse", Family.AIOHTTP),
          Map.entry("websockets.WebSocketServerProtocol", Family.WEBSOCKETS),
          Map.entry("websockets.server.WebSocketServerProtocol", Family.WEBSOCKETS),
          Map.entry("websockets.legacy.server.WebSocketServerProtocol", Family.WEBSOCKETS),
          Map.entry("websockets.asyncio.server.ServerConnection", Family.WEBSOCKETS),
          Map.entry("websockets.ServerConnection", Family.WEBSOCKETS));

  private static final Set<String> SERVES =
      Set.of(
          "websockets.serve",
          "websockets.server.serve",
          "websockets.legacy.server.serve",
          "websockets.asyncio.server.serve");

  /** The WebSocket libraries, with how each reports a disconnect to a receive loop. */
  private enum Family {
    STARLETTE(
        Set.of("receive_text", "receive_bytes", "receive_json"),
        Set.of("receive"),
        "`WebSocketDisconnect`",
        "wrap the loop in `try`/`except WebSocketDisconnect:` and clean up there"),
    AIOHTTP(
        Set.of("receive_str", "receive_bytes", "receive_json"),
        Set.of("receive"),
        "an error (the close message is not data)",
        "iterate with `async for msg in ws:`, which ends at the close message, or check"
            + " `msg.type` for `WSMsgType.CLOSE`/`ERROR` and leave the loop"),
    WEBSOCKETS(
        Set.of("recv"),
        Set.of(),
        "`ConnectionClosed`",
        "iterate with `async for message in websocket:`, which ends cleanly on close, or catch"
            + " `ConnectionClosed`");

    /** Methods that raise when the peer has gone. */
    final Set<String> raising;

    /** Methods that return a close (or disconnect) message the loop has to check. */
    final Set<String> returningClose;

    final String disconnect;
    final String advice;

    Family(Set<String> raising, Set<String> returningClose, String disconnect, String advice) {
      this.raising = raising;
      this.returningClose = returningClose;
      this.disconnect = disconnect;
      this.advice = advice;
    }
  }

  @Override
  public void checkFunction(FunctionInfo function, FileContext context) {
    if (!function.isAsync() || !function.callers().isEmpty()) {
      return;
    }
    List<Stmt.While> loops = new ArrayList<>();
    List<Stmt.While> guarded = new ArrayList<>();
    Walker walker =
        new Walker() {
          private int tries;

          @Override
          protected boolean enter(Node node) {
            if (NodeSearch.opensScope(node)) {
              return false;
            }
            if (node instanceof Stmt.While && isForever(((Stmt.While) node).test())) {
              (tries > 0 ? guarded : loops).add((Stmt.While) node);
            }
            if (handles(node)) {
              tries++;
            }
            return true;
          }

          @Override
          protected void leave(Node node) {
            if (handles(node)) {
              tries--;
            }
          }
        };
    for (Stmt statement : function.body()) {
      walker.walk(statement);
    }
    for (Stmt.While loop : loops) {
      check(loop, function, context);
    }
  }

  private void check(Stmt.While loop, FunctionInfo function, FileContext context) {
    Receive receive = firstUnguardedReceive(loop.body(), function, context);
    if (receive == null) {
      return;
    }
    boolean raising = receive.family.raising.contains(receive.method);
    if (!raising && checksMessageType(loop)) {
      return;
    }
    String what =
        raising
            ? "when the peer disconnects it raises "
                + receive.family.disconnect
                + ", which escapes the handler (logged as a server error, cleanup skipped)"
            : "it returns the close message on disconnect, which the loop never checks for, so"
                + " it keeps handling it as data and receiving from a closed socket";
    String source = context.module().source();
    String call = source.substring(receive.call.range().start(), receive.call.range().end());
    context.report(
        this, receive.call.range(), String.format(MESSAGE, call, what, receive.family.advice));
  }

  /** A receive call on a known socket. */
  private record Receive(Expr.Call call, String method, Family family) {}

  /** The first receive call of the loop body that no {@code try} with handlers encloses. */
  private static Receive firstUnguardedReceive(
      List<Stmt> body, FunctionInfo function, FileContext context) {
    Receive[] found = {null};
    Walker walker =
        new Walker() {
          @Override
          protected boolean enter(Node node) {
            if (found[0] != null || NodeSearch.opensScope(node) || handles(node)) {
              return false;
            }
            if (node instanceof Expr.Await && ((Expr.Await) node).value() instanceof Expr.Call) {
              found[0] = receive((Expr.Call) ((Expr.Await) node).value(), function, context);
            }
            return found[0] == null;
          }
        };
    for (Stmt statement : body) {
      walker.walk(statement);
    }
    return found[0];
  }

  private static Receive receive(Expr.Call call, FunctionInfo function, FileContext context) {
    if (!(call.func() instanceof Expr.Attribute)) {
      return null;
    }
    Expr.Attribute method = (Expr.Attribute) call.func();
    Family family = family(method.value(), function, context);
    if (family == null
        || !family.raising.contains(method.attr())
            && !family.returningClose.contains(method.attr())) {
      return null;
    }
    return new Receive(call, method.attr(), family);
  }

  private static Family family(Expr socket, FunctionInfo function, FileContext context) {
    Place place = new Place(function.module(), function.scope(), socket.range().start(), null);
    Value value = context.resolver().resolve(place, socket);
    if (value instanceof Value.Instance) {
      Family family = SOCKETS.get(((Value.Instance) value).className());
      if (family != null) {
        return family;
      }
    }
    Arg first = firstParameter(function);
    if (socket instanceof Expr.Name
        && first != null
        && ((Expr.Name) socket).id().equals(first.arg())
        && servedByWebsockets(function, context)) {
      return Family.WEBSOCKETS;
    }
    return null;
  }

  private static Arg firstParameter(FunctionInfo function) {
    if (!function.parameters().posOnlyArgs().isEmpty()) {
      return function.parameters().posOnlyArgs().get(0);
    }
    return function.parameters().args().isEmpty() ? null : function.parameters().args().get(0);
  }

  /** Whether the module passes the function to {@code websockets.serve()} as the handler. */
  private static boolean servedByWebsockets(FunctionInfo function, FileContext context) {
    for (CallSite site : context.project().callSites(function.module())) {
      String callee = site.target().qualifiedName();
      if (callee == null || !SERVES.contains(callee) || site.call().args().isEmpty()) {
        continue;
      }
      Expr handler = site.call().args().get(0);
      String name = context.resolver().qualifiedName(site.place(), handler);
      if (function.qualifiedName().equals(name)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a statement may catch what its body raises: a {@code try} with {@code except} clauses
   * (any of them may catch the disconnect), or {@code with suppress(...)}.
   */
  private static boolean handles(Node node) {
    return node instanceof Stmt.Try && !((Stmt.Try) node).handlers().isEmpty()
        || node instanceof Stmt.TryStar && !((Stmt.TryStar) node).handlers().isEmpty()
        || node instanceof Stmt.With
            && ((Stmt.With) node).items().stream().anyMatch(item -> isSuppress(item.contextExpr()));
  }

  private static boolean isSuppress(Expr expr) {
    if (!(expr instanceof Expr.Call)) {
      return false;
    }
    Expr func = ((Expr.Call) expr).func();
    return func instanceof Expr.Name && ((Expr.Name) func).id().equals("suppress")
        || func instanceof Expr.Attribute && ((Expr.Attribute) func).attr().equals("suppress");
  }

  private static boolean isForever(Expr test) {
    if (!(test instanceof Expr.Constant)) {
      return false;
    }
    Object value = ((Expr.Constant) test).value();
    return Boolean.TRUE.equals(value) || value instanceof Long && (Long) value != 0;
  }

  /**
   * Whether the loop looks at what kind of message it received: a comparison involving a {@code
   * type} attribute or key, a {@code CLOSE}/{@code CLOSED}/{@code ERROR} constant, or a string
   * mentioning a disconnect or close.
   */
  private static boolean checksMessageType(Stmt.While loop) {
    return NodeSearch.anyInScope(
        loop.body(),
        node ->
            (node instanceof Expr.Compare || node instanceof Stmt.Match)
                && NodeSearch.any(node, WebSocketLoopUnguarded::mentionsMessageKind));
  }

  private static boolean mentionsMessageKind(Node node) {
    if (node instanceof Expr.Attribute) {
      String attr = ((Expr.Attribute) node).attr();
      return attr.equals("type")
          || attr.equals("tp")
          || attr.equals("CLOSE")
          || attr.equals("CLOSED")
          || attr.equals("CLOSING")
          || attr.equals("ERROR");
    }
    if (node instanceof Expr.Constant && ((Expr.Constant) node).value() instanceof String) {
      String text = ((String) ((Expr.Constant) node).value()).toLowerCase(Locale.ROOT);
      return text.equals("type") || text.contains("disconnect") || text.contains("close");
    }
    return false;
  }
}
