package dev.asynclint.rules.concurrency;

import dev.asynclint.lint.ProjectContext;
import dev.asynclint.lint.ProjectRule;
import dev.asynclint.lint.RuleInfo;
import dev.asynclint.lint.Severity;
import dev.asynclint.rules.SourceText;
import dev.asynclint.semantic.project.CallSite;
import dev.asynclint.semantic.project.FunctionInfo;
import dev.asynclint.semantic.project.Project;
import dev.asynclint.semantic.project.SourceModule;
import dev.asynclint.semantic.project.Value;
import dev.asynclint.semantic.scope.Binding;
import dev.asynclint.semantic.scope.NameLookup;
import dev.asynclint.semantic.scope.ScopeKind;
import dev.asynclint.syntax.ast.Alias;
import dev.asynclint.syntax.ast.Arg;
import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.syntax.ast.Located;
import dev.asynclint.syntax.ast.NodeFinder;
import dev.asynclint.syntax.ast.NodeSearch;
import dev.asynclint.syntax.ast.Stmt;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * ASY509: {@code await q.join()} on an {@code asyncio.Queue} that nothing in the project marks
 * done. The queue must be one whose every use the project shows: a local variable of the function,
 * a module global, or an attribute of {@code self}; its uses are searched (the function, the
 * module, every {@code .name} attribute of the project) for {@code task_done}. The rule stays
 * silent when the queue escapes (passed to a call, returned, aliased, stored elsewhere, imported by
 * another module) and when nothing is ever put into it (the join then returns at once).
 */
@RuleInfo(
    code = "ASY509",
    name = "queue-join-without-task-done",
    severity = Severity.WARNING,
    summary =
        "`await queue.join()` returns only when every item ever put into the queue has been marked"
            + " done with `queue.task_done()`. When no consumer calls `task_done()`, the counter of"
            + " unfinished items never reaches zero and the join waits forever.")
public final class QueueJoinWithoutTaskDone implements ProjectRule {
  static final String MESSAGE =
      "`await %s.join()` waits for `task_done()` calls that nothing in the project makes for this"
          + " queue: once an item is put, the join never returns; call `%s.task_done()` after each"
          + " item a consumer has processed";

  private static final Set<String> QUEUES =
      Set.of(
          "asyncio.Queue",
          "asyncio.PriorityQueue",
          "asyncio.LifoQueue",
          "asyncio.queues.Queue",
          "asyncio.queues.PriorityQueue",
          "asyncio.queues.LifoQueue");

  @Override
  public void checkProject(ProjectContext context) {
    Project project = context.project();
    for (SourceModule module : project.index().modules()) {
      for (CallSite site : project.callSites(module)) {
        Expr queue = joinedQueue(site, context);
        if (queue != null && neverMarkedDone(queue, site, project)) {
          String text = module.source().substring(queue.range().start(), queue.range().end());
          context
              .file(module)
              .report(this, site.call().range(), String.format(MESSAGE, text, text));
        }
      }
    }
  }

  /** {@code q} of an awaited {@code q.join()} on an asyncio queue; null otherwise. */
  private static Expr joinedQueue(CallSite site, ProjectContext context) {
    Expr func = site.call().func();
    if (!(func instanceof Expr.Attribute)
        || !((Expr.Attribute) func).attr().equals("join")
        || !site.call().args().isEmpty()
        || !site.asyncContext()) {
      return null;
    }
    Expr queue = ((Expr.Attribute) func).value();
    Value value = context.resolver().resolve(site.place(), queue);
    if (!(value instanceof Value.Instance)
        || !QUEUES.contains(((Value.Instance) value).className())) {
      return null;
    }
    List<Located> ancestors = NodeFinder.ancestors(site.caller().module().tree(), site.call());
    Located parent = ancestors.isEmpty() ? null : ancestors.get(ancestors.size() - 1);
    return parent instanceof Expr.Await ? queue : null;
  }

  private static boolean neverMarkedDone(Expr queue, CallSite site, Project project) {
    if (queue instanceof Expr.Name) {
      return nameNeverMarkedDone(((Expr.Name) queue).id(), site, project);
    }
    if (queue instanceof Expr.Attribute
        && ((Expr.Attribute) queue).value() instanceof Expr.Name
        && isSelf(((Expr.Name) ((Expr.Attribute) queue).value()).id(), site.caller())) {
      String attr = ((Expr.Attribute) queue).attr();
      QueueUses uses =
          new QueueUses(
              expr ->
                  expr instanceof Expr.Attribute && ((Expr.Attribute) expr).attr().equals(attr));
      for (SourceModule module : project.index().modules()) {
        if (SourceText.containsWord(module.source(), attr)) {
          uses.walk(module.tree());
        }
      }
      return unmarked(uses);
    }
    return false;
  }

  private static boolean nameNeverMarkedDone(String name, CallSite site, Project project) {
    NameLookup lookup = site.place().lookup(name);
    if (lookup.origin() != NameLookup.Origin.BOUND || lookup.bindings().isEmpty()) {
      return false;
    }
    Binding binding = lookup.bindings().get(0);
    Predicate<Expr> denotes =
        expr -> expr instanceof Expr.Name && ((Expr.Name) expr).id().equals(name);
    QueueUses uses = new QueueUses(denotes);
    if (binding.scope().kind() == ScopeKind.MODULE) {
      if (importedElsewhere(name, site.caller().module(), project)) {
        return false;
      }
      uses.walk(site.caller().module().tree());
      return unmarked(uses);
    }
    if (binding.scope() != site.caller().scope() || site.caller().isModuleBody()) {
      return false;
    }
    for (Stmt statement : site.caller().body()) {
      uses.walk(statement);
    }
    return unmarked(uses);
  }

  private static boolean unmarked(QueueUses uses) {
    return uses.put() && !uses.taskDone() && !uses.escapes();
  }

  /** Whether another module imports the name from this one, or reads it as an attribute. */
  private static boolean importedElsewhere(String name, SourceModule home, Project project) {
    for (SourceModule module : project.index().modules()) {
      if (module == home || !SourceText.containsWord(module.source(), name)) {
        continue;
      }
      boolean mentions =
          NodeSearch.any(
              module.tree().body(),
              node ->
                  node instanceof Expr.Attribute && ((Expr.Attribute) node).attr().equals(name)
                      || node instanceof Alias && ((Alias) node).name().equals(name));
      if (mentions) {
        return true;
      }
    }
    return false;
  }

  private static boolean isSelf(String name, FunctionInfo function) {
    if (function.owner() == null || function.isModuleBody()) {
      return false;
    }
    List<Arg> positional = function.parameters().args();
    List<Arg> first =
        function.parameters().posOnlyArgs().isEmpty()
            ? positional
            : function.parameters().posOnlyArgs();
    return !first.isEmpty() && first.get(0).arg().equals(name);
  }
}
