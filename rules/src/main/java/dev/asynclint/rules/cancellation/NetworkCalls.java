package dev.asynclint.rules.cancellation;

import dev.asynclint.semantic.project.CallSite;
import dev.asynclint.semantic.project.ClassInfo;
import dev.asynclint.semantic.project.FunctionInfo;
import dev.asynclint.semantic.project.Place;
import dev.asynclint.semantic.project.Resolver;
import dev.asynclint.semantic.scope.Binding;
import dev.asynclint.semantic.scope.BindingKind;
import dev.asynclint.semantic.scope.NameLookup;
import dev.asynclint.syntax.ast.Arg;
import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.syntax.ast.Keyword;
import dev.asynclint.syntax.ast.Node;
import dev.asynclint.syntax.ast.Singleton;
import dev.asynclint.syntax.ast.Stmt;
import dev.asynclint.syntax.ast.Walker;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The network operations ASY404 knows, and what the code shows of their timeouts. */
final class NetworkCalls {
  private NetworkCalls() {}

  /** Kinds of network awaits, with how a message describes them. */
  enum Kind {
    AIOHTTP_SESSION(
        " (the session's default total timeout is five minutes)",
        "for up to five minutes per request"),
    AIOHTTP_REQUEST(" (aiohttp's default total timeout is five minutes)", "for up to five minutes"),
    HTTPX(" (the client's timeout is turned off with `timeout=None`)", "for as long as it likes"),
    STREAM_READ("", "for as long as the peer sends nothing"),
    OPEN_CONNECTION("", "until the operating system gives up connecting, often minutes"),
    WEBSOCKET_RECEIVE("", "for as long as the peer sends nothing");

    private final String note;
    private final String consequence;

    Kind(String note, String consequence) {
      this.note = note;
      this.consequence = consequence;
    }

    String note() {
      return note;
    }

    String consequence() {
      return consequence;
    }

    /** Whether the call reads from a connection object it is called on. */
    boolean readsConnection() {
      return this == STREAM_READ || this == WEBSOCKET_RECEIVE;
    }

    /** Whether the call is an HTTP request, which can also be used as {@code async with}. */
    boolean requestsHttp() {
      return this == AIOHTTP_SESSION || this == AIOHTTP_REQUEST || this == HTTPX;
    }
  }

  /** What the code says of a call's or a client's timeout. */
  enum Timeout {
    NOT_SET,
    SET,
    DISABLED,
    NOT_VISIBLE
  }

  private static final Set<String> HTTP_METHODS =
      Set.of("get", "post", "put", "patch", "delete", "head", "options", "request");

  private static final Set<String> AIOHTTP_SESSIONS =
      Set.of("aiohttp.ClientSession", "aiohttp.client.ClientSession");

  private static final Set<String> HTTPX_CLIENTS = Set.of("httpx.AsyncClient");

  private static final Set<String> STREAM_READS =
      Set.of("read", "readline", "readexactly", "readuntil");

  private static final Set<String> STREAM_READERS =
      Set.of("asyncio.StreamReader", "asyncio.streams.StreamReader");

  private static final Set<String> OPEN_CONNECTIONS =
      Set.of(
          "asyncio.open_connection",
          "asyncio.open_unix_connection",
          "asyncio.streams.open_connection",
          "asyncio.streams.open_unix_connection");

  private static final Set<String> WEBSOCKET_RECEIVES =
      Set.of(
          "aiohttp.ClientWebSocketResponse.receive",
          "aiohttp.ClientWebSocketResponse.receive_str",
          "aiohttp.ClientWebSocketResponse.receive_bytes",
          "aiohttp.ClientWebSocketResponse.receive_json",
          "websockets.WebSocketClientProtocol.recv");

  /** The kind of network operation the call site performs; null for anything else. */
  static Kind kind(CallSite site, Resolver resolver) {
    String name = site.target().qualifiedName();
    if (name == null) {
      return streamReadOfConnection(site, resolver) ? Kind.STREAM_READ : null;
    }
    int dot = name.lastIndexOf('.');
    String owner = dot < 0 ? "" : name.substring(0, dot);
    String method = name.substring(dot + 1);
    if (AIOHTTP_SESSIONS.contains(owner) && HTTP_METHODS.contains(method)) {
      return Kind.AIOHTTP_SESSION;
    }
    if (name.equals("aiohttp.request")) {
      return Kind.AIOHTTP_REQUEST;
    }
    if (HTTPX_CLIENTS.contains(owner)
        && (HTTP_METHODS.contains(method) || method.equals("send") || method.equals("stream"))) {
      return Kind.HTTPX;
    }
    if (STREAM_READERS.contains(owner) && STREAM_READS.contains(method)) {
      return Kind.STREAM_READ;
    }
    if (OPEN_CONNECTIONS.contains(name)) {
      return Kind.OPEN_CONNECTION;
    }
    return WEBSOCKET_RECEIVES.contains(name) ? Kind.WEBSOCKET_RECEIVE : null;
  }

