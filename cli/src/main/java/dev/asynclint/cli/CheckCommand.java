package dev.asynclint.cli;

import dev.asynclint.engine.Check;
import dev.asynclint.engine.LintResult;
import dev.asynclint.engine.config.ConfigurationException;
import dev.asynclint.engine.config.SelectionOverrides;
import dev.asynclint.engine.fix.FixMode;
import dev.asynclint.engine.fix.Fixer;
import dev.asynclint.report.FileError;
import dev.asynclint.report.Format;
import dev.asynclint.report.ReportInput;
import dev.asynclint.report.ReportOptions;
import dev.asynclint.report.Reporter;
import dev.asynclint.syntax.PythonVersion;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code asynclint check [PATH...]}: finds asyncio misuse and reports it. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = "Check Python files and directories for asyncio misuse.")
final class CheckCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "PATH", description = "Files or directories (default: the current one).")
  List<Path> paths = new ArrayList<>();

  @Option(
      names = "--select",
      paramLabel = "CODES",
      split = ",",
      description =
          "Rules to enable, by code or prefix (ASY2, ASY30); replaces the configuration's.")
  List<String> select;

  @Option(
      names = "--ignore",
      paramLabel = "CODES",
      split = ",",
      description = "Rules to disable, by code or prefix.")
  List<String> ignore = new ArrayList<>();

  @Option(
      names = "--extend-select",
      paramLabel = "CODES",
      split = ",",
      description = "Rules to enable in addition to the selected ones.")
  List<String> extendSelect = new ArrayList<>();

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description =
          "text (default), json, sarif, github or html (one self-contained page; use with --output).")
  String format;

  @Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE.")
  Path output;

  @Option(names = "--fix", description = "Apply the fixes of the findings and write the files.")
  boolean fix;

  @Option(
      names = "--diff",
      description =
          "Show the fixes as a unified diff per file instead of applying them; writes nothing."
              + " Exits with 1 when there is a diff.")
  boolean diff;

  @Option(
      names = "--unsafe-fixes",
      description = "Apply unsafe fixes too, and count them as available in the report.")
  boolean unsafeFixes;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Use this configuration file instead of discovering one.")
  Path config;

  @Option(
      names = "--no-cache",
      description = "Do not read or write the cache of findings (.asynclint_cache/).")
  boolean noCache;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Files to work on at once (default: the number of cores).")
  Integer threads;

  @Option(names = "--exit-zero", description = "Exit with 0 even when there are findings.")
  boolean exitZero;

  @Option(names = "--statistics", description = "Show the number of findings per rule.")
  boolean statistics;

  @Option(names = "--quiet", description = "Print the findings only, without the summary.")
  boolean quiet;

  @Option(
      names = "--target-version",
      paramLabel = "VERSION",
      converter = PythonVersionConverter.class,
      description = "The oldest Python the code must run on (py38..py314).")
  PythonVersion targetVersion;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    Format reportFormat;
    Reporter reporter;
    try {
      reportFormat = Format.parse(format);
      boolean color =
          output == null && System.console() != null && System.getenv("NO_COLOR") == null;
      reporter = reportFormat.reporter(new ReportOptions(color, statistics, unsafeFixes, quiet));
    } catch (IllegalArgumentException e) {
      err.println("asynclint: " + e.getMessage());
      return ExitStatus.ERROR;
    }
    if (threads != null && threads < 1) {
      err.println("asynclint: --threads must be at least 1");
      return ExitStatus.ERROR;
    }
    List<Path> checked = paths.isEmpty() ? List.of(Path.of(".")) : paths;
    Check.Outcome outcome;
    try {
      outcome =
          Check.run(
              new Check.Request(
                  checked,
                  Path.of("").toAbsolutePath(),
                  config,
                  new SelectionOverrides(select, ignore, extendSelect),
                  targetVersion,
                  threads == null ? Runtime.getRuntime().availableProcessors() : threads,
                  diff ? FixMode.DIFF : fix ? FixMode.FIX : FixMode.NONE,
                  unsafeFixes,
                  !noCache));
    } catch (ConfigurationException e) {
      err.println("asynclint: " + e.getMessage());
      return ExitStatus.ERROR;
    }
    if (!outcome.missing().isEmpty()) {
      for (Path missing : outcome.missing()) {
        err.println("asynclint: " + missing + ": no such file or directory");
      }
      return ExitStatus.ERROR;
    }
    if (outcome.filesChecked() == 0 && !quiet) {
      err.println("asynclint: warning: no Python files found under the given paths");
    }
    List<FileError> errors = new ArrayList<>();
    for (LintResult.FileError error : outcome.errors()) {
      errors.add(new FileError(error.path(), error.message()));
      if (error.cause() != null) {
        printTrace(err, error);
      }
    }
    if (diff) {
      return showDiffs(outcome, errors, err);
    }
    ReportInput input =
        new ReportInput(
            outcome.diagnostics(),
            outcome.rules(),
            outcome.filesChecked(),
            errors,
            outcome.fixed(),
            Version.number());
    if (!write(out -> reporter.write(input, out), err)) {
      return ExitStatus.ERROR;
    }
    if (!reportFormat.reportsFileErrors()) {
      for (FileError error : errors) {
        err.println("asynclint: " + error.describe());
      }
    }
    if (!errors.isEmpty()) {
      return ExitStatus.ERROR;
    }
    return outcome.diagnostics().isEmpty() || exitZero ? ExitStatus.CLEAN : ExitStatus.FINDINGS;
  }

  /**
   * {@code --diff}: the diffs instead of the report, like ruff: exit status 1 when there is one
   * (unless {@code --exit-zero}), a short summary on standard error.
   */
  private int showDiffs(Check.Outcome outcome, List<FileError> errors, PrintWriter err) {
    boolean written =
        write(
            out -> {
              for (Fixer.FileDiff fileDiff : outcome.diffs()) {
                out.print(fileDiff.diff());
              }
              out.flush();
            },
            err);
    if (!written) {
      return ExitStatus.ERROR;
    }
    for (FileError error : errors) {
      err.println("asynclint: " + error.describe());
    }
    if (!quiet) {
      int fixed = outcome.fixed();
      err.println(
          fixed == 0
              ? "No findings would be fixed."
              : "Would fix " + fixed + (fixed == 1 ? " finding." : " findings."));
    }
    if (!errors.isEmpty()) {
      return ExitStatus.ERROR;
    }
    return outcome.diffs().isEmpty() || exitZero ? ExitStatus.CLEAN : ExitStatus.FINDINGS;
  }

  private boolean write(Consumer<PrintWriter> content, PrintWriter err) {
    if (output == null) {
      content.accept(spec.commandLine().getOut());
      return true;
    }
    try (PrintWriter file =
        new PrintWriter(
            new BufferedWriter(
                new OutputStreamWriter(Files.newOutputStream(output), StandardCharsets.UTF_8)))) {
      content.accept(file);
      return true;
    } catch (IOException e) {
      err.println("asynclint: cannot write " + output + ": " + e.getMessage());
      return false;
    }
  }

  /** A crash inside asynclint: the stack trace goes to standard error for the bug report. */
  private static void printTrace(PrintWriter err, LintResult.FileError error) {
    err.println("asynclint: " + error.path() + ": " + error.message());
    for (StackTraceElement frame : error.cause().getStackTrace()) {
      err.println("\tat " + frame);
    }
  }
}
