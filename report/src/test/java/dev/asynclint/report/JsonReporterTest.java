package dev.asynclint.report;

import static dev.asynclint.report.Findings.BLOCKING_CALL_CHAIN;
import static dev.asynclint.report.Findings.blockingSleep;
import static dev.asynclint.report.Findings.finding;
import static dev.asynclint.report.Findings.input;
import static dev.asynclint.report.Findings.range;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.asynclint.lint.Diagnostic;
import dev.asynclint.lint.Related;
import dev.asynclint.text.TextRange;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonReporterTest {
  private static String json(ReportInput input) {
    return Findings.render(Format.JSON, ReportOptions.DEFAULT, input);
  }

  /** ASY208 after an emoji (one code point, two UTF-16 units), linked to a helper elsewhere. */
  private static Diagnostic chainAfterEmoji() {
    String app = "async def f():\n    s = '\uD83D\uDE00'; helper()\n";
    String util = "def helper():\n    time.sleep(1)\n";
    return finding(
        BLOCKING_CALL_CHAIN,
        "`helper()` calls `time.sleep`",
        "pkg/app.py",
        app,
        range(app, "helper()"),
        List.of(new Related("pkg/util.py", util, range(util, "time.sleep(1)"), "blocks here")),
        null);
  }

  @Test
  void findingsInTheSpecifiedShape() {
    assertThat(json(input(List.of(blockingSleep(), chainAfterEmoji()))))
        .isEqualTo(
            """
            [
              {
                "code": "ASY200",
                "name": "blocking-sleep",
                "severity": "error",
                "message": "`time.sleep` blocks the event loop",
                "path": "app.py",
                "line": 5,
                "column": 5,
                "endLine": 5,
                "endColumn": 18,
                "fix": {
                  "applicability": "safe",
                  "edits": [
                    {
                      "line": 1,
                      "column": 1,
                      "endLine": 1,
                      "endColumn": 12,
                      "content": "import asyncio"
                    },
                    {
                      "line": 5,
                      "column": 5,
                      "endLine": 5,
                      "endColumn": 15,
                      "content": "await asyncio.sleep"
                    }
                  ]
                },
                "related": [],
                "url": "https://github.com/asynclint/asynclint/blob/main/docs/rules/ASY200.md"
              },
              {
                "code": "ASY208",
                "name": "blocking-call-chain",
                "severity": "error",
                "message": "`helper()` calls `time.sleep`",
                "path": "pkg/app.py",
                "line": 2,
                "column": 14,
                "endLine": 2,
                "endColumn": 22,
                "fix": null,
                "related": [
                  {
                    "path": "pkg/util.py",
                    "line": 2,
                    "column": 5,
                    "message": "blocks here"
                  }
                ],
                "url": "https://github.com/asynclint/asynclint/blob/main/docs/rules/ASY208.md"
              }
            ]
            """);
  }

  @Test
  void noFindingsAreAnEmptyArray() {
    assertThat(json(input(List.of()))).isEqualTo("[]\n");
  }

  @Test
  void fileErrorsAreNotInTheArray() {
    assertThat(json(input(List.of(), List.of(new FileError("bad.py", "unreadable")), 0)))
        .isEqualTo("[]\n");
  }

  @Test
  void stringsAreEscapedAndTheOutputParses() throws Exception {
    String source = "x = \"a\\tb\"\n";
    Diagnostic quoted =
        finding(BLOCKING_CALL_CHAIN, "quote \" backslash \\ tab \t é", "dir\\f.py", source, "x");
    JsonNode tree = new ObjectMapper().readTree(json(input(List.of(quoted))));
    assertThat(tree.get(0).get("message").asText()).isEqualTo("quote \" backslash \\ tab \t é");
    assertThat(tree.get(0).get("path").asText()).isEqualTo("dir\\f.py");
  }

  @Test
  void multiLineSpansEndOnTheirLastLineWithExclusiveColumn() {
    String source = "await gather(\n    a,\n)\n";
    Diagnostic span =
        finding(
            BLOCKING_CALL_CHAIN,
            "m",
            "m.py",
            source,
            new TextRange(6, source.length() - 1),
            List.of(),
            null);
    JsonNode finding = parse(json(input(List.of(span)))).get(0);
    assertThat(List.of(finding.get("line").asInt(), finding.get("column").asInt()))
        .containsExactly(1, 7);
    assertThat(List.of(finding.get("endLine").asInt(), finding.get("endColumn").asInt()))
        .containsExactly(3, 2);
  }

  private static JsonNode parse(String json) {
    try {
      return new ObjectMapper().readTree(json);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
