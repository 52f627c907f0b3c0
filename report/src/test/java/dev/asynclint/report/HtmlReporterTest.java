package dev.asynclint.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.asynclint.lint.Diagnostic;
import dev.asynclint.lint.Fix;
import dev.asynclint.lint.FixAvailability;
import dev.asynclint.lint.Related;
import dev.asynclint.text.TextRange;
import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlReporterTest {
  private static final String OPEN = "<script type=\"application/json\" id=\"asynclint-data\">";
  private static final String HOSTILE =
      "</script><script>alert(1)</script><img src=x onerror=alert(1)><!-- ]]> &amp; \u2028\u2029";

  private static String data(String html) {
    int start = html.indexOf(OPEN) + OPEN.length();
    return html.substring(start, html.indexOf("</script>", start));
  }

  private static String markup(String html) {
    return html.replace(data(html), "");
  }

  @Test
  void messagesPathsRelatedLocationsAndFixesStayInsideTheData() throws Exception {
    String source = "import time\n# " + HOSTILE + "\nasync def f():\n    time.sleep(1)\n";
    String path = "pkg/" + HOSTILE + ".py";
    Diagnostic diagnostic =
        Findings.finding(
            Findings.BLOCKING_CALL_CHAIN,
            "`" + HOSTILE + "` blocks",
            path,
            source,
            Findings.range(source, "time.sleep(1)"),
            List.of(new Related(path, source, Findings.range(source, "# "), HOSTILE)),
            new Fix(HOSTILE, FixAvailability.UNSAFE, List.of()));
    String html = Findings.render(new HtmlReporter(), Findings.input(List.of(diagnostic)));
    String empty = Findings.render(new HtmlReporter(), Findings.input(List.of()));

    assertThat(markup(html)).isEqualTo(markup(empty)).doesNotContain("alert", "onerror");
    String data = data(html);
    assertThat(data).doesNotContain("<", ">", "&", "\u2028", "\u2029").contains("\\u003C/script");
    JsonNode tree = new ObjectMapper().readTree(data);
    JsonNode finding = tree.path("findings").get(0);
    assertThat(finding.path("message").asText()).isEqualTo("`" + HOSTILE + "` blocks");
    assertThat(finding.path("fix").path("title").asText()).isEqualTo(HOSTILE);
    assertThat(finding.path("fix").path("applicability").asText()).isEqualTo("unsafe");
    assertThat(finding.path("related").get(0).path("message").asText()).isEqualTo(HOSTILE);
    assertThat(finding.path("related").get(0).path("line").asInt()).isEqualTo(2);
    assertThat(tree.path("files").get(0).asText()).isEqualTo(path);
    assertThat(tree.path("lines").get(0).path("2").asText()).isEqualTo("# " + HOSTILE);
  }

  @Test
  void framesKeepTwoLinesAroundAndCutLongLines() throws Exception {
    StringBuilder source = new StringBuilder();
    for (int line = 1; line <= 20; line++) {
      source.append(line == 10 ? "x".repeat(1000) : "line" + line).append('\n');
    }
    String text = source.toString();
    Diagnostic diagnostic =
        Findings.finding(
            Findings.BLOCKING_SLEEP,
            "m",
            "a.py",
            text,
            new TextRange(text.indexOf("x"), text.indexOf("x") + 3),
            List.of(),
            null);
    JsonNode tree =
        new ObjectMapper()
            .readTree(
                data(Findings.render(new HtmlReporter(), Findings.input(List.of(diagnostic)))));
    JsonNode lines = tree.path("lines").get(0);
    assertThat(lines.fieldNames()).toIterable().containsExactly("8", "9", "10", "11", "12");
    assertThat(lines.path("10").asText()).hasSize(HtmlReporter.MAX_LINE_LENGTH);
    assertThat(tree.path("rules").path("ASY200").path("family").asText())
        .isEqualTo("ASY2xx blocking the event loop");
    assertThat(tree.path("rules").path("ASY200").path("doc").get(0).asText())
        .startsWith("Reports `time.sleep()` called in async context");
  }

  @Test
  void whatItDoesIsTheFirstSectionAsParagraphs() {
    String page =
        "## What it does\nReports a thing\nover two lines.\n\n- a list item\n- another\n\n"
            + "## Why is this bad?\nBecause.\n";
    assertThat(HtmlReporter.whatItDoes(page))
        .containsExactly("Reports a thing over two lines.", "- a list item", "- another");
  }

  @Test
  void familiesFollowTheCatalog() {
    assertThat(HtmlReporter.family("ASY001")).isEqualTo("ASY0xx general");
    assertThat(HtmlReporter.family("ASY503")).isEqualTo("ASY5xx concurrency and resources");
    assertThat(HtmlReporter.family("X")).isEqualTo("other");
  }
}
