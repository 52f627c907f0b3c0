package dev.asynclint.rules.eventloop;

import dev.asynclint.semantic.project.CallSite;
import dev.asynclint.semantic.project.ClassInfo;
import dev.asynclint.semantic.project.FunctionInfo;
import dev.asynclint.semantic.project.Project;
import dev.asynclint.semantic.project.Resolver;
import dev.asynclint.semantic.project.SourceModule;
import dev.asynclint.syntax.ast.Expr;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Which framework calls each request handler of a project, for messages ("a Flask request handler")
 * and for the rules that treat WSGI views, task queues and async frameworks differently.
 */
final class Handlers {
  /** The frameworks whose handlers the project model knows. */
  enum Framework {
    FLASK("a Flask request handler"),
    DJANGO("a Django view"),
    CELERY("a Celery task"),
    DRAMATIQ("a Dramatiq actor"),
    FASTAPI("a FastAPI route"),
    STARLETTE("a Starlette endpoint"),
    QUART("a Quart route"),
    SANIC("a Sanic route"),
    AIOHTTP("an aiohttp handler"),
    TORNADO("a Tornado request handler"),
    OTHER("a request handler");

    private final String description;

    Framework(String description) {
      this.description = description;
    }

    /** How a message names a handler of this framework: "a Flask request handler". */
    String description() {
      return description;
    }

    /** Whether sync handlers run in a worker thread or process where no event loop runs. */
    boolean syncHandlersRunWithoutLoop() {
      return this == FLASK
          || this == DJANGO
          || this == CELERY
          || this == DRAMATIQ
          || this == FASTAPI
          || this == STARLETTE;
    }

    /** What runs the handler repeatedly, for messages: "server thread on each request". */
    String worker() {
      return this == CELERY || this == DRAMATIQ
          ? "worker process on each task"
          : "server thread on each request";
    }

    /** What to do instead of running an event loop on every call of such a handler. */
    String advice() {
      switch (this) {
        case FLASK:
        case DJANGO:
          return "run one long-lived loop in a background thread and submit coroutines with"
              + " `asyncio.run_coroutine_threadsafe()`, or make the view async under an ASGI"
              + " server";
        case OTHER:
          return "run one long-lived loop in a background thread and submit coroutines with"
              + " `asyncio.run_coroutine_threadsafe()`, or make the handler async";
        case CELERY:
        case DRAMATIQ:
          return "keep one event loop per worker process, created when the worker starts, and"
              + " run the coroutines on it";
        default:
          return "make the handler `async def` and `await` the coroutine on the server's loop";
      }
    }
  }

  private final Project project;
  private final Map<FunctionInfo, Framework> registered = new IdentityHashMap<>();

  private Handlers(Project project) {
    this.project = project;
  }

  /** Classifies the request handlers of a project. */
  static Handlers of(Project project, Resolver resolver) {
    Handlers handlers = new Handlers(project);
    for (SourceModule module : project.index().modules()) {
      for (CallSite site : project.callSites(module)) {
        handlers.registration(site, resolver);
      }
    }
    return handlers;
  }

  /** The framework of a request handler; {@link Framework#OTHER} when it cannot be told. */
  Framework framework(FunctionInfo handler) {
    for (String decorator : handler.decoratorNames()) {
      Framework framework = byPrefix(decorator);
      if (framework != null) {
        return framework;
      }
    }
    if (handler.owner() != null) {
      for (String base : handler.owner().allExternalBases()) {
        Framework framework = byPrefix(base);
        if (framework != null) {
          return framework;
        }
      }
    }
    return registered.getOrDefault(handler, Framework.OTHER);
  }

  /** Whether a sync function is a view of a WSGI framework (Flask, Django). */
  boolean isSyncWsgiView(FunctionInfo function) {
    if (function.isAsync() || !project.requestHandlers().contains(function)) {
      return false;
    }
    Framework framework = framework(function);
    return framework == Framework.FLASK || framework == Framework.DJANGO;
  }

  /** A module prefix of a framework's names. */
  private record Prefix(String prefix, Framework framework) {}

  private static final Prefix[] PREFIXES = {
    new Prefix("flask.", Framework.FLASK),
    new Prefix("django.", Framework.DJANGO),
    new Prefix("rest_framework.", Framework.DJANGO),
    new Prefix("celery.", Framework.CELERY),
    new Prefix("dramatiq.", Framework.DRAMATIQ),
    new Prefix("fastapi.", Framework.FASTAPI),
    new Prefix("starlette.", Framework.STARLETTE),
    new Prefix("quart.", Framework.QUART),
    new Prefix("sanic.", Framework.SANIC),
    new Prefix("aiohttp.", Framework.AIOHTTP),
    new Prefix("tornado.", Framework.TORNADO),
  };

  private static Framework byPrefix(String name) {
    // Asked of every resolved call: comparing first letters turns most names away.
    if (name.isEmpty()) {
      return null;
    }
    char first = name.charAt(0);
    for (Prefix prefix : PREFIXES) {
      if (prefix.prefix().charAt(0) == first && name.startsWith(prefix.prefix())) {
        return prefix.framework();
      }
    }
    return null;
  }

  /** Records the handlers a registration call names: {@code path("x/", views.x)}. */
  private void registration(CallSite site, Resolver resolver) {
    String callee = site.target().qualifiedName();
    if (callee == null) {
      return;
    }
    Framework framework = byPrefix(callee);
    if (framework == null) {
      return;
    }
    for (Expr view : Syntax.arguments(site.call())) {
      if (view instanceof Expr.Call && ((Expr.Call) view).func() instanceof Expr.Attribute) {
        Expr.Attribute asView = (Expr.Attribute) ((Expr.Call) view).func();
        if (asView.attr().equals("as_view")) {
          registerClass(resolver.qualifiedName(site.place(), asView.value()), framework);
          continue;
        }
      }
      String name = resolver.qualifiedName(site.place(), view);
      FunctionInfo function = name == null ? null : project.index().function(name);
      if (function != null && project.requestHandlers().contains(function)) {
        registered.putIfAbsent(function, framework);
      }
    }
  }

  private void registerClass(String className, Framework framework) {
    ClassInfo cls = className == null ? null : project.index().cls(className);
    if (cls == null) {
      return;
    }
    for (FunctionInfo handler : project.requestHandlers()) {
      if (handler.owner() != null && cls.findMethod(handler.name()) == handler) {
        registered.putIfAbsent(handler, framework);
      }
    }
  }

  /** The handler's kind in words, e.g. "a Flask request handler". */
  String describe(FunctionInfo handler) {
    return framework(handler).description();
  }
}
