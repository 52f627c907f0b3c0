package dev.asynclint.rules.unnecessary;

import dev.asynclint.lint.FileContext;
import dev.asynclint.lint.ProjectContext;
import dev.asynclint.lint.ProjectRule;
import dev.asynclint.lint.RuleInfo;
import dev.asynclint.lint.Severity;
import dev.asynclint.rules.Definitions;
import dev.asynclint.rules.TestCode;
import dev.asynclint.semantic.project.ClassInfo;
import dev.asynclint.semantic.project.FunctionInfo;
import dev.asynclint.semantic.project.Project;
import dev.asynclint.syntax.ast.Comprehension;
import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.syntax.ast.NodeSearch;
import dev.asynclint.syntax.ast.Stmt;
import dev.asynclint.text.TextRange;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * ASY600: an {@code async def} whose body never suspends (no {@code await}, {@code async for},
 * {@code async with}, async comprehension) and is no async generator, when nothing in the project
 * shows that it has to be a coroutine function. Silent, because the function may be required to be
 * async, for: request handlers; decorated functions (other than {@code staticmethod}/{@code
 * classmethod}); methods of decorated classes, of classes with a base outside the project, or whose
 * name a project base, subclass or any other project class with an async method of that name also
 * defines; dunder methods and {@code test*} functions; test modules, whose coroutine functions
 * exercise the async machinery on purpose; stubs and {@code .pyi} files; functions whose name is
 * used anywhere in the project other than as a directly awaited call (see {@link NameUses}).
 */
@RuleInfo(
    code = "ASY600",
    name = "async-without-await",
    severity = Severity.INFO,
    equivalents = {"ASYNC124", "RUF029"},
    summary =
        "An `async def` that never awaits, iterates or enters anything asynchronously and is not"
            + " required to be a coroutine function: every call pays for a coroutine object and a"
            + " trip through the event loop's machinery for code that could be a plain function.")
public final class AsyncWithoutAwait implements ProjectRule {
  static final String MESSAGE =
      "`%s` is `async def` but never awaits: it has no `await`, `async for` or `async with`, so"
          + " it could be a plain `def` (and its callers would drop their `await`)";

  private static final Set<String> NEUTRAL_DECORATORS =
      Set.of("builtins.staticmethod", "builtins.classmethod");

  @Override
  public void checkProject(ProjectContext context) {
    Project project = context.project();
    List<FunctionInfo> candidates = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (FunctionInfo function : project.index().functions()) {
      if (candidate(function, project)
          && !project.requestHandlers().contains(function)
          && !sharedSignature(function, project)) {
        candidates.add(function);
        names.add(function.name());
      }
    }
    if (candidates.isEmpty()) {
      return;
    }
    NameUses uses = NameUses.of(project, names);
    for (FunctionInfo function : candidates) {
      if (!uses.requiresCoroutineFunction(function)) {
        FileContext file = context.file(function.module());
        file.report(this, asyncKeyword(function), String.format(MESSAGE, function.name()));
      }
    }
  }

  /** The checks that need nothing but the function itself. */
  private static boolean candidate(FunctionInfo function, Project project) {
    if (!function.isAsync()
        || Definitions.isStubFile(function)
        || TestCode.isTest(function.module())
        || Definitions.isDunder(function.name())
        || function.name().startsWith("test")
        || function.name().startsWith("async")
        || Definitions.isStub(function.body())
        || function.decorators().size() != function.decoratorNames().size()
        || !NEUTRAL_DECORATORS.containsAll(function.decoratorNames())) {
      return false;
    }
    return !suspendsOrYields(function.body());
  }

  private static boolean suspendsOrYields(List<Stmt> body) {
    return NodeSearch.anyInScope(
        body,
        node ->
            node instanceof Expr.Await
                || node instanceof Stmt.AsyncFor
                || node instanceof Stmt.AsyncWith
                || node instanceof Expr.Yield
                || node instanceof Expr.YieldFrom
                || node instanceof Comprehension && ((Comprehension) node).isAsync() != 0);
  }

  /** Whether a method's name ties it to other classes that may need it to be a coroutine. */
  private static boolean sharedSignature(FunctionInfo function, Project project) {
    ClassInfo owner = function.owner();
    if (owner == null) {
      return false;
    }
    if (!owner.node().decoratorList().isEmpty() || Definitions.inHierarchy(function, project)) {
      return true;
    }
    for (ClassInfo cls : project.index().classes()) {
      FunctionInfo other = cls == owner ? null : cls.methods().get(function.name());
      if (other != null && other.isAsync()) {
        return true;
      }
    }
    return false;
  }

  /** The {@code async} keyword of the definition. */
  private static TextRange asyncKeyword(FunctionInfo function) {
    List<Expr> decorators = function.decorators();
    int from =
        decorators.isEmpty()
            ? function.node().range().start()
            : decorators.get(decorators.size() - 1).range().end();
    int start = function.module().source().indexOf("async", from);
    return new TextRange(start, start + "async".length());
  }
}
