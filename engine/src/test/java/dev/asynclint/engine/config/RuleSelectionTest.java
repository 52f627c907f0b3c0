package dev.asynclint.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asynclint.lint.Rule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleSelectionTest {
  @TempDir Path dir;

  private Configuration config(String toml) throws IOException {
    Path file = dir.resolve("asynclint.toml");
    Files.writeString(file, toml);
    return new ConfigurationLoader(TestCatalog.rules()).load(file);
  }

  private static List<String> enabled(Configuration config, SelectionOverrides overrides) {
    return codes(RuleSelection.resolve(config, overrides, TestCatalog.rules()).enabled());
  }

  private List<String> enabled(String toml) throws IOException {
    return enabled(config(toml), SelectionOverrides.NONE);
  }

  private static List<String> codes(List<Rule> rules) {
    return rules.stream().map(rule -> rule.metadata().code()).collect(Collectors.toList());
  }

  private static SelectionOverrides select(String... codes) {
    return new SelectionOverrides(Arrays.asList(codes), List.of(), List.of());
  }

  private static SelectionOverrides ignore(String... codes) {
    return new SelectionOverrides(null, Arrays.asList(codes), List.of());
  }

  private static SelectionOverrides extendSelect(String... codes) {
    return new SelectionOverrides(null, List.of(), Arrays.asList(codes));
  }

  @Test
  void defaultsAreEveryRuleThatIsNotInfo() throws IOException {
    assertThat(enabled("")).isEqualTo(TestCatalog.DEFAULT_CODES);
  }

  @Test
  void selectReplacesTheDefaultsAndAPrefixTakesInfoRulesToo() throws IOException {
    assertThat(enabled("select = [\"ASY2\"]")).containsExactly("ASY200", "ASY203", "ASY209");
    assertThat(enabled("select = [\"ASY6\"]")).containsExactly("ASY600", "ASY601");
    assertThat(enabled("select = [\"ASY600\"]")).containsExactly("ASY600");
    assertThat(enabled("select = []")).isEmpty();
  }

  @Test
  void allSelectsEveryRule() throws IOException {
    assertThat(enabled("select = [\"ALL\"]")).hasSize(TestCatalog.rules().size());
    assertThat(enabled("select = [\"ASY\"]")).hasSize(TestCatalog.rules().size());
  }

  @Test
  void extendSelectAddsToTheDefaults() throws IOException {
    assertThat(enabled("extend-select = [\"ASY6\"]"))
        .contains("ASY100", "ASY600", "ASY601")
        .doesNotContain("ASY209", "ASY303");
  }

  @Test
  void theMoreSpecificSelectorWins() throws IOException {
    assertThat(enabled("select = [\"ASY2\"]\nignore = [\"ASY200\"]"))
        .containsExactly("ASY203", "ASY209");
    assertThat(enabled("select = [\"ASY200\"]\nignore = [\"ASY2\"]")).containsExactly("ASY200");
    assertThat(
            enabled(
                "select = [\"ALL\"]\nignore = [\"ASY3\", \"ASY6\"]\nextend-select = [\"ASY30\"]"))
        .contains("ASY300", "ASY301", "ASY303")
        .doesNotContain("ASY600", "ASY601");
    assertThat(enabled("ignore = [\"ALL\"]\nextend-select = [\"ASY1\"]"))
        .containsExactly("ASY100", "ASY101");
  }

  @Test
  void ignoreWinsAtEqualSpecificity() throws IOException {
    assertThat(enabled("select = [\"ASY2\"]\nignore = [\"ASY2\"]")).isEmpty();
  }

  @Test
  void commandLineSelectReplacesTheConfigurationsSelection() throws IOException {
    Configuration config = config("select = [\"ASY1\"]\nignore = [\"ASY200\"]");
    assertThat(enabled(config, select("ASY200"))).containsExactly("ASY200");
    assertThat(enabled(config, select("ASY2"))).containsExactly("ASY200", "ASY203", "ASY209");
  }

  @Test
  void commandLineIgnoreAndExtendSelectAdjustTheConfigurationsSelection() throws IOException {
    Configuration config = config("select = [\"ASY1\", \"ASY2\"]");
    assertThat(enabled(config, ignore("ASY2"))).containsExactly("ASY100", "ASY101");
    assertThat(enabled(config, extendSelect("ASY600"))).contains("ASY100", "ASY209", "ASY600");
    assertThat(enabled(config, ignore("ASY200")))
        .containsExactly("ASY100", "ASY101", "ASY203", "ASY209");
  }

  @Test
  void aLaterLayerOverridesAnEarlierOneWhateverTheSpecificity() throws IOException {
    // As in ruff: specificity decides within a layer; the command line comes after the file, so
    // its ASY2 turns on again the ASY200 the file turned off.
    Configuration config = config("ignore = [\"ASY200\"]");
    assertThat(enabled(config, SelectionOverrides.NONE)).doesNotContain("ASY200");
    assertThat(enabled(config, extendSelect("ASY2"))).contains("ASY200", "ASY209");
  }

  @Test
  void commandLineValuesMaySeparateSelectorsWithCommas() {
    SelectionOverrides overrides =
        new SelectionOverrides(List.of("ASY1, ASY200"), List.of("ASY101,"), List.of());
    assertThat(overrides.select()).containsExactly("ASY1", "ASY200");
    assertThat(overrides.ignore()).containsExactly("ASY101");
    assertThat(enabled(Configuration.defaults(Path.of("/")), overrides))
        .containsExactly("ASY100", "ASY200");
  }

  @Test
  void ignoresOfALayerSelectingNothingCarryOverAsInRuff() throws IOException {
    Configuration config = config("select = []\nignore = [\"ASY200\"]");
    assertThat(enabled(config, SelectionOverrides.NONE)).isEmpty();
    assertThat(enabled(config, select("ASY2"))).containsExactly("ASY203", "ASY209");
  }

  @Test
  void unknownCommandLineCodesAreConfigurationErrors() {
    Configuration config = Configuration.defaults(Path.of("/"));
    assertThatThrownBy(() -> enabled(config, select("ASY9")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("unknown rule code or prefix `ASY9` in `--select`");
    assertThatThrownBy(() -> enabled(config, ignore("E501")))
        .hasMessage("unknown rule code or prefix `E501` in `--ignore`");
    assertThatThrownBy(() -> enabled(config, extendSelect("asy6")))
        .hasMessage("unknown rule code or prefix `asy6` in `--extend-select`");
  }

  @Test
  void isEnabledAnswersByCode() throws IOException {
    RuleSelection selection =
        RuleSelection.resolve(
            config("select = [\"ASY3\"]"), SelectionOverrides.NONE, TestCatalog.rules());
    assertThat(selection.isEnabled("ASY303")).isTrue();
    assertThat(selection.isEnabled("ASY200")).isFalse();
  }

  @Test
  void perFileIgnoresTurnRulesOffInMatchingFiles() throws IOException {
    RuleSelection selection =
        RuleSelection.resolve(
            config(
                String.join(
                    "\n",
                    "[per-file-ignores]",
                    "\"tests/**/*.py\" = [\"ASY2\"]",
                    "\"__init__.py\" = [\"ASY100\"]",
                    "\"scripts\" = [\"ALL\"]",
                    "\"**/migrations/[0-9]*.py\" = [\"ASY30\"]",
                    "\"!src/**\" = [\"ASY601\"]")),
            SelectionOverrides.NONE,
            TestCatalog.rules());
    assertThat(selection.ignored("tests/unit/test_a.py", "ASY200")).isTrue();
    assertThat(selection.ignored("tests/test_a.py", "ASY203")).isTrue();
    assertThat(selection.ignored("tests/test_a.py", "ASY300")).isFalse();
    assertThat(selection.ignored("src/tests/test_a.py", "ASY200")).as("anchored").isFalse();
    assertThat(selection.ignored("pkg/sub/__init__.py", "ASY100")).as("by name").isTrue();
    assertThat(selection.ignored("pkg/sub/__init__.py", "ASY101")).isFalse();
    assertThat(selection.ignored("scripts/deploy/run.py", "ASY300"))
        .as("a directory name covers its files")
        .isTrue();
    assertThat(selection.ignored("app/migrations/0001_init.py", "ASY301")).isTrue();
    assertThat(selection.ignored("app/migrations/helpers.py", "ASY301")).isFalse();
    assertThat(selection.ignored("src/app.py", "ASY601")).as("negated pattern").isFalse();
    assertThat(selection.ignored("tools/app.py", "ASY601")).isTrue();
    assertThat(codes(selection.enabledFor("tests/test_a.py")))
        .doesNotContain("ASY200", "ASY203", "ASY601")
        .contains("ASY100", "ASY300");
  }

  @Test
  void relativePathsAreTakenFromTheConfigurationRoot() throws IOException {
    Configuration config = config("");
    assertThat(config.relativePath(dir.resolve("tests/unit/a.py"))).isEqualTo("tests/unit/a.py");
    assertThat(config.relativePath(dir.resolve("../other/a.py"))).isEqualTo("../other/a.py");
  }

  @Test
  void selectionsOfAHandBuiltConfigurationAreCheckedToo() {
    Configuration config =
        new Configuration(
            null,
            Path.of("/"),
            List.of("ASY9"),
            List.of(),
            List.of(),
            java.util.Map.of(),
            List.of(),
            List.of(),
            dev.asynclint.syntax.PythonVersion.LATEST,
            List.of(),
            List.of(),
            List.of());
    assertThatThrownBy(() -> enabled(config, SelectionOverrides.NONE))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("unknown rule code or prefix `ASY9` in `select`");
  }
}
