package dev.asynclint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code asynclint check examples}, the README's first command: every planted problem is reported
 * with its code and place ({@code examples.expected}), nothing in {@code examples/fixed/}.
 */
class ExamplesTest {
  private static final Path EXAMPLES = Path.of("../examples");
  private static final Path EXPECTED = Path.of("src/test/resources/examples.expected");
  private static final Path SARIF_SCHEMA = Path.of("../../shared/data/sarif-schema-2.1.0.json");
  private static final Pattern FINDING =
      Pattern.compile(
          "\"code\": \"(ASY\\d+)\".*?\"path\": \"\\.\\./(.*?)\".*?\"line\": (\\d+),\\s*\"column\": (\\d+)",
          Pattern.DOTALL);

  @Test
  void examplesReportEveryPlantedProblemAndTheFixedOnesStayClean() throws IOException {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status =
        Main.run(
            new PrintWriter(out),
            new PrintWriter(err),
            "check",
            "--format",
            "json",
            EXAMPLES.toString());
    assertThat(err.toString()).isEmpty();
    assertThat(status).isEqualTo(1);
    Matcher matcher = FINDING.matcher(out.toString());
    StringBuilder found = new StringBuilder();
    while (matcher.find()) {
      found.append(matcher.group(2)).append(':').append(matcher.group(3)).append(':');
      found.append(matcher.group(4)).append(' ').append(matcher.group(1)).append('\n');
    }
    List<String> lines = found.toString().lines().collect(Collectors.toList());
    assertThat(lines).noneMatch(line -> line.startsWith("examples/fixed/"));
    assertThat(found.toString()).isEqualTo(Files.readString(EXPECTED, StandardCharsets.UTF_8));
  }

  @Test
  void theSarifReportOfTheExamplesIsValidAndHoldsTheSameFindings() throws IOException {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Main.run(
        new PrintWriter(out),
        new PrintWriter(err),
        "check",
        "--format",
        "sarif",
        EXAMPLES.toString());
    assertThat(Files.isRegularFile(SARIF_SCHEMA))
        .as("the SARIF schema beside the checkout: %s", SARIF_SCHEMA.toAbsolutePath().normalize())
        .isTrue();
    JsonNode log = new ObjectMapper().readTree(out.toString());
    try (InputStream in = Files.newInputStream(SARIF_SCHEMA)) {
      assertThat(
              JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in).validate(log))
          .as("schema violations")
          .isEmpty();
    }
    StringBuilder found = new StringBuilder();
    for (JsonNode result : log.at("/runs/0/results")) {
      JsonNode location = result.at("/locations/0/physicalLocation");
      found
          .append(location.at("/artifactLocation/uri").asText().replaceFirst("^\\.\\./", ""))
          .append(':')
          .append(location.at("/region/startLine").asInt())
          .append(':')
          .append(location.at("/region/startColumn").asInt())
          .append(' ')
          .append(result.get("ruleId").asText())
          .append('\n');
    }
    assertThat(found.toString()).isEqualTo(Files.readString(EXPECTED, StandardCharsets.UTF_8));
  }
}
