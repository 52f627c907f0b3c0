package dev.asynclint.rules.concurrency;

import dev.asynclint.lint.FileContext;
import dev.asynclint.lint.ProjectContext;
import dev.asynclint.lint.ProjectRule;
import dev.asynclint.lint.Related;
import dev.asynclint.lint.RuleInfo;
import dev.asynclint.lint.Severity;
import dev.asynclint.rules.TestCode;
import dev.asynclint.rules.concurrency.LockAcquisitions.Acquisition;
import dev.asynclint.rules.concurrency.LockAcquisitions.LockRef;
import dev.asynclint.rules.eventloop.Chains;
import dev.asynclint.semantic.project.CallEdge;
import dev.asynclint.semantic.project.CallPath;
import dev.asynclint.semantic.project.FunctionInfo;
import dev.asynclint.semantic.project.Project;
import dev.asynclint.semantic.project.Summaries;
import dev.asynclint.semantic.project.SummaryAnalysis;
import dev.asynclint.syntax.ast.Blocks;
import dev.asynclint.syntax.ast.ExceptHandler;
import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.syntax.ast.Located;
import dev.asynclint.syntax.ast.Node;
import dev.asynclint.syntax.ast.NodeFinder;
import dev.asynclint.syntax.ast.NodeSearch;
import dev.asynclint.syntax.ast.References;
import dev.asynclint.syntax.ast.Stmt;
import dev.asynclint.syntax.ast.WithItem;
import dev.asynclint.text.TextRange;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ASY503: two code paths acquire the same two asyncio locks in opposite orders, or one path
 * acquires a non-reentrant lock it already holds. Locks are module-level names, class attributes
 * and instance attributes bound to {@code asyncio.Lock}, {@code Condition}, {@code Semaphore} or
 * {@code BoundedSemaphore} (see {@link LockAcquisitions}). A coroutine holds a lock in the body of
 * {@code async with lock:} (and in the items after it), or after {@code await lock.acquire()} until
 * a {@code lock.release()} statement of the same block. Inside, it acquires another lock directly
 * or through the project coroutines it awaits directly ({@code await helper()}; tasks and {@code
 * gather} are not followed). Per-instance locks count only when both acquisitions are provably on
 * the same object: attributes of {@code self}, reached through calls on {@code self}.
 */
@RuleInfo(
    code = "ASY503",
    name = "lock-order-inversion",
    severity = Severity.ERROR,
    summary =
        "Two code paths acquire the same two asyncio locks in opposite orders (or one re-acquires"
            + " a lock it already holds): two coroutines on these paths can each hold one lock and"
            + " wait forever for the other.")
public final class LockOrderInversion implements ProjectRule {
  static final String INVERSION =
      "`%s` is acquired here while `%s` is held, but %s acquires them in the opposite order"
          + " (`%s` then `%s`): two coroutines on these paths can each hold one lock and wait"
          + " forever for the other; acquire the two locks in one order everywhere";
  static final String REENTRY =
      "`%s` is acquired again while this coroutine already holds it (taken in %s): an asyncio %s"
          + " is not reentrant, so the coroutine waits for itself forever";

  /** A lock held while another is acquired, in {@code function}. */
  private record Edge(FunctionInfo function, Acquisition outer, Acquisition inner, TextRange at) {}

  /** A held lock and the code that runs while it is held. */
  private record Region(Acquisition outer, List<Node> roots, Expr releaseOf) {}