  /**
   * {@code reader.read()} where {@code reader} is the first target of {@code reader, writer = await
   * asyncio.open_connection(...)} in the same function.
   */
  private static boolean streamReadOfConnection(CallSite site, Resolver resolver) {
    Expr func = site.call().func();
    if (!(func instanceof Expr.Attribute)
        || !STREAM_READS.contains(((Expr.Attribute) func).attr())
        || !(((Expr.Attribute) func).value() instanceof Expr.Name)) {
      return false;
    }
    String reader = ((Expr.Name) ((Expr.Attribute) func).value()).id();
    NameLookup lookup = site.place().lookup(reader);
    if (lookup.origin() != NameLookup.Origin.BOUND || lookup.bindings().size() != 1) {
      return false;
    }
    Binding binding = lookup.bindings().get(0);
    if (binding.kind() != BindingKind.ASSIGNMENT || site.caller().isModuleBody()) {
      return false;
    }
    for (Stmt.Assign assign : assignments(site.caller().body())) {
      if (assign.targets().size() == 1
          && assign.targets().get(0) instanceof Expr.Tuple
          && !((Expr.Tuple) assign.targets().get(0)).elts().isEmpty()
          && ((Expr.Tuple) assign.targets().get(0)).elts().get(0).range().equals(binding.range())
          && assign.value() instanceof Expr.Await
          && ((Expr.Await) assign.value()).value() instanceof Expr.Call) {
        Expr.Call open = (Expr.Call) ((Expr.Await) assign.value()).value();
        Place place =
            new Place(site.caller().module(), site.place().scope(), open.range().start(), null);
        String opener = resolver.qualifiedName(place, open.func());
        return opener != null && OPEN_CONNECTIONS.contains(opener);
      }
    }
    return false;
  }

