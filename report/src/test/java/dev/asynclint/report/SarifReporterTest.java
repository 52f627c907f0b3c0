package dev.asynclint.report;

import static dev.asynclint.report.Findings.BLOCKING_CALL_CHAIN;
import static dev.asynclint.report.Findings.BLOCKING_FILE_IO;
import static dev.asynclint.report.Findings.BLOCKING_SLEEP;
import static dev.asynclint.report.Findings.MISSING_AWAIT;
import static dev.asynclint.report.Findings.SEQUENTIAL_AWAIT;
import static dev.asynclint.report.Findings.SYNTAX_ERROR;
import static dev.asynclint.report.Findings.blockingSleep;
import static dev.asynclint.report.Findings.finding;
import static dev.asynclint.report.Findings.range;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.asynclint.lint.Diagnostic;
import dev.asynclint.lint.Edit;
import dev.asynclint.lint.Fix;
import dev.asynclint.lint.FixAvailability;
import dev.asynclint.lint.Related;
import dev.asynclint.text.TextRange;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SarifReporterTest {
  /**
   * The official schema, in the shared folder beside the checkout (tests run in {@code report/}).
   */
  private static final Path SCHEMA = Path.of("../../shared/data/sarif-schema-2.1.0.json");

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static JsonSchema schema;

  @BeforeAll
  static void loadSchema() throws IOException {
    assertThat(Files.isRegularFile(SCHEMA))
        .as(
            "the SARIF 2.1.0 schema is missing at %s: the report tests need the shared folder"
                + " beside the checkout",
            SCHEMA.toAbsolutePath().normalize())
        .isTrue();
    try (InputStream in = Files.newInputStream(SCHEMA)) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
    }
  }

  private static JsonNode sarif(ReportInput input) {
    String text = Findings.render(new SarifReporter('/'), input);
    try {
      return MAPPER.readTree(text);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static void assertValid(JsonNode log) {
    Set<ValidationMessage> errors = schema.validate(log);
    assertThat(errors).as("schema violations").isEmpty();
  }

  private static ReportInput richInput() {
    String util = "import time\n\n\ndef helper():\n    time.sleep(1)\n";
    String app = "async def handler():\n    helper()\n    open(p)\n    work()\n";
    int work = app.indexOf("work()");
    Diagnostic chain =
        finding(
            BLOCKING_CALL_CHAIN,
            "`helper()` blocks the event loop through `time.sleep`",
            "app.py",
            app,
            range(app, "helper()"),
            List.of(
                new Related("lib/util.py", util, range(util, "helper"), "`helper` is defined here"),
                new Related(
                    "lib/util.py", util, range(util, "time.sleep(1)"), "calls `time.sleep`")),
            null);
    Diagnostic missing =
        finding(
            MISSING_AWAIT,
            "`work()` is never awaited",
            "app.py",
            app,
            new TextRange(work, work + 6),
            List.of(),
            new Fix(
                "Add `await`",
                FixAvailability.UNSAFE,
                List.of(new Edit(new TextRange(work, work), "await "))));
    Diagnostic deletion =
        finding(
            BLOCKING_FILE_IO,
            "`open` blocks",
            "my dir/ünï#.py",
            app,
            range(app, "open(p)"),
            List.of(),
            new Fix(
                "Remove it",
                FixAvailability.SAFE,
                List.of(new Edit(range(app, "    open(p)\n"), ""))));
    Diagnostic syntax =
        finding(
            SYNTAX_ERROR,
            "unexpected end of file",
            "/abs/bad.py",
            "x = (\n",
            new TextRange(6, 6),
            List.of(),
            null);
    return new ReportInput(
        List.of(syntax, blockingSleep(), chain, deletion, missing),
        List.of(
            BLOCKING_SLEEP, BLOCKING_FILE_IO, BLOCKING_CALL_CHAIN, MISSING_AWAIT, SEQUENTIAL_AWAIT),
        7,
        List.of(
            new FileError("latin.py", "not valid UTF-8"), new FileError(null, "internal error")),
        0,
        "0.1.0");
  }

  @Test
  void richLogIsValidSarif() {
    assertValid(sarif(richInput()));
  }

  @Test
  void emptyLogIsValidSarif() {
    JsonNode log = sarif(new ReportInput(List.of(), List.of(), 0, List.of(), 0, "0.1.0"));
    assertValid(log);
    assertThat(log.at("/runs/0/results")).isEmpty();
    assertThat(log.at("/runs/0/invocations/0/executionSuccessful").asBoolean()).isTrue();
    assertThat(log.at("/runs/0/invocations/0/toolExecutionNotifications").isMissingNode()).isTrue();
  }

  @Test
  void theSchemaCatchesAnInvalidLog() {
    ObjectNode log = (ObjectNode) sarif(richInput());
    ((ObjectNode) log.at("/runs/0/results/1/locations/0/physicalLocation/region"))
        .put("startColumn", 0);
    assertThat(schema.validate(log)).isNotEmpty();
  }

  @Test
  void headerAndDriver() {
    JsonNode log = sarif(richInput());
    assertThat(log.get("$schema").asText()).isEqualTo(SarifReporter.SCHEMA);
    assertThat(log.get("version").asText()).isEqualTo("2.1.0");
    JsonNode run = log.at("/runs/0");
    assertThat(run.get("columnKind").asText()).isEqualTo("unicodeCodePoints");
    JsonNode driver = run.at("/tool/driver");
    assertThat(driver.get("name").asText()).isEqualTo("asynclint");
    assertThat(driver.get("version").asText()).isEqualTo("0.1.0");
    assertThat(driver.get("informationUri").asText())
        .isEqualTo("https://github.com/asynclint/asynclint");
  }

  @Test
  void rulesAreTheCatalogThenRulesOutsideIt() throws IOException {
    JsonNode rules = sarif(richInput()).at("/runs/0/tool/driver/rules");
    assertThat(rules)
        .extracting(rule -> rule.get("id").asText())
        .containsExactly("ASY200", "ASY203", "ASY208", "ASY300", "ASY303", "ASY001");
    assertThat(rules.get(0))
        .isEqualTo(
            MAPPER.readTree(
                """
                {
                  "id": "ASY200",
                  "name": "blocking-sleep",
                  "shortDescription": {"text": "`time.sleep` in a coroutine blocks the event loop."},
                  "fullDescription": {
                    "text": "`time.sleep` in a coroutine blocks the event loop. Use `await asyncio.sleep` instead."
                  },
                  "helpUri": "https://github.com/asynclint/asynclint/blob/main/docs/rules/ASY200.md",
                  "defaultConfiguration": {"level": "error"},
                  "properties": {"fix": "safe", "equivalents": ["ASYNC251"]}
                }
                """));
    assertThat(rules.get(1).at("/defaultConfiguration/level").asText()).isEqualTo("warning");
    assertThat(rules.get(4).at("/defaultConfiguration/level").asText()).isEqualTo("note");
    assertThat(rules.get(4).at("/properties/fix").asText()).isEqualTo("none");
  }

  @Test
  void resultPointsAtItsRuleAndRegionInCodePoints() throws IOException {
    JsonNode result = sarif(richInput()).at("/runs/0/results/1");
    assertThat(result.get("ruleId").asText()).isEqualTo("ASY200");
    assertThat(result.get("ruleIndex").asInt()).isEqualTo(0);
    assertThat(result.get("level").asText()).isEqualTo("error");
    assertThat(result.at("/message/text").asText()).isEqualTo("`time.sleep` blocks the event loop");
    assertThat(result.at("/locations/0"))
        .isEqualTo(
            MAPPER.readTree(
                """
                {"physicalLocation": {
                  "artifactLocation": {"uri": "app.py", "uriBaseId": "%SRCROOT%"},
                  "region": {"startLine": 5, "startColumn": 5, "endLine": 5, "endColumn": 18}
                }}
                """));
    assertThat(result.has("relatedLocations")).isFalse();
    assertThat(result.has("codeFlows")).isFalse();
  }

  @Test
  void urisAreRelativeToTheSourceRootOrAbsolute() {
    JsonNode results = sarif(richInput()).at("/runs/0/results");
    assertThat(results.at("/0/locations/0/physicalLocation/artifactLocation"))
        .hasToString("{\"uri\":\"file:///abs/bad.py\"}");
    assertThat(results.at("/0/ruleIndex").asInt()).isEqualTo(5);
    assertThat(results.at("/3/locations/0/physicalLocation/artifactLocation/uri").asText())
        .isEqualTo("my%20dir/%C3%BCn%C3%AF%23.py");
  }

  @Test
  void relatedLocationsAndCodeFlowFollowTheChain() throws IOException {
    JsonNode result = sarif(richInput()).at("/runs/0/results/2");
    assertThat(result.get("relatedLocations"))
        .isEqualTo(
            MAPPER.readTree(
                """
                [
                  {"physicalLocation": {
                     "artifactLocation": {"uri": "lib/util.py", "uriBaseId": "%SRCROOT%"},
                     "region": {"startLine": 4, "startColumn": 5, "endLine": 4, "endColumn": 11}},
                   "message": {"text": "`helper` is defined here"},
                   "id": 1},
                  {"physicalLocation": {
                     "artifactLocation": {"uri": "lib/util.py", "uriBaseId": "%SRCROOT%"},
                     "region": {"startLine": 5, "startColumn": 5, "endLine": 5, "endColumn": 18}},
                   "message": {"text": "calls `time.sleep`"},
                   "id": 2}
                ]
                """));
    JsonNode steps = result.at("/codeFlows/0/threadFlows/0/locations");
    assertThat(steps).hasSize(3);
    assertThat(steps.at("/0/location/physicalLocation/artifactLocation/uri").asText())
        .isEqualTo("app.py");
    assertThat(steps.at("/0/location/message/text").asText())
        .isEqualTo("`helper()` blocks the event loop through `time.sleep`");
    assertThat(steps.at("/2/location/physicalLocation/region/startLine").asInt()).isEqualTo(5);
    assertThat(steps.at("/2/location/message/text").asText()).isEqualTo("calls `time.sleep`");
  }

  @Test
  void fixesAreReplacements() throws IOException {
    JsonNode results = sarif(richInput()).at("/runs/0/results");
    assertThat(results.at("/4/fixes/0"))
        .isEqualTo(
            MAPPER.readTree(
                """
                {
                  "description": {"text": "Add `await`"},
                  "artifactChanges": [{
                    "artifactLocation": {"uri": "app.py", "uriBaseId": "%SRCROOT%"},
                    "replacements": [{
                      "deletedRegion": {"startLine": 4, "startColumn": 5, "endLine": 4, "endColumn": 5},
                      "insertedContent": {"text": "await "}
                    }]
                  }],
                  "properties": {"applicability": "unsafe"}
                }
                """));
    JsonNode deletion = results.at("/3/fixes/0/artifactChanges/0/replacements/0");
    assertThat(deletion.has("insertedContent")).isFalse();
    assertThat(deletion.get("deletedRegion"))
        .isEqualTo(
            MAPPER.readTree(
                "{\"startLine\": 3, \"startColumn\": 1, \"endLine\": 4, \"endColumn\": 1}"));
    assertThat(results.at("/1/fixes/0/artifactChanges/0/replacements")).hasSize(2);
  }

  @Test
  void fileErrorsAreToolExecutionNotifications() throws IOException {
    JsonNode invocation = sarif(richInput()).at("/runs/0/invocations/0");
    assertThat(invocation)
        .isEqualTo(
            MAPPER.readTree(
                """
                {
                  "executionSuccessful": false,
                  "toolExecutionNotifications": [
                    {
                      "level": "error",
                      "message": {"text": "not valid UTF-8"},
                      "locations": [{"physicalLocation": {
                        "artifactLocation": {"uri": "latin.py", "uriBaseId": "%SRCROOT%"}}}]
                    },
                    {"level": "error", "message": {"text": "internal error"}}
                  ],
                  "properties": {"filesChecked": 7, "fixed": 0}
                }
                """));
  }

  @Test
  void firstSentenceOfSummary() {
    assertThat(SarifRules.firstSentence("One. Two.")).isEqualTo("One.");
    assertThat(SarifRules.firstSentence("Calls `a.b()` here.")).isEqualTo("Calls `a.b()` here.");
    assertThat(SarifRules.firstSentence("No full stop")).isEqualTo("No full stop");
  }
}