  @Override
  public void checkProject(ProjectContext context) {
    Project project = context.project();
    LockAcquisitions locks = new LockAcquisitions(context.resolver());
    int size = project.index().functions().size();
    List<Map<String, Acquisition>> own = new ArrayList<>(Collections.nCopies(size, null));
    for (FunctionInfo function : project.index().functions()) {
      if (function.isAsync() && !TestCode.isTest(function.module())) {
        Map<String, Acquisition> direct = directAcquisitions(function, locks);
        own.set(function.id(), direct.isEmpty() ? null : direct);
      }
    }
    Summaries<Map<String, Acquisition>> summaries = Summaries.compute(project, analysis(own));
    Map<String, Edge> edges = new LinkedHashMap<>();
    for (FunctionInfo function : project.index().functions()) {
      if (own.get(function.id()) == null) {
        continue;
      }
      for (Region region : regions(function, locks)) {
        for (Edge edge : inner(function, region, locks, summaries)) {
          LockRef a = edge.outer().lock();
          LockRef b = edge.inner().lock();
          if (a.perInstance() && !edge.outer().sameSelf()
              || b.perInstance() && !edge.inner().sameSelf()) {
            continue;
          }
          if (a.key().equals(b.key())) {
            if (a.kind().reentryDeadlocks() && edge.inner().certain()) {
              reportReentry(context, edge);
            }
            continue;
          }
          edges.putIfAbsent(a.key() + "\n" + b.key(), edge);
        }
      }
    }
    for (Map.Entry<String, Edge> entry : edges.entrySet()) {
      Edge forward = entry.getValue();
      String a = forward.outer().lock().key();
      String b = forward.inner().lock().key();
      Edge backward = edges.get(b + "\n" + a);
      if (backward != null && a.compareTo(b) < 0) {
        reportInversion(context, forward, backward);
      }
    }
  }

  private static SummaryAnalysis<Map<String, Acquisition>> analysis(
      List<Map<String, Acquisition>> own) {
    return new SummaryAnalysis<>() {
      @Override
      public Map<String, Acquisition> initial(FunctionInfo function) {
        return own.get(function.id());
      }

      @Override
      public Map<String, Acquisition> transfer(CallEdge edge, Map<String, Acquisition> callee) {
        if (!follows(edge)) {
          return null;
        }
        boolean certain = isUnconditional(edge.caller(), edge.site().call());
        Map<String, Acquisition> result = new LinkedHashMap<>();
        for (Map.Entry<String, Acquisition> entry : callee.entrySet()) {
          result.put(entry.getKey(), entry.getValue().through(edge, certain));
        }
        return result;
      }

      @Override
      public Map<String, Acquisition> join(
          Map<String, Acquisition> current, Map<String, Acquisition> contribution) {
        Map<String, Acquisition> joined = null;
        for (Map.Entry<String, Acquisition> entry : contribution.entrySet()) {
          Acquisition present = current.get(entry.getKey());
          if (present == null || entry.getValue().betterThan(present)) {
            if (joined == null) {
              joined = new LinkedHashMap<>(current);
            }
            joined.put(entry.getKey(), entry.getValue());
          }
        }
        return joined == null ? current : joined;
      }
    };
  }

  /** Whether the caller runs the callee's code itself: an awaited call of a project coroutine. */
  private static boolean follows(CallEdge edge) {
    return edge.kind() == CallEdge.Kind.CALL
        && edge.caller().isAsync()
        && edge.callee().isAsync()
        && !TestCode.isTest(edge.callee().module())
        && edge.site().awaited();
  }

  /** The locks a coroutine acquires itself, the first acquisition of each. */
  private static Map<String, Acquisition> directAcquisitions(
      FunctionInfo function, LockAcquisitions locks) {
    Map<String, Acquisition> found = new LinkedHashMap<>();
    NodeSearch.anyInScope(
        function.body(),
        node -> {
          for (Expr expr : acquiredLocks(node)) {
            LockRef ref = locks.resolve(function, expr);
            if (ref != null) {
              found.computeIfAbsent(ref.key(), key -> acquisition(function, ref, expr));
            }
          }
          return false;
        });
    return found;
  }

  /**
   * What a node may acquire: the items of an {@code async with}, the receiver of {@code await
   * x.acquire()}.
   */
  private static List<Expr> acquiredLocks(Node node) {
    if (node instanceof Stmt.AsyncWith) {
      return withItems((Stmt.AsyncWith) node);
    }
    Expr receiver = acquireReceiver(node);
    return receiver == null ? List.of() : List.of(receiver);
  }

  /** The receiver of {@code await x.acquire()}; null for any other node. */
  private static Expr acquireReceiver(Node node) {
    if (node instanceof Expr.Await && ((Expr.Await) node).value() instanceof Expr.Call) {
      Expr func = ((Expr.Call) ((Expr.Await) node).value()).func();
      if (func instanceof Expr.Attribute && ((Expr.Attribute) func).attr().equals("acquire")) {
        return ((Expr.Attribute) func).value();
      }
    }
    return null;
  }

  private static List<Expr> withItems(Stmt.AsyncWith with) {
    List<Expr> items = new ArrayList<>();
    for (WithItem item : with.items()) {
      items.add(item.contextExpr());
    }
    return items;
  }