  /**
   * Whether the receiver of the call is a local variable the calling function itself binds (to what
   * {@code open_connection()} or {@code websockets.connect()} gives): a connection received as a
   * parameter or read from an attribute comes from code that may bound the time of its use.
   */
  static boolean receiverMadeHere(CallSite site) {
    Expr func = site.call().func();
    if (!(func instanceof Expr.Attribute)
        || !(((Expr.Attribute) func).value() instanceof Expr.Name)) {
      return false;
    }
    NameLookup lookup = site.place().lookup(((Expr.Name) ((Expr.Attribute) func).value()).id());
    if (lookup.origin() != NameLookup.Origin.BOUND || lookup.bindings().isEmpty()) {
      return false;
    }
    for (Binding binding : lookup.bindings()) {
      boolean local =
          binding.kind() == BindingKind.ASSIGNMENT || binding.kind() == BindingKind.WITH_TARGET;
      if (!local || binding.scope() != site.caller().scope()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the call that opened the receiver's connection sets a default receive timeout ({@code
   * session.ws_connect(url, receive_timeout=30)}) or may through {@code **kwargs}.
   */
  static boolean connectionBoundsReceive(CallSite site) {
    Expr receiver = ((Expr.Attribute) site.call().func()).value();
    NameLookup lookup = site.place().lookup(((Expr.Name) receiver).id());
    for (Binding binding : lookup.bindings()) {
      Expr value = binding.value();
      if (value instanceof Expr.Await) {
        value = ((Expr.Await) value).value();
      }
      if (value instanceof Expr.Call
          && ((Expr.Call) value)
              .keywords().stream()
                  .anyMatch(
                      keyword ->
                          keyword.arg() == null || keyword.arg().equals("receive_timeout"))) {
        return true;
      }
    }
    return false;
  }

  /** The {@code timeout=} a call passes: set, {@code None}, or absent. */
  static Timeout timeoutOf(Expr.Call call) {
    for (Keyword keyword : call.keywords()) {
      if (keyword.arg() == null) {
        return Timeout.SET;
      }
      if (keyword.arg().equals("timeout")) {
        return isNone(keyword.value()) ? Timeout.DISABLED : Timeout.SET;
      }
    }
    return Timeout.NOT_SET;
  }

  /**
   * The timeout of the client a request is made on, from its constructions: a local assigned (or
   * bound by {@code async with}) the constructor call, or an attribute of {@code self} assigned it
   * in the methods of the class. NOT_VISIBLE unless every construction is seen.
   */
  static Timeout clientTimeout(CallSite site, Resolver resolver) {
    Expr func = site.call().func();
    if (!(func instanceof Expr.Attribute)) {
      return Timeout.NOT_VISIBLE;
    }
    Expr client = ((Expr.Attribute) func).value();
    List<Expr> values = constructions(client, site);
    if (values.isEmpty()) {
      return Timeout.NOT_VISIBLE;
    }
    Timeout merged = null;
    for (Expr value : values) {
      Timeout timeout = constructionTimeout(value, site, resolver);
      if (merged != null && merged != timeout) {
        return Timeout.NOT_VISIBLE;
      }
      merged = timeout;
    }
    return merged;
  }

  private static Timeout constructionTimeout(Expr value, CallSite site, Resolver resolver) {
    if (!(value instanceof Expr.Call)) {
      return Timeout.NOT_VISIBLE;
    }
    Expr.Call call = (Expr.Call) value;
    Place place =
        new Place(site.caller().module(), site.place().scope(), call.range().start(), null);
    String constructor = resolver.qualifiedName(place, call.func());
    if (constructor == null
        || !AIOHTTP_SESSIONS.contains(constructor) && !HTTPX_CLIENTS.contains(constructor)) {
      return Timeout.NOT_VISIBLE;
    }
    return timeoutOf(call);
  }

  /** The values the client expression is given where the model can see them all. */
  private static List<Expr> constructions(Expr client, CallSite site) {
    if (client instanceof Expr.Name) {
      NameLookup lookup = site.place().lookup(((Expr.Name) client).id());
      if (lookup.origin() != NameLookup.Origin.BOUND) {
        return List.of();
      }
      List<Expr> values = new ArrayList<>();
      for (Binding binding : lookup.bindings()) {
        if (binding.kind() != BindingKind.ASSIGNMENT && binding.kind() != BindingKind.WITH_TARGET
            || binding.value() == null) {
          return List.of();
        }
        values.add(binding.value());
      }
      return values;
    }
    FunctionInfo function = site.caller();
    if (client instanceof Expr.Attribute
        && ((Expr.Attribute) client).value() instanceof Expr.Name
        && isSelf(((Expr.Name) ((Expr.Attribute) client).value()).id(), function)) {
      return attributeAssignments(function.owner(), ((Expr.Attribute) client).attr());
    }
    return List.of();
  }

  /** The values assigned to {@code self.<attr>} in the methods of the class and its bases. */
  private static List<Expr> attributeAssignments(ClassInfo cls, String attr) {
    List<Expr> values = new ArrayList<>();
    for (ClassInfo current : cls.mro()) {
      for (FunctionInfo method : current.methods().values()) {
        Arg self = firstParameter(method);
        if (self == null) {
          continue;
        }
        for (Stmt.Assign assign : assignments(method.body())) {
          for (Expr target : assign.targets()) {
            if (target instanceof Expr.Attribute
                && ((Expr.Attribute) target).attr().equals(attr)
                && ((Expr.Attribute) target).value() instanceof Expr.Name
                && ((Expr.Name) ((Expr.Attribute) target).value()).id().equals(self.arg())) {
              values.add(assign.value());
            }
          }
        }
      }
    }
    return values;
  }

  private static List<Stmt.Assign> assignments(List<Stmt> body) {
    List<Stmt.Assign> found = new ArrayList<>();
    Walker walker =
        new Walker() {
          @Override
          protected boolean enter(Node node) {
            if (node instanceof Stmt.FunctionDef
                || node instanceof Stmt.AsyncFunctionDef
                || node instanceof Stmt.ClassDef
                || node instanceof Expr.Lambda) {
              return false;
            }
            if (node instanceof Stmt.Assign) {
              found.add((Stmt.Assign) node);
            }
            return node instanceof Stmt;
          }
        };
    for (Stmt statement : body) {
      walker.walk(statement);
    }
    return found;
  }

  private static boolean isSelf(String name, FunctionInfo function) {
    Arg first = function.owner() == null ? null : firstParameter(function);
    return first != null && first.arg().equals(name);
  }

  private static Arg firstParameter(FunctionInfo function) {
    if (function.isModuleBody()) {
      return null;
    }
    List<Arg> first =
        function.parameters().posOnlyArgs().isEmpty()
            ? function.parameters().args()
            : function.parameters().posOnlyArgs();
    return first.isEmpty() ? null : first.get(0);
  }

  static boolean isNone(Expr expr) {
    return expr instanceof Expr.Constant && ((Expr.Constant) expr).value() == Singleton.NONE;
  }
}
