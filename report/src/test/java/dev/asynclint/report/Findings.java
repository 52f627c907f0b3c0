package dev.asynclint.report;

import dev.asynclint.lint.Diagnostic;
import dev.asynclint.lint.Edit;
import dev.asynclint.lint.Fix;
import dev.asynclint.lint.FixAvailability;
import dev.asynclint.lint.Related;
import dev.asynclint.lint.RuleMetadata;
import dev.asynclint.lint.Severity;
import dev.asynclint.text.TextRange;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/** Rules, findings and report runs for the reporter tests, built by hand. */
final class Findings {
  static final RuleMetadata BLOCKING_SLEEP =
      new RuleMetadata(
          "ASY200",
          "blocking-sleep",
          Severity.ERROR,
          FixAvailability.SAFE,
          List.of("ASYNC251"),
          "`time.sleep` in a coroutine blocks the event loop. Use `await asyncio.sleep` instead.");
  static final RuleMetadata BLOCKING_FILE_IO =
      new RuleMetadata(
          "ASY203",
          "blocking-file-io",
          Severity.WARNING,
          FixAvailability.NONE,
          List.of("ASYNC230"),
          "Synchronous file I/O in a coroutine blocks the event loop.");
  static final RuleMetadata BLOCKING_CALL_CHAIN =
      new RuleMetadata(
          "ASY208",
          "blocking-call-chain",
          Severity.ERROR,
          FixAvailability.NONE,
          List.of(),
          "A coroutine calls a function that blocks, through a chain of project calls.");
  static final RuleMetadata MISSING_AWAIT =
      new RuleMetadata(
          "ASY300",
          "missing-await",
          Severity.ERROR,
          FixAvailability.UNSAFE,
          List.of(),
          "A coroutine is created and never awaited.");
  static final RuleMetadata SEQUENTIAL_AWAIT =
      new RuleMetadata(
          "ASY303",
          "sequential-await-in-loop",
          Severity.INFO,
          FixAvailability.NONE,
          List.of(),
          "Independent awaits run one by one in a loop.");
  static final RuleMetadata SYNTAX_ERROR =
      new RuleMetadata(
          "ASY001",
          "syntax-error",
          Severity.ERROR,
          FixAvailability.NONE,
          List.of(),
          "The file is not valid Python.");

  static final String APP = "import time\n\n\nasync def handler():\n    time.sleep(1)\n";

  private Findings() {}

  /** The range of the first occurrence of {@code needle} in {@code source}. */
  static TextRange range(String source, String needle) {
    int start = source.indexOf(needle);
    if (start < 0) {
      throw new IllegalArgumentException(needle + " not in source");
    }
    return new TextRange(start, start + needle.length());
  }

  static Diagnostic finding(
      RuleMetadata rule, String message, String path, String source, String needle) {
    return new Diagnostic(rule, message, path, source, range(source, needle), List.of(), null);
  }

  static Diagnostic finding(
      RuleMetadata rule,
      String message,
      String path,
      String source,
      TextRange range,
      List<Related> related,
      Fix fix) {
    return new Diagnostic(rule, message, path, source, range, related, fix);
  }

  /** ASY200 on {@code time.sleep(1)} of {@link #APP}, with its safe fix. */
  static Diagnostic blockingSleep() {
    return finding(
        BLOCKING_SLEEP,
        "`time.sleep` blocks the event loop",
        "app.py",
        APP,
        range(APP, "time.sleep(1)"),
        List.of(),
        sleepFix());
  }

  static Fix sleepFix() {
    return new Fix(
        "Use `await asyncio.sleep(...)`",
        FixAvailability.SAFE,
        List.of(
            new Edit(range(APP, "time.sleep"), "await asyncio.sleep"),
            new Edit(new TextRange(0, 11), "import asyncio")));
  }

  static ReportInput input(List<Diagnostic> diagnostics) {
    return new ReportInput(diagnostics, List.of(), 1, List.of(), 0, "0.1.0");
  }

  static ReportInput input(List<Diagnostic> diagnostics, List<FileError> errors, int fixed) {
    return new ReportInput(diagnostics, List.of(), 1, errors, fixed, "0.1.0");
  }

  static String render(Format format, ReportOptions options, ReportInput input) {
    return render(format.reporter(options), input);
  }

  static String render(Reporter reporter, ReportInput input) {
    StringWriter text = new StringWriter();
    reporter.write(input, new PrintWriter(text));
    return text.toString();
  }
}
