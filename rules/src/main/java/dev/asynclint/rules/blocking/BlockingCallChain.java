package dev.asynclint.rules.blocking;

import dev.asynclint.lint.FileContext;
import dev.asynclint.lint.ProjectContext;
import dev.asynclint.lint.ProjectRule;
import dev.asynclint.lint.Related;
import dev.asynclint.lint.RuleInfo;
import dev.asynclint.lint.Severity;
import dev.asynclint.rules.TestCode;
import dev.asynclint.semantic.project.CallEdge;
import dev.asynclint.semantic.project.CallPath;
import dev.asynclint.semantic.project.CallSite;
import dev.asynclint.semantic.project.FunctionInfo;
import dev.asynclint.semantic.project.Project;
import dev.asynclint.semantic.project.Resolver;
import dev.asynclint.semantic.project.SourceModule;
import dev.asynclint.semantic.project.Summaries;
import dev.asynclint.semantic.project.SummaryAnalysis;
import dev.asynclint.syntax.ast.Expr;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ASY208: a call from async context to a project sync function that, through any chain of project
 * sync calls, makes a blocking call (a {@code blocking-apis.tsv} entry of any category, or one of
 * the user's {@code blocking-calls}). The finding sits on the call in the coroutine and carries the
 * shortest chain as related locations. Functions handed to a thread are not followed.
 */
@RuleInfo(
    code = "ASY208",
    name = "blocking-call-chain",
    severity = Severity.ERROR,
    summary =
        "A coroutine calls a project sync function that, through a chain of project calls,"
            + " makes a blocking call (`time.sleep`, `requests.get`, a database query...): the"
            + " whole event loop waits while the helper runs.")
public final class BlockingCallChain implements ProjectRule {
  static final String MESSAGE =
      "%s in coroutine %s blocks the event loop: %s; make the chain async or run %s in a thread"
          + " (`await asyncio.to_thread(...)`)";

  /** Decorators whose function runs in a thread when called: calling it does not block. */
  private static final Set<String> OFFLOADING_DECORATORS =
      Set.of(
          "asgiref.sync.sync_to_async",
          "channels.db.database_sync_to_async",
          "starlette.concurrency.run_in_threadpool");

  /**
   * A blocking call reached from a function: {@code chain} leads from the function to the function
   * holding {@code call}, which calls {@code api}.
   */
  record Witness(CallSite call, String api, CallPath path) {
    /** The calls from the function the witness is for to the one holding {@code call}. */
    List<CallEdge> chain() {
      return path.edges();
    }
  }

  @Override
  public void checkProject(ProjectContext context) {
    Project project = context.project();
    Summaries<Witness> summaries = summarize(project, context.resolver(), context);
    Map<CallSite, CallEdge> edges = new IdentityHashMap<>();
    for (FunctionInfo function : project.index().functions()) {
      for (CallEdge edge : function.calls()) {
        if (edge.kind() != CallEdge.Kind.CALL || !edge.site().asyncContext() || !follows(edge)) {
          continue;
        }
        Witness witness = summaries.of(edge.callee());
        if (witness == null) {
          continue;
        }
        CallEdge current = edges.get(edge.site());
        if (current == null
            || witness.path().length() < summaries.of(current.callee()).path().length()) {
          edges.put(edge.site(), edge);
        }
      }
    }
    for (SourceModule module : project.index().modules()) {
      FileContext file = context.file(module);
      // Tests call their setup helpers (temporary files, servers, clients) from coroutines on
      // purpose; blocking written in the test itself is still reported by the direct rules.
      if (file == null || TestCode.isTest(module)) {
        continue;
      }
      for (CallSite site : project.callSites(module)) {
        CallEdge edge = edges.get(site);
        if (edge == null
            || !site.asyncContext()
            || BlockingCalls.handedToThread(site)
            // Awaiting what the sync function returns (`await client.sync(...)`) means it hands
            // back an awaitable: the sync-or-async API pattern, whose blocking path is the one
            // taken without an event loop.
            || site.awaited()) {
          continue;
        }
        Witness witness = summaries.of(edge.callee());
        String message =
            String.format(
                MESSAGE,
                "`" + name(edge.callee()) + "()`",
                BlockingCalls.coroutine(site.caller()),
                chain(edge, witness),
                "`" + name(edge.callee()) + "`");
        file.report(this, site.call().range(), message, related(context, witness), null);
      }
    }
  }

  /**
   * For every project sync function, the shortest chain to a blocking call it makes. A function's
   * own first blocking call (in source order) is a chain of length 0.
   */
  private static Summaries<Witness> summarize(
      Project project, Resolver resolver, ProjectContext context) {
    int size = project.index().functions().size();
    Witness[] own = new Witness[size];
    boolean[] loopAware = new boolean[size];
    Set<String> listed = context.settings().blockingCalls();
    boolean[] called = calledFromCoroutines(project);
    for (SourceModule module : project.index().modules()) {
      for (CallSite site : project.callSites(module)) {
        FunctionInfo caller = site.caller();
        // Only the facts of sync functions a coroutine reaches are ever read, and theirs depend on
        // no other function's.
        if (!called[caller.id()] || caller.isAsync() || caller.isModuleBody()) {
          continue;
        }
        if (asksForRunningLoop(site)) {
          loopAware[caller.id()] = true;
        }
        if (own[caller.id()] != null) {
          continue;
        }
        BlockingApis.Entry entry = BlockingCalls.blockingApi(site, resolver);
        String api =
            entry != null ? entry.name() : BlockingCalls.userListed(site, resolver, listed);
        if (api != null && !OptionalBranches.contains(site)) {
          own[caller.id()] = new Witness(site, api, CallPath.empty());
        }
      }
    }
    Map<CallSite, Boolean> optional = new IdentityHashMap<>();
    SummaryAnalysis<Witness> analysis =
        new SummaryAnalysis<>() {
          @Override
          public Witness initial(FunctionInfo function) {
            return loopAware[function.id()] ? null : own[function.id()];
          }

          @Override
          public Witness transfer(CallEdge edge, Witness callee) {
            FunctionInfo caller = edge.caller();
            if (edge.kind() != CallEdge.Kind.CALL
                || caller.isAsync()
                || caller.isModuleBody()
                || loopAware[caller.id()]
                || !follows(edge)
                || optional.computeIfAbsent(edge.site(), OptionalBranches::contains)) {
              return null;
            }
            return new Witness(callee.call(), callee.api(), callee.path().through(edge));
          }

          @Override
          public Witness join(Witness current, Witness contribution) {
            return contribution.path().length() < current.path().length() ? contribution : current;
          }
        };
    return Summaries.compute(project, analysis);
  }

  /**
   * The sync functions a chain can pass through: those a coroutine calls, and theirs, along the
   * edges chains follow. Only their own blocking calls are looked for, the costly part; no other
   * function's summary is ever read.
   */
  private static boolean[] calledFromCoroutines(Project project) {
    boolean[] called = new boolean[project.index().functions().size()];
    Deque<FunctionInfo> work = new ArrayDeque<>();
    for (FunctionInfo function : project.index().functions()) {
      for (CallEdge edge : function.calls()) {
        if (edge.kind() == CallEdge.Kind.CALL && edge.site().asyncContext()) {
          reach(edge, called, work);
        }
      }
    }
    while (!work.isEmpty()) {
      FunctionInfo function = work.pop();
      for (CallEdge edge : function.calls()) {
        if (edge.kind() == CallEdge.Kind.CALL) {
          reach(edge, called, work);
        }
      }
    }
    return called;
  }

  private static void reach(CallEdge edge, boolean[] called, Deque<FunctionInfo> work) {
    FunctionInfo callee = edge.callee();
    if (!called[callee.id()] && follows(edge)) {
      called[callee.id()] = true;
      work.push(callee);
    }
  }

  /**
   * Whether a call asks if an event loop runs in this thread ({@code asyncio.get_running_loop()},
   * {@code trio.lowlevel.current_task()}, {@code sniffio.current_async_library()}...). A sync
   * function that asks knows it may be called from async code and handles it (typically by raising
   * "call me from a thread"), so it is not reported as blocking its async callers. Matched by the
   * callee's last name, because inside the library that defines them the names resolve to private
   * modules.
   */
  private static boolean asksForRunningLoop(CallSite site) {
    String name = site.target().qualifiedName();
    if (name == null && site.call().func() instanceof Expr.Attribute) {
      name = ((Expr.Attribute) site.call().func()).attr();
    }
    if (name == null) {
      return false;
    }
    for (String query : RUNNING_LOOP_QUERIES) {
      int dot = name.length() - query.length() - 1;
      if (name.endsWith(query) && (dot < 0 || name.charAt(dot) == '.')) {
        return true;
      }
    }
    return false;
  }

  private static final String[] RUNNING_LOOP_QUERIES = {
    "get_running_loop",
    "_get_running_loop",
    "current_task",
    "current_async_library",
    "current_trio_token",
    "is_running"
  };

  /**
   * Whether the callee of a call edge runs in the caller's thread, as a sync function the knowledge
   * base does not mark as non-blocking (such as {@code threading.Thread.start}, which waits only
   * for the new thread to start when the standard library is linted as a project).
   */
  private static boolean follows(CallEdge edge) {
    FunctionInfo callee = edge.callee();
    if (callee.isAsync()
        || callee.isModuleBody()
        || BlockingCalls.handedToThread(edge.site())
        || BlockingApis.get().declaredNotBlocking(callee.qualifiedName())) {
      return false;
    }
    for (String decorator : callee.decoratorNames()) {
      if (OFFLOADING_DECORATORS.contains(decorator)) {
        return false;
      }
    }
    return true;
  }

  /** {@code `load_user` → `Repo.fetch` → `requests.get`}. */
  private static String chain(CallEdge first, Witness witness) {
    StringBuilder text = new StringBuilder("`").append(name(first.callee())).append("`");
    for (CallEdge edge : witness.chain()) {
      text.append(" → `").append(name(edge.callee())).append("`");
    }
    return text.append(" → `").append(witness.api()).append("`").toString();
  }

  /** One location per call of the chain, then the blocking call. */
  private static List<Related> related(ProjectContext context, Witness witness) {
    List<Related> related = new ArrayList<>();
    for (CallEdge edge : witness.chain()) {
      related.add(
          at(
              context,
              edge.site(),
              "`" + name(edge.caller()) + "` calls `" + name(edge.callee()) + "`"));
    }
    related.add(
        at(
            context,
            witness.call(),
            "`"
                + name(witness.call().caller())
                + "` calls `"
                + witness.api()
                + "()`, which blocks"));
    return related;
  }

  private static Related at(ProjectContext context, CallSite site, String message) {
    SourceModule module = site.caller().module();
    FileContext file = context.file(module);
    String path = file == null ? module.path().toString() : file.displayPath();
    return new Related(path, module.source(), site.call().range(), message);
  }

  /**
   * How messages name a function: {@code fetch}, {@code Client.get}, {@code Client} for a
   * constructor.
   */
  private static String name(FunctionInfo function) {
    if (function.owner() != null) {
      String owner = function.owner().qualifiedName();
      String cls = owner.substring(owner.lastIndexOf('.') + 1);
      return function.name().equals("__init__") ? cls : cls + "." + function.name();
    }
    return function.name();
  }
}