  private static Acquisition acquisition(FunctionInfo function, LockRef ref, Expr expr) {
    boolean sameSelf = !ref.perInstance() || ref.onSelf();
    return new Acquisition(
        ref,
        function.module(),
        expr.range(),
        CallPath.empty(),
        sameSelf,
        isUnconditional(function, expr));
  }

  /** An acquisition inside a held region: reached whenever the code around it runs. */
  private static Acquisition reached(FunctionInfo function, LockRef ref, Expr expr) {
    boolean sameSelf = !ref.perInstance() || ref.onSelf();
    return new Acquisition(ref, function.module(), expr.range(), CallPath.empty(), sameSelf, true);
  }

  /** The places where a coroutine holds a lock, with the code that runs meanwhile. */
  private static List<Region> regions(FunctionInfo function, LockAcquisitions locks) {
    List<Region> regions = new ArrayList<>();
    NodeSearch.anyInScope(
        function.body(),
        node -> {
          if (node instanceof Stmt.AsyncWith) {
            Stmt.AsyncWith with = (Stmt.AsyncWith) node;
            for (int i = 0; i < with.items().size(); i++) {
              Expr expr = with.items().get(i).contextExpr();
              LockRef ref = locks.resolve(function, expr);
              if (ref != null) {
                List<Node> roots = new ArrayList<>();
                for (int j = i + 1; j < with.items().size(); j++) {
                  roots.add(with.items().get(j).contextExpr());
                }
                roots.addAll(with.body());
                regions.add(new Region(acquisition(function, ref, expr), roots, null));
              }
            }
          } else if (node instanceof Stmt.ExprStatement) {
            Expr lock = acquireReceiver(((Stmt.ExprStatement) node).value());
            LockRef ref = lock == null ? null : locks.resolve(function, lock);
            if (ref != null) {
              List<Node> roots = new ArrayList<>(rest(function, (Stmt) node));
              regions.add(new Region(acquisition(function, ref, lock), roots, lock));
            }
          }
          return false;
        });
    return regions;
  }

  /** The statements after {@code statement} in its block, up to a release of the same lock. */
  private static List<Stmt> rest(FunctionInfo function, Stmt statement) {
    List<Located> ancestors = NodeFinder.ancestors(function.module().tree(), statement);
    Located parent = ancestors.isEmpty() ? null : ancestors.get(ancestors.size() - 1);
    List<Stmt> block = Blocks.holding(parent, statement);
    int index = block.indexOf(statement);
    return index < 0 ? List.of() : block.subList(index + 1, block.size());
  }

  /** The acquisitions made while a region's lock is held. */
  private static List<Edge> inner(
      FunctionInfo function,
      Region region,
      LockAcquisitions locks,
      Summaries<Map<String, Acquisition>> summaries) {
    Map<Expr.Call, List<CallEdge>> calls = new IdentityHashMap<>();
    for (CallEdge edge : function.calls()) {
      if (follows(edge)) {
        calls.computeIfAbsent(edge.site().call(), key -> new ArrayList<>()).add(edge);
      }
    }
    List<Edge> edges = new ArrayList<>();
    for (Node root : region.roots()) {
      if (region.releaseOf() != null && releases(root, region.releaseOf())) {
        break;
      }
      boolean releasedInside =
          region.releaseOf() != null
              && NodeSearch.anyInScope(List.of(root), node -> releases(node, region.releaseOf()));
      NodeSearch.anyInScope(
          List.of(root),
          node -> {
            if (node instanceof Expr && !(node instanceof Expr.Await) && root == node) {
              // an item after the lock in `async with a, b:`
              LockRef ref = locks.resolve(function, (Expr) node);
              if (ref != null) {
                Acquisition inner = reached(function, ref, (Expr) node);
                edges.add(new Edge(function, region.outer(), inner, inner.range()));
              }
            }
            for (Expr expr : acquiredLocks(node)) {
              LockRef ref = locks.resolve(function, expr);
              if (ref != null) {
                Acquisition inner = reached(function, ref, expr);
                edges.add(new Edge(function, region.outer(), inner, inner.range()));
              }
            }
            if (node instanceof Expr.Call && calls.containsKey(node)) {
              for (CallEdge call : calls.get(node)) {
                Map<String, Acquisition> reached = summaries.of(call.callee());
                if (reached == null) {
                  continue;
                }
                for (Acquisition acquisition : reached.values()) {
                  Acquisition inner = acquisition.through(call, true);
                  edges.add(new Edge(function, region.outer(), inner, call.site().call().range()));
                }
              }
            }
            return false;
          });
      if (releasedInside) {
        break;
      }
    }
    return edges;
  }

