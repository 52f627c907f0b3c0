package dev.asynclint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
}
