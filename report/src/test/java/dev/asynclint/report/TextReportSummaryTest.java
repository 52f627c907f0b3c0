package dev.asynclint.report;

import static dev.asynclint.report.Findings.BLOCKING_FILE_IO;
import static dev.asynclint.report.Findings.MISSING_AWAIT;
import static dev.asynclint.report.Findings.SEQUENTIAL_AWAIT;
import static dev.asynclint.report.Findings.blockingSleep;
import static dev.asynclint.report.Findings.finding;
import static dev.asynclint.report.Findings.input;
import static dev.asynclint.report.Findings.range;
import static org.assertj.core.api.Assertions.assertThat;

import dev.asynclint.lint.Diagnostic;
import dev.asynclint.lint.Edit;
import dev.asynclint.lint.Fix;
import dev.asynclint.lint.FixAvailability;
import dev.asynclint.text.TextRange;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextReportSummaryTest {
  private static final String SOURCE = "async def f():\n    open(p)\n    work()\n    await g(x)\n";

  private static Diagnostic fileIo() {
    return finding(BLOCKING_FILE_IO, "`open` blocks", "a.py", SOURCE, "open(p)");
  }

  private static Diagnostic sequential() {
    return finding(SEQUENTIAL_AWAIT, "one by one", "a.py", SOURCE, "await g(x)");
  }

  private static Diagnostic missingAwait() {
    int work = SOURCE.indexOf("work");
    return finding(
        MISSING_AWAIT,
        "`work()` is never awaited",
        "a.py",
        SOURCE,
        range(SOURCE, "work()"),
        List.of(),
        new Fix(
            "Add `await`",
            FixAvailability.UNSAFE,
            List.of(new Edit(new TextRange(work, work), "await "))));
  }

  private static String lastLines(String report, int count) {
    String[] lines = report.split("\n");
    return String.join("\n", List.of(lines).subList(lines.length - count, lines.length)) + "\n";
  }

  private static String render(ReportOptions options, ReportInput input) {
    return Findings.render(Format.TEXT, options, input);
  }

  @Test
  void noFindingsPassAllChecks() {
    assertThat(render(ReportOptions.DEFAULT, input(List.of()))).isEqualTo("All checks passed!\n");
    assertThat(render(ReportOptions.DEFAULT.withColor(true), input(List.of())))
        .isEqualTo("\u001b[1;32mAll checks passed!\u001b[0m\n");
  }

  @Test
  void countsEachSeverity() {
    String out =
        render(ReportOptions.DEFAULT, input(List.of(blockingSleep(), fileIo(), sequential())));
    assertThat(lastLines(out, 2))
        .isEqualTo(
            "Found 3 findings (1 error, 1 warning, 1 info).\n"
                + "[*] 1 fixable with the `--fix` option.\n");
    out =
        render(
            ReportOptions.DEFAULT, input(List.of(fileIo(), fileIo(), sequential(), sequential())));
    assertThat(lastLines(out, 1)).isEqualTo("Found 4 findings (2 warnings, 2 info).\n");
  }

  @Test
  void unsafeFixesAreHiddenAndCounted() {
    String out = render(ReportOptions.DEFAULT, input(List.of(missingAwait())));
    assertThat(out).startsWith("a.py:3:5: ASY300 `work()` is never awaited\n");
    assertThat(lastLines(out, 2))
        .isEqualTo(
            "Found 1 finding (1 error).\n"
                + "No fixes available (1 hidden fix can be enabled with the `--unsafe-fixes`"
                + " option).\n");
    out =
        render(
            ReportOptions.DEFAULT, input(List.of(blockingSleep(), missingAwait(), missingAwait())));
    assertThat(lastLines(out, 1))
        .isEqualTo(
            "[*] 1 fixable with the `--fix` option (2 hidden fixes can be enabled with the"
                + " `--unsafe-fixes` option).\n");
  }

  @Test
  void unsafeFixesOptionStarsThem() {
    String out =
        render(
            ReportOptions.DEFAULT.withUnsafeFixes(true),
            input(List.of(blockingSleep(), missingAwait())));
    assertThat(out).contains("a.py:3:5: ASY300 [*] `work()` is never awaited\n");
    assertThat(lastLines(out, 1)).isEqualTo("[*] 2 fixable with the `--fix` option.\n");
  }

  @Test
  void fixedFindingsAreCountedWithTheRemainingOnes() {
    assertThat(render(ReportOptions.DEFAULT, input(List.of(fileIo()), List.of(), 2)))
        .endsWith("\nFound 3 findings (2 fixed, 1 remaining).\n");
    assertThat(render(ReportOptions.DEFAULT, input(List.of(), List.of(), 1)))
        .isEqualTo("Found 1 finding (1 fixed, 0 remaining).\n");
  }

  @Test
  void fileErrorsAreListedAndCounted() {
    List<FileError> errors =
        List.of(
            new FileError("bad.py", "not valid UTF-8"),
            new FileError(null, "internal error in rule ASY503: boom"));
    assertThat(render(ReportOptions.DEFAULT, input(List.of(), errors, 0)))
        .isEqualTo(
            """
            error: bad.py: not valid UTF-8
            error: internal error in rule ASY503: boom
            No findings.
            2 files could not be checked (see above).
            """);
    assertThat(render(ReportOptions.DEFAULT, input(List.of(fileIo()), errors.subList(0, 1), 0)))
        .endsWith(
            "\nerror: bad.py: not valid UTF-8\n"
                + "Found 1 finding (1 warning).\n"
                + "1 file could not be checked (see above).\n");
  }

  @Test
  void quietLeavesOutTheSummary() {
    ReportOptions quiet = ReportOptions.DEFAULT.withQuiet(true);
    assertThat(render(quiet, input(List.of()))).isEmpty();
    String out =
        render(quiet, input(List.of(blockingSleep()), List.of(new FileError("x.py", "gone")), 0));
    assertThat(out).startsWith("app.py:5:5: ASY200 [*]").endsWith("\n\nerror: x.py: gone\n");
  }
}
