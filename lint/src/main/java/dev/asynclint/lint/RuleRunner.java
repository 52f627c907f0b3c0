package dev.asynclint.lint;

import dev.asynclint.semantic.project.CallSite;
import dev.asynclint.semantic.project.FunctionInfo;
import dev.asynclint.semantic.project.Project;
import dev.asynclint.semantic.project.Resolver;
import dev.asynclint.semantic.project.SourceModule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs rules over a built project: each file's call sites and functions go to the rules that
 * subscribed to them, then the project rules run. A rule that throws on one file does not stop the
 * others: the failure is recorded and the run goes on.
 */
public final class RuleRunner {
  /** A rule that threw while checking a file (null file: while checking the project). */
  public record Failure(String rule, String path, Throwable error) {}

  private final List<CallRule> callRules = new ArrayList<>();
  private final List<FunctionRule> functionRules = new ArrayList<>();
  private final List<FileRule> fileRules = new ArrayList<>();
  private final List<ProjectRule> projectRules = new ArrayList<>();

  public RuleRunner(List<? extends Rule> rules) {
    for (Rule rule : rules) {
      if (rule instanceof CallRule) {
        callRules.add((CallRule) rule);
      }
      if (rule instanceof FunctionRule) {
        functionRules.add((FunctionRule) rule);
      }
      if (rule instanceof FileRule) {
        fileRules.add((FileRule) rule);
      }
      if (rule instanceof ProjectRule) {
        projectRules.add((ProjectRule) rule);
      }
    }
  }

  /** The context one file's findings are reported into. */
  public FileContext context(
      Project project, SourceModule module, Settings settings, String displayPath) {
    return new FileContext(project, module, new Resolver(project.index()), settings, displayPath);
  }

  /**
   * The work of a run, in units that may run side by side on different threads: one per project
   * rule (each with a resolver of its own), then one per file (its call, function and file rules).
   * Every unit records a rule that throws in {@code failures}, which must be safe to add to from
   * several threads.
   */
  public List<Runnable> work(
      Project project,
      Settings settings,
      Map<SourceModule, FileContext> files,
      List<Failure> failures) {
    List<Runnable> work = new ArrayList<>();
    for (ProjectRule rule : projectRules) {
      work.add(() -> checkProject(rule, project, settings, files, failures));
    }
    // The longest files first, so that the last units to finish are short ones and no thread
    // waits long for another at the end.
    List<FileContext> longestFirst = new ArrayList<>(files.values());
    longestFirst.sort(
        Comparator.comparingInt((FileContext context) -> context.module().source().length())
            .reversed());
    for (FileContext context : longestFirst) {
      work.add(() -> checkFile(context, failures));
    }
    return work;
  }

  private void checkFile(FileContext context, List<Failure> failures) {
    Project project = context.project();
    SourceModule module = context.module();
    for (CallRule rule : callRules) {
      try {
        for (CallSite site : project.callSites(module)) {
          rule.checkCall(site, context);
        }
      } catch (RuntimeException | StackOverflowError e) {
        failures.add(new Failure(rule.metadata().code(), context.displayPath(), e));
      }
    }
    for (FunctionRule rule : functionRules) {
      try {
        for (FunctionInfo function : project.index().functionsOf(module)) {
          if (!function.isModuleBody()) {
            rule.checkFunction(function, context);
          }
        }
      } catch (RuntimeException | StackOverflowError e) {
        failures.add(new Failure(rule.metadata().code(), context.displayPath(), e));
      }
    }
    for (FileRule rule : fileRules) {
      try {
        rule.checkFile(context);
      } catch (RuntimeException | StackOverflowError e) {
        failures.add(new Failure(rule.metadata().code(), context.displayPath(), e));
      }
    }
  }

  private static void checkProject(
      ProjectRule rule,
      Project project,
      Settings settings,
      Map<SourceModule, FileContext> files,
      List<Failure> failures) {
    ProjectContext context =
        new ProjectContext(project, new Resolver(project.index()), settings, files);
    try {
      rule.checkProject(context);
    } catch (RuntimeException | StackOverflowError e) {
      failures.add(new Failure(rule.metadata().code(), null, e));
    }
  }

  /** Checks every module on this thread: for tests and small projects. */
  public List<Diagnostic> checkAll(
      Project project,
      Settings settings,
      Map<SourceModule, String> displayPaths,
      List<Failure> failures) {
    Map<SourceModule, FileContext> files = new LinkedHashMap<>();
    for (SourceModule module : project.index().modules()) {
      files.put(module, context(project, module, settings, displayPaths.get(module)));
    }
    for (Runnable unit : work(project, settings, files, failures)) {
      unit.run();
    }
    List<Diagnostic> diagnostics = new ArrayList<>();
    for (FileContext file : files.values()) {
      diagnostics.addAll(file.diagnostics());
    }
    return diagnostics;
  }
}
