package dev.asynclint.rules.tasks;

import dev.asynclint.lint.Edit;
import dev.asynclint.lint.Fix;
import dev.asynclint.lint.FixAvailability;
import dev.asynclint.semantic.project.FunctionInfo;
import dev.asynclint.syntax.PythonVersion;
import dev.asynclint.syntax.ast.Alias;
import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.syntax.ast.Module;
import dev.asynclint.syntax.ast.Stmt;
import dev.asynclint.text.TextRange;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * ASY301's unsafe fix: keeps the discarded task in a module-level set until it is done.
 *
 * <pre>
 * _background_tasks: set[asyncio.Task] = set()
 * ...
 *     task = asyncio.create_task(job())
 *     _background_tasks.add(task)
 *     task.add_done_callback(_background_tasks.discard)
 * </pre>
 *
 * <p>A module-level {@code _background_tasks = set()} or {@code background_tasks = set()} that
 * already exists is reused; otherwise the set is defined after the last top-level import that comes
 * before the code holding the call, under a name the file does not use yet. The local name of the
 * task, {@code task}, is likewise replaced by an unused one when the code around already uses it.
 * No fix is offered when the statement shares its line with other code ({@code if x:
 * asyncio.create_task(...)}, {@code a(); asyncio.create_task(...)}) or when no top-level import
 * precedes it.
 */
final class BackgroundTaskFix {
  static final String TITLE = "Keep the task in a module-level set until it is done";
  private static final List<String> REUSED_SETS = List.of("_background_tasks", "background_tasks");

  private BackgroundTaskFix() {}

  /**
   * The fix for the discarded task of {@code statement}, in {@code caller}, or null when none is
   * offered.
   */
  static Fix of(FunctionInfo caller, Stmt.ExprStatement statement, PythonVersion target) {
    String source = caller.module().source();
    Module tree = caller.module().tree();
    int start = statement.range().start();
    int end = statement.range().end();
    int lineStart = source.lastIndexOf('\n', start - 1) + 1;
    String indent = source.substring(lineStart, start);
    if (!indent.isBlank() || !restOfLineIsFree(source, end)) {
      return null;
    }
    Stmt topLevel = topLevelStatement(tree, start);
    if (topLevel == null) {
      return null;
    }
    List<Edit> edits = new ArrayList<>();
    String set = existingSet(tree, topLevel, caller.isModuleBody());
    if (set == null) {
      Stmt lastImport = lastImportBefore(tree, topLevel);
      if (lastImport == null) {
        return null;
      }
      set = unusedName(source, "_background_tasks", 0, source.length());
      String annotation =
          importsAsyncio(tree) && target.atLeast(PythonVersion.PY39) ? ": set[asyncio.Task]" : "";
      int importEnd = lastImport.range().end();
      int newline = source.indexOf('\n', importEnd);
      String definition = set + annotation + " = set()\n";
      edits.add(
          newline < 0
              ? new Edit(new TextRange(source.length(), source.length()), "\n\n" + definition)
              : new Edit(new TextRange(newline + 1, newline + 1), "\n" + definition));
    }
    TextRange scope = caller.isModuleBody() ? new TextRange(0, source.length()) : scopeOf(caller);
    String task = unusedName(source, "task", scope.start(), scope.end());
    String replacement =
        task
            + " = "
            + source.substring(start, end)
            + "\n"
            + indent
            + set
            + ".add("
            + task
            + ")\n"
            + indent
            + task
            + ".add_done_callback("
            + set
            + ".discard)";
    edits.add(new Edit(statement.range(), replacement));
    return new Fix(TITLE, FixAvailability.UNSAFE, edits);
  }

  private static TextRange scopeOf(FunctionInfo caller) {
    return caller.node().range();
  }

  /** Whether only blanks or a comment follow {@code offset} on its line. */
  private static boolean restOfLineIsFree(String source, int offset) {
    int newline = source.indexOf('\n', offset);
    String rest = source.substring(offset, newline < 0 ? source.length() : newline).strip();
    return rest.isEmpty() || rest.startsWith("#");
  }

  private static Stmt topLevelStatement(Module tree, int offset) {
    for (Stmt statement : tree.body()) {
      if (statement.range().contains(offset)) {
        return statement;
      }
    }
    return null;
  }

  /**
   * A module-level set of tasks to reuse: {@code _background_tasks = set()} or {@code
   * background_tasks = set()} (annotated or not), defined before {@code topLevel} when the call
   * runs at import time.
   */
  private static String existingSet(Module tree, Stmt topLevel, boolean importTime) {
    for (Stmt statement : tree.body()) {
      if (importTime && statement.range().start() >= topLevel.range().start()) {
        return null;
      }
      String name = TaskSyntax.assignedName(statement);
      Expr value = TaskSyntax.assignedValue(statement);
      if (name != null && REUSED_SETS.contains(name) && isEmptySet(value)) {
        return name;
      }
    }
    return null;
  }

  private static boolean isEmptySet(Expr value) {
    return value instanceof Expr.Call
        && ((Expr.Call) value).func() instanceof Expr.Name
        && ((Expr.Name) ((Expr.Call) value).func()).id().equals("set")
        && ((Expr.Call) value).args().isEmpty()
        && ((Expr.Call) value).keywords().isEmpty();
  }

  private static Stmt lastImportBefore(Module tree, Stmt topLevel) {
    Stmt last = null;
    for (Stmt statement : tree.body()) {
      if (statement == topLevel) {
        break;
      }
      if (statement instanceof Stmt.Import || statement instanceof Stmt.ImportFrom) {
        last = statement;
      }
    }
    return last;
  }

  /** Whether the module binds {@code asyncio} itself with a top-level {@code import asyncio}. */
  private static boolean importsAsyncio(Module tree) {
    for (Stmt statement : tree.body()) {
      if (statement instanceof Stmt.Import) {
        for (Alias alias : ((Stmt.Import) statement).names()) {
          if (alias.name().equals("asyncio") && alias.asName() == null) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** {@code base}, or {@code base_2}, {@code base_3}...: the first the text does not mention. */
  private static String unusedName(String source, String base, int from, int to) {
    String text = source.substring(from, to);
    String name = base;
    for (int i = 2; mentions(text, name); i++) {
      name = base + "_" + i;
    }
    return name;
  }

  private static boolean mentions(String text, String name) {
    return Pattern.compile("(?<![\\w.])" + Pattern.quote(name) + "(?!\\w)").matcher(text).find();
  }
}
