package dev.asynclint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asynclint.lint.FixAvailability;
import dev.asynclint.lint.Rule;
import dev.asynclint.lint.RuleMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every rule is registered once, in order, with valid metadata, documentation and a fixture. */
class RuleRegistryTest {
  private static final Path SOURCES = Path.of("src/main/java/dev/asynclint/rules");
  private static final Path FIXTURES = Path.of("src/test/resources/fixtures");
  private static final List<String> HEADINGS =
      List.of("## What it does", "## Why is this bad?", "## Example", "## Use instead");

  @Test
  void codesAreUniqueAndSortedAndNamesAreKebabCase() {
    List<String> codes = new ArrayList<>();
    for (Rule rule : RuleRegistry.all()) {
      RuleMetadata metadata = rule.metadata();
      assertThat(metadata.code()).matches("ASY\\d{3}");
      assertThat(metadata.name()).matches("[a-z]+(-[a-z]+)*");
      assertThat(metadata.summary()).isNotBlank();
      codes.add(metadata.code());
    }
    assertThat(codes).doesNotHaveDuplicates().isSorted();
  }

  @Test
  void everyRuleClassIsRegistered() throws IOException {
    Pattern code = Pattern.compile("@RuleInfo\\(\\s*code = \"(ASY\\d{3})\"");
    List<String> declared = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file :
          files.filter(f -> f.toString().endsWith(".java")).collect(Collectors.toList())) {
        Matcher matcher = code.matcher(Files.readString(file));
        while (matcher.find()) {
          declared.add(matcher.group(1));
        }
      }
    }
    Set<String> registered =
        RuleRegistry.all().stream().map(r -> r.metadata().code()).collect(Collectors.toSet());
    assertThat(registered).containsExactlyInAnyOrderElementsOf(declared);
  }

  @Test
  void everyRuleHasDocumentationWithTheFixedHeadings() {
    for (Rule rule : RuleRegistry.all()) {
      String doc = RuleRegistry.documentation(rule);
      int previous = -1;
      for (String heading : HEADINGS) {
        int at = doc.indexOf(heading + "\n");
        assertThat(at).as(rule.metadata().code() + " heading " + heading).isGreaterThan(previous);
        previous = at;
      }
      boolean fixable = rule.metadata().fix() != FixAvailability.NONE;
      assertThat(doc.contains("## Fix safety\n"))
          .as(rule.metadata().code() + " fix safety")
          .isEqualTo(fixable);
      assertThat(doc).as(rule.metadata().code()).contains("## Equivalent rules\n");
    }
  }

  @Test
  void everyCheckingRuleHasAFixture() {
    for (Rule rule : RuleRegistry.all()) {
      String code = rule.metadata().code();
      if (RulesUnderTest.isEngineRule(code)) {
        continue;
      }
      boolean present =
          Files.isRegularFile(FIXTURES.resolve(code + ".py"))
              || Files.isDirectory(FIXTURES.resolve(code));
      assertThat(present).as("fixture for " + code).isTrue();
    }
  }
}
