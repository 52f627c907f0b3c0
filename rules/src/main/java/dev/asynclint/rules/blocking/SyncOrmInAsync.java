package dev.asynclint.rules.blocking;

import dev.asynclint.lint.FileContext;
import dev.asynclint.lint.FunctionRule;
import dev.asynclint.lint.RuleInfo;
import dev.asynclint.lint.Severity;
import dev.asynclint.semantic.project.FunctionInfo;
import dev.asynclint.syntax.ast.Comprehension;
import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.syntax.ast.Located;
import dev.asynclint.syntax.ast.Node;
import dev.asynclint.syntax.ast.NodeSearch;
import dev.asynclint.syntax.ast.Stmt;
import java.util.Map;
import java.util.Set;

/**
 * ASY214: a Django ORM query evaluated in a coroutine. What counts as a query is strict (see {@link
 * DjangoModels}): a manager ({@code objects}) of a model class, chains of lazy queryset methods on
 * it, and locals bound to such chains; an instance of a model class for {@code save()}/{@code
 * delete()}. Only evaluation is reported: a terminal method ({@code get}, {@code count}, {@code
 * create}...), iteration by {@code for} or a comprehension, {@code list()}/{@code len()}/{@code
 * bool()}, indexing. The async API ({@code aget}, {@code async for}) and code in nested functions
 * and lambdas (handed to {@code sync_to_async}) are never reported.
 */
@RuleInfo(
    code = "ASY214",
    name = "sync-orm-in-async",
    severity = Severity.ERROR,
    summary =
        "Django's ORM is synchronous: a query evaluated in a coroutine either raises"
            + " `SynchronousOnlyOperation` or, when that check is disabled, blocks the event loop"
            + " for the whole database round trip. Use the async ORM API (`aget()`, `acount()`,"
            + " `async for`) or wrap the query in `sync_to_async`.")
public final class SyncOrmInAsync implements FunctionRule {
  static final String MESSAGE =
      "%s in coroutine %s runs a synchronous Django ORM query: it raises"
          + " `SynchronousOnlyOperation` (or blocks the event loop); use %s, or wrap the query in"
          + " `sync_to_async`";

  /** Queryset and manager methods that run the query, with their async counterparts. */
  private static final Map<String, String> QUERY_METHODS =
      Map.ofEntries(
          Map.entry("get", "aget"),
          Map.entry("first", "afirst"),
          Map.entry("last", "alast"),
          Map.entry("count", "acount"),
          Map.entry("exists", "aexists"),
          Map.entry("contains", "acontains"),
          Map.entry("create", "acreate"),
          Map.entry("get_or_create", "aget_or_create"),
          Map.entry("update_or_create", "aupdate_or_create"),
          Map.entry("update", "aupdate"),
          Map.entry("delete", "adelete"),
          Map.entry("bulk_create", "abulk_create"),
          Map.entry("bulk_update", "abulk_update"),
          Map.entry("aggregate", "aaggregate"),
          Map.entry("earliest", "aearliest"),
          Map.entry("latest", "alatest"),
          Map.entry("in_bulk", "ain_bulk"),
          Map.entry("iterator", "aiterator"),
          Map.entry("explain", "aexplain"));

  /** Model instance methods that query, with their async counterparts. */
  private static final Map<String, String> INSTANCE_METHODS =
      Map.of("save", "asave", "delete", "adelete", "refresh_from_db", "arefresh_from_db");

  /** Builtins that iterate, size or test the queryset they are given. */
  private static final Set<String> EVALUATING_BUILTINS =
      Set.of(
          "builtins.list",
          "builtins.tuple",
          "builtins.set",
          "builtins.len",
          "builtins.bool",
          "builtins.sorted");

  @Override
  public void checkFunction(FunctionInfo function, FileContext context) {
    if (!function.isAsync()) {
      return;
    }
    DjangoModels models = new DjangoModels(function, context.resolver());
    NodeSearch.forEachInScope(function.body(), node -> check(node, function, models, context));
  }

  private void check(Node node, FunctionInfo function, DjangoModels models, FileContext context) {
    if (node instanceof Expr.Call) {
      checkCall((Expr.Call) node, function, models, context);
    } else if (node instanceof Stmt.For && models.isQuerySet(((Stmt.For) node).iter())) {
      report(((Stmt.For) node).iter(), "Iterating over", "`async for`", function, context);
    } else if (node instanceof Comprehension
        && ((Comprehension) node).isAsync() == 0
        && models.isQuerySet(((Comprehension) node).iter())) {
      report(((Comprehension) node).iter(), "Iterating over", "`async for`", function, context);
    } else if (node instanceof Expr.Subscript
        && !(((Expr.Subscript) node).slice() instanceof Expr.Slice)
        && models.isQuerySet(((Expr.Subscript) node).value())) {
      report((Expr) node, "Indexing", "`afirst()`/`aget()`", function, context);
    }
  }

  private void checkCall(
      Expr.Call call, FunctionInfo function, DjangoModels models, FileContext context) {
    if (call.func() instanceof Expr.Attribute) {
      Expr.Attribute method = (Expr.Attribute) call.func();
      String async = QUERY_METHODS.get(method.attr());
      if (async != null && models.isQuerySet(method.value())) {
        report(call, null, "`" + async + "()`", function, context);
        return;
      }
      async = INSTANCE_METHODS.get(method.attr());
      if (async != null && models.isModelInstance(method.value())) {
        report(call, null, "`" + async + "()`", function, context);
      }
      return;
    }
    String callee = call.args().size() == 1 ? models.qualifiedName(call.func()) : null;
    if (callee != null
        && EVALUATING_BUILTINS.contains(callee)
        && models.isQuerySet(call.args().get(0))) {
      String alternative =
          call.func() instanceof Expr.Name && ((Expr.Name) call.func()).id().equals("len")
              ? "`acount()`"
              : "`async for`";
      report(call, null, alternative, function, context);
    }
  }

  private void report(
      Expr expr, String verb, String alternative, FunctionInfo function, FileContext context) {
    String what = "`" + snippet(context.module().source(), expr) + "`";
    if (verb != null) {
      what = verb + " " + what;
    }
    context.report(
        this,
        expr.range(),
        String.format(MESSAGE, what, BlockingCalls.coroutine(function), alternative));
  }

  private static String snippet(String source, Located node) {
    String text =
        source.substring(node.range().start(), node.range().end()).replaceAll("\\s+", " ");
    return text.length() <= 60 ? text : text.substring(0, 57) + "...";
  }
}