  /**
   * Whether {@code node} runs whenever its function runs (until an exception): it stands in no
   * branch, loop, exception handler or conditional expression of the function.
   */
  private static boolean isUnconditional(FunctionInfo function, Located node) {
    List<Located> ancestors = NodeFinder.ancestors(function.module().tree(), node);
    for (int i = ancestors.size() - 1; i >= 0; i--) {
      Located ancestor = ancestors.get(i);
      if (ancestor == function.node()) {
        return true;
      }
      if (ancestor instanceof Stmt.If
          || ancestor instanceof Stmt.For
          || ancestor instanceof Stmt.AsyncFor
          || ancestor instanceof Stmt.While
          || ancestor instanceof Stmt.Match
          || ancestor instanceof ExceptHandler
          || ancestor instanceof Expr.IfExp
          || ancestor instanceof Expr.BoolOp
          || ancestor instanceof Expr.ListComp
          || ancestor instanceof Expr.SetComp
          || ancestor instanceof Expr.DictComp
          || ancestor instanceof Expr.GeneratorExp
          || NodeSearch.opensScope(ancestor)) {
        return false;
      }
    }
    return false;
  }

  /**
   * Whether a statement is {@code lock.release()} for the lock {@code lock} (same spelling). The
   * statement that holds such a release somewhere inside ({@code try: ... finally: lock.release()})
   * ends the region after it.
   */
  private static boolean releases(Node statement, Expr lock) {
    if (!(statement instanceof Stmt.ExprStatement)
        || !(((Stmt.ExprStatement) statement).value() instanceof Expr.Call)) {
      return false;
    }
    Expr func = ((Expr.Call) ((Stmt.ExprStatement) statement).value()).func();
    return func instanceof Expr.Attribute
        && ((Expr.Attribute) func).attr().equals("release")
        && References.same(((Expr.Attribute) func).value(), lock);
  }

  private void reportReentry(ProjectContext context, Edge edge) {
    FileContext file = context.file(edge.function().module());
    if (file == null) {
      return;
    }
    LockRef lock = edge.outer().lock();
    String kind = lock.kind() == LockAcquisitions.Kind.CONDITION ? "Condition" : "Lock";
    String message = String.format(REENTRY, lock.spelling(), Chains.quoted(edge.function()), kind);
    List<Related> related = new ArrayList<>();
    related.add(
        Chains.at(
            context,
            edge.function().module(),
            edge.outer().range(),
            "`" + lock.spelling() + "` is first acquired here"));
    related.addAll(path(context, edge.inner()));
    file.report(this, edge.at(), message, related, null);
  }

  private void reportInversion(ProjectContext context, Edge forward, Edge backward) {
    FileContext file = context.file(forward.function().module());
    if (file == null) {
      return;
    }
    String a = forward.outer().lock().spelling();
    String b = forward.inner().lock().spelling();
    String message = String.format(INVERSION, b, a, Chains.quoted(backward.function()), b, a);
    List<Related> related = new ArrayList<>();
    related.add(
        Chains.at(
            context,
            forward.function().module(),
            forward.outer().range(),
            Chains.quoted(forward.function()) + " acquires `" + a + "` first"));
    related.addAll(path(context, forward.inner()));
    related.add(
        Chains.at(
            context,
            backward.function().module(),
            backward.outer().range(),
            Chains.quoted(backward.function()) + " acquires `" + b + "` first"));
    related.addAll(path(context, backward.inner()));
    file.report(this, forward.at(), message, related, null);
  }

  /** The calls leading to an acquisition, then the acquisition itself. */
  private static List<Related> path(ProjectContext context, Acquisition acquisition) {
    List<Related> related = new ArrayList<>(Chains.calls(context, acquisition.chain()));
    related.add(
        Chains.at(
            context,
            acquisition.module(),
            acquisition.range(),
            "then acquires `" + acquisition.lock().spelling() + "`"));
    return related;
  }
}
