package dev.asynclint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asynclint.lint.Diagnostic;
import dev.asynclint.lint.Rule;
import dev.asynclint.syntax.parser.Parser;
import dev.asynclint.testkit.Fixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The documentation is executable and published: each rule fires on its Example and stays silent on
 * its Use instead, and {@code docs/rules/} holds exactly the generated pages. After changing a
 * rule, regenerate the pages with {@code mvn -pl rules -am test -Dtest=RuleDocsTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dasynclint.updateDocs=true}.
 */
class RuleDocsTest {
  private static final Path PUBLISHED = Path.of("../docs/rules");
  private static final Pattern PYTHON_BLOCK =
      Pattern.compile("```python\n(.*?)```", Pattern.DOTALL);

  @TempDir Path dir;

  @TestFactory
  Stream<DynamicTest> examplesFireAndRemediesStaySilent() {
    return RuleRegistry.all().stream()
        .map(rule -> DynamicTest.dynamicTest(rule.metadata().code(), () -> checkExamples(rule)));
  }

  private void checkExamples(Rule rule) throws IOException {
    String doc = RuleRegistry.documentation(rule);
    String example = firstBlockAfter(doc, "## Example");
    String remedy = firstBlockAfter(doc, "## Use instead");
    String code = rule.metadata().code();
    if (code.equals("ASY001")) {
      assertThat(Parser.parse(example).hasErrors()).as("ASY001 example fails to parse").isTrue();
      assertThat(Parser.parse(remedy).hasErrors()).as("ASY001 remedy parses").isFalse();
      return;
    }
    if (RulesUnderTest.isEngineRule(code)) {
      return;
    }
    assertThat(findings(rule, example)).as(code + " fires on its Example").isNotEmpty();
    assertThat(findings(rule, remedy)).as(code + " is silent on its Use instead").isEmpty();
  }

  private List<Diagnostic> findings(Rule rule, String source) throws IOException {
    Path file = Files.createTempFile(dir, "example", ".py");
    Files.writeString(file, source, StandardCharsets.UTF_8);
    Fixture fixture = Fixture.load(file);
    return fixture.run(List.of(rule), fixture.settings());
  }

  private static String firstBlockAfter(String doc, String heading) {
    int at = doc.indexOf(heading + "\n");
    assertThat(at).as(heading).isNotNegative();
    Matcher matcher = PYTHON_BLOCK.matcher(doc);
    assertThat(matcher.find(at)).as("a python block after " + heading).isTrue();
    return matcher.group(1);
  }

  @Test
  void publishedPagesMatchTheGeneratedOnes() throws IOException {
    List<String> expectedFiles = new ArrayList<>();
    for (Rule rule : RuleRegistry.all()) {
      expectedFiles.add(rule.metadata().code() + ".md");
      check(PUBLISHED.resolve(rule.metadata().code() + ".md"), RuleDocs.page(rule));
    }
    expectedFiles.add("README.md");
    check(PUBLISHED.resolve("README.md"), RuleDocs.index(RuleRegistry.all()));
    try (Stream<Path> files = Files.list(PUBLISHED)) {
      List<String> present =
          files.map(file -> file.getFileName().toString()).collect(Collectors.toList());
      assertThat(present)
          .as("docs/rules holds only generated pages")
          .containsExactlyInAnyOrderElementsOf(expectedFiles);
    }
  }

  private static void check(Path page, String generated) throws IOException {
    if (Boolean.getBoolean("asynclint.updateDocs")) {
      Files.createDirectories(page.getParent());
      Files.writeString(page, generated, StandardCharsets.UTF_8);
      return;
    }
    assertThat(Files.isRegularFile(page))
        .as(page + " is missing; regenerate with -Dasynclint.updateDocs=true (see RuleDocsTest)")
        .isTrue();
    assertThat(Files.readString(page, StandardCharsets.UTF_8))
        .as(page + " is stale; regenerate with -Dasynclint.updateDocs=true (see RuleDocsTest)")
        .isEqualTo(generated);
  }
}
