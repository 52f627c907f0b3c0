package dev.asynclint.report;

import static dev.asynclint.report.Findings.BLOCKING_FILE_IO;
import static dev.asynclint.report.Findings.SEQUENTIAL_AWAIT;
import static dev.asynclint.report.Findings.blockingSleep;
import static dev.asynclint.report.Findings.finding;
import static dev.asynclint.report.Findings.input;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GithubReporterTest {
  private static final String SOURCE = "async def f():\n    open(p)\n    await g(x)\n";

  private static String github(ReportInput input) {
    return Findings.render(Format.GITHUB, ReportOptions.DEFAULT, input);
  }

  @Test
  void oneCommandPerFindingBySeverity() {
    assertThat(
            github(
                input(
                    List.of(
                        blockingSleep(),
                        finding(BLOCKING_FILE_IO, "`open` blocks", "a.py", SOURCE, "open(p)"),
                        finding(SEQUENTIAL_AWAIT, "one by one", "a.py", SOURCE, "await g(x)")))))
        .isEqualTo(
            "::error file=app.py,line=5,col=5,endLine=5,endColumn=18,title=ASY200 blocking-sleep"
                + "::`time.sleep` blocks the event loop\n"
                + "::warning file=a.py,line=2,col=5,endLine=2,endColumn=12,"
                + "title=ASY203 blocking-file-io::`open` blocks\n"
                + "::notice file=a.py,line=3,col=5,endLine=3,endColumn=15,"
                + "title=ASY303 sequential-await-in-loop::one by one\n");
  }

  @Test
  void messagesEscapePercentAndLineBreaksAndPropertiesAlsoCommaAndColon() {
    String message = "100% blocked:\r\nsee `a, b`";
    assertThat(
            github(
                input(
                    List.of(finding(BLOCKING_FILE_IO, message, "dir,x/a:b%.py", SOURCE, "open")))))
        .isEqualTo(
            "::warning file=dir%2Cx/a%3Ab%25.py,line=2,col=5,endLine=2,endColumn=9,"
                + "title=ASY203 blocking-file-io::100%25 blocked:%0D%0Asee `a, b`\n");
  }

  @Test
  void escapes() {
    assertThat(GithubReporter.escapeData("a%b\rc\nd:e,f")).isEqualTo("a%25b%0Dc%0Ad:e,f");
    assertThat(GithubReporter.escapeProperty("a%b\rc\nd:e,f")).isEqualTo("a%25b%0Dc%0Ad%3Ae%2Cf");
  }

  @Test
  void fileErrorsAreErrorsOnTheirFile() {
    assertThat(
            github(
                input(
                    List.of(),
                    List.of(
                        new FileError("bad.py", "not UTF-8\nat byte 3"),
                        new FileError(null, "internal error")),
                    0)))
        .isEqualTo(
            "::error file=bad.py,title=asynclint::not UTF-8%0Aat byte 3\n"
                + "::error title=asynclint::internal error\n");
  }

  @Test
  void noFindingsPrintNothing() {
    assertThat(github(input(List.of()))).isEmpty();
  }
}
