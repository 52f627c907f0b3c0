package dev.asynclint.report;

import static dev.asynclint.report.Findings.BLOCKING_FILE_IO;
import static dev.asynclint.report.Findings.MISSING_AWAIT;
import static dev.asynclint.report.Findings.SEQUENTIAL_AWAIT;
import static dev.asynclint.report.Findings.blockingSleep;
import static dev.asynclint.report.Findings.finding;
import static dev.asynclint.report.Findings.input;
import static org.assertj.core.api.Assertions.assertThat;

import dev.asynclint.lint.Diagnostic;
import dev.asynclint.lint.Edit;
import dev.asynclint.lint.Fix;
import dev.asynclint.lint.FixAvailability;
import dev.asynclint.text.TextRange;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatisticsReportTest {
  private static final String SOURCE = "async def f():\n    open(p)\n    work()\n    await g(x)\n";
  private static final ReportOptions STATISTICS = ReportOptions.DEFAULT.withStatistics(true);

  private static List<Diagnostic> findings() {
    List<Diagnostic> findings = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      findings.add(blockingSleep());
    }
    findings.add(finding(BLOCKING_FILE_IO, "m", "a.py", SOURCE, "open(p)"));
    findings.add(finding(SEQUENTIAL_AWAIT, "m", "a.py", SOURCE, "await g(x)"));
    findings.add(finding(SEQUENTIAL_AWAIT, "m", "a.py", SOURCE, "await g(x)"));
    int work = SOURCE.indexOf("work");
    findings.add(
        finding(
            MISSING_AWAIT,
            "m",
            "a.py",
            SOURCE,
            new TextRange(work, work + 6),
            List.of(),
            new Fix(
                "Add `await`",
                FixAvailability.UNSAFE,
                List.of(new Edit(new TextRange(work, work), "await ")))));
    return findings;
  }

  @Test
  void textCountsPerRuleMostFrequentFirstThenByCode() {
    assertThat(Findings.render(Format.TEXT, STATISTICS, input(findings())))
        .isEqualTo(
            """
            12  ASY200  [*] blocking-sleep
             2  ASY303  [ ] sequential-await-in-loop
             1  ASY203  [ ] blocking-file-io
             1  ASY300  [ ] missing-await
            """);
  }

  @Test
  void unsafeFixesMakeTheirRulesFixable() {
    assertThat(
            Findings.render(
                Format.TEXT, STATISTICS.withUnsafeFixes(true), input(findings().subList(12, 16))))
        .isEqualTo(
            """
            2  ASY303  [ ] sequential-await-in-loop
            1  ASY203  [ ] blocking-file-io
            1  ASY300  [*] missing-await
            """);
  }

  @Test
  void withoutAnyFixTheMarkerColumnIsLeftOut() {
    assertThat(Findings.render(Format.TEXT, STATISTICS, input(findings().subList(12, 15))))
        .isEqualTo(
            """
            2  ASY303  sequential-await-in-loop
            1  ASY203  blocking-file-io
            """);
  }

  @Test
  void textColoursCountAndCode() {
    assertThat(
            Findings.render(
                Format.TEXT,
                STATISTICS.withColor(true),
                input(List.of(blockingSleep()), List.of(new FileError("x.py", "gone")), 0)))
        .isEqualTo(
            "\u001b[1m1\u001b[0m  \u001b[1;31mASY200\u001b[0m  \u001b[36m[*]\u001b[0m blocking-sleep\n"
                + "\u001b[1;31merror\u001b[0m: x.py: gone\n");
  }

  @Test
  void noFindingsPrintNothing() {
    assertThat(Findings.render(Format.TEXT, STATISTICS, input(List.of()))).isEmpty();
  }

  @Test
  void jsonListsCodeNameCountAndFixable() {
    assertThat(Findings.render(Format.JSON, STATISTICS, input(findings().subList(11, 16))))
        .isEqualTo(
            """
            [
              {
                "code": "ASY303",
                "name": "sequential-await-in-loop",
                "count": 2,
                "fixable": false
              },
              {
                "code": "ASY200",
                "name": "blocking-sleep",
                "count": 1,
                "fixable": true
              },
              {
                "code": "ASY203",
                "name": "blocking-file-io",
                "count": 1,
                "fixable": false
              },
              {
                "code": "ASY300",
                "name": "missing-await",
                "count": 1,
                "fixable": false
              }
            ]
            """);
    assertThat(Findings.render(Format.JSON, STATISTICS, input(List.of()))).isEqualTo("[]\n");
  }
}
