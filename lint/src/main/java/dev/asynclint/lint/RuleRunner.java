package dev.asynclint.lint;

import dev.asynclint.semantic.project.CallSite;
import dev.asynclint.semantic.project.FunctionInfo;
import dev.asynclint.semantic.project.Project;
import dev.asynclint.semantic.project.Resolver;
import dev.asynclint.semantic.project.SourceModule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.stream.Stream;

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

  /**
   * Checks one file with the call, function and file rules; safe to call for different files from
   * different threads.
   */
  public FileContext checkFile(
      Project project,
      SourceModule module,
      Settings settings,
      String displayPath,
      List<Failure> failures) {
    FileContext context =
        new FileContext(project, module, new Resolver(project.index()), settings, displayPath);
    for (CallRule rule : callRules) {
      try {
        for (CallSite site : project.callSites(module)) {
          rule.checkCall(site, context);
        }
      } catch (RuntimeException | StackOverflowError e) {
        failures.add(new Failure(rule.metadata().code(), displayPath, e));
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
        failures.add(new Failure(rule.metadata().code(), displayPath, e));
      }
    }
    for (FileRule rule : fileRules) {
      try {
        rule.checkFile(context);
      } catch (RuntimeException | StackOverflowError e) {
        failures.add(new Failure(rule.metadata().code(), displayPath, e));
      }
    }
    return context;
  }

  /**
   * Runs the project rules, reporting into the files' contexts. Called from a pool's thread, the
   * rules run side by side in that pool, each with a resolver of its own.
   */
  public void checkProject(
      Project project,
      Settings settings,
      Map<SourceModule, FileContext> files,
      List<Failure> failures) {
    Stream<ProjectRule> rules =
        Thread.currentThread() instanceof ForkJoinWorkerThread
            ? projectRules.parallelStream()
            : projectRules.stream();
    rules.forEach(
        rule -> {
          ProjectContext context =
              new ProjectContext(project, new Resolver(project.index()), settings, files);
          try {
            rule.checkProject(context);
          } catch (RuntimeException | StackOverflowError e) {
            failures.add(new Failure(rule.metadata().code(), null, e));
          }
        });
  }

  /** Checks every module on this thread: for tests and small projects. */
  public List<Diagnostic> checkAll(
      Project project,
      Settings settings,
      Map<SourceModule, String> displayPaths,
      List<Failure> failures) {
    Map<SourceModule, FileContext> files = new LinkedHashMap<>();
    for (SourceModule module : project.index().modules()) {
      files.put(module, checkFile(project, module, settings, displayPaths.get(module), failures));
    }
    checkProject(project, settings, files, failures);
    List<Diagnostic> diagnostics = new ArrayList<>();
    for (FileContext file : files.values()) {
      diagnostics.addAll(file.diagnostics());
    }
    return diagnostics;
  }
}
