package dev.asynclint.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asynclint.lint.Settings;
import dev.asynclint.syntax.PythonVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationLoaderTest {
  @TempDir Path dir;

  private final ConfigurationLoader loader = new ConfigurationLoader(TestCatalog.rules());

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  private AbstractThrowableAssert<?, ? extends Throwable> loadFails(String name, String text)
      throws IOException {
    Path file = write(name, text);
    return assertThatThrownBy(() -> loader.load(file))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith(file.toString())
        .hasMessageNotContaining("\n");
  }

  @Test
  void readsEveryKey() throws IOException {
    Path file =
        write(
            "asynclint.toml",
            String.join(
                "\n",
                "select = [\"ASY2\", \"ASY30\"]",
                "ignore = [\"ASY203\"]",
                "extend-select = [\"ASY600\"]",
                "exclude = [\"gen\"]",
                "extend-exclude = [\"legacy/**\"]",
                "target-version = \"py311\"",
                "blocking-calls = [\"mylib.fetch_sync\"]",
                "async-clients = [\"mylib.AsyncClient\"]",
                "request-handler-decorators = [\"myweb.route\"]",
                "[per-file-ignores]",
                "\"tests/**\" = [\"ASY2\"]",
                "\"!src/**\" = [\"ALL\"]",
                ""));
    Configuration config = loader.load(file);
    assertThat(config.file()).isEqualTo(file);
    assertThat(config.root()).isEqualTo(dir.toAbsolutePath().normalize());
    assertThat(config.select()).containsExactly("ASY2", "ASY30");
    assertThat(config.ignore()).containsExactly("ASY203");
    assertThat(config.extendSelect()).containsExactly("ASY600");
    assertThat(config.exclude()).containsExactly("gen");
    assertThat(config.extendExclude()).containsExactly("legacy/**");
    assertThat(config.targetVersion()).isEqualTo(PythonVersion.PY311);
    assertThat(config.perFileIgnores())
        .containsExactly(
            Map.entry("tests/**", List.of("ASY2")), Map.entry("!src/**", List.of("ALL")));
    Settings settings = config.toSettings();
    assertThat(settings.targetVersion()).isEqualTo(PythonVersion.PY311);
    assertThat(settings.blockingCalls()).containsExactly("mylib.fetch_sync");
    assertThat(settings.asyncClients()).containsExactly("mylib.AsyncClient");
    assertThat(settings.requestHandlerDecorators()).containsExactly("myweb.route");
  }

  @Test
  void unsetKeysTakeTheDefaults() throws IOException {
    Configuration config = loader.load(write("asynclint.toml", ""));
    assertThat(config.select()).isNull();
    assertThat(config.ignore()).isEmpty();
    assertThat(config.exclude()).isEqualTo(Configuration.DEFAULT_EXCLUDE);
    assertThat(config.targetVersion()).isEqualTo(PythonVersion.LATEST);
    assertThat(config.toSettings()).isEqualTo(Settings.DEFAULT);
  }

  @Test
  void anEmptySelectSelectsNothingRatherThanTheDefaults() throws IOException {
    assertThat(loader.load(write("asynclint.toml", "select = []")).select()).isEmpty();
  }

  @Test
  void readsTheToolTableOfPyproject() throws IOException {
    Path file =
        write(
            "pyproject.toml",
            "[project]\nname = \"app\"\n\n[tool.asynclint]\nselect = [\"ASY1\"]\n");
    assertThat(loader.load(file).select()).containsExactly("ASY1");
  }

  @Test
  void anExplicitPyprojectNeedsTheToolTable() throws IOException {
    loadFails("pyproject.toml", "[project]\nname = \"app\"\n")
        .hasMessageEndingWith(": no [tool.asynclint] table");
  }

  @Test
  void invalidTomlNamesTheLine() throws IOException {
    Path file = dir.resolve("asynclint.toml");
    loadFails("asynclint.toml", "select = [\"ASY2\"]\nignore = [\"ASY200\"\ntarget-version = 3\n")
        .hasMessageContaining(file + ":")
        .hasMessageMatching(".*asynclint\\.toml:[23]: invalid TOML: .+");
  }

  @Test
  void duplicateKeysAreInvalidToml() throws IOException {
    loadFails("asynclint.toml", "select = []\nselect = []\n").hasMessageContaining("invalid TOML");
  }

  @Test
  void unknownKeySuggestsTheClosestKey() throws IOException {
    loadFails("asynclint.toml", "selct = [\"ASY2\"]")
        .hasMessageEndingWith("unknown key `selct`; did you mean `select`?");
  }

  @Test
  void snakeCaseKeysAreRefusedWithTheirKebabCaseSpelling() throws IOException {
    loadFails("asynclint.toml", "extend_select = [\"ASY2\"]")
        .hasMessageEndingWith("unknown key `extend_select`; did you mean `extend-select`?");
    loadFails("asynclint.toml", "per_file_ignores = {}")
        .hasMessageEndingWith("did you mean `per-file-ignores`?");
  }

  @Test
  void unknownKeyFarFromAnyListsTheKeys() throws IOException {
    loadFails("asynclint.toml", "colour = \"blue\"")
        .hasMessageContaining("unknown key `colour`; the keys are select, ignore,");
  }

  @Test
  void unknownKeyOfPyprojectIsNamedWithItsTable() throws IOException {
    loadFails("pyproject.toml", "[tool.asynclint]\nignor = []\n")
        .hasMessageEndingWith(
            "unknown key `tool.asynclint.ignor`; did you mean `tool.asynclint.ignore`?");
  }

  @Test
  void toolTableInAsynclintTomlGetsAHint() throws IOException {
    loadFails("asynclint.toml", "[tool.asynclint]\nselect = []\n")
        .hasMessageContaining("unknown key `tool`; asynclint.toml takes its keys at the top level");
  }

  @Test
  void wrongTypesAreNamed() throws IOException {
    loadFails("asynclint.toml", "select = \"ASY2\"")
        .hasMessageEndingWith("`select` must be an array of strings, not a string");
    loadFails("asynclint.toml", "exclude = [\"gen\", 3]")
        .hasMessageEndingWith("`exclude` must be an array of strings, but element 2 is an integer");
    loadFails("asynclint.toml", "target-version = 3.11")
        .hasMessageEndingWith("`target-version` must be a string, not a float");
    loadFails("asynclint.toml", "per-file-ignores = [\"tests\"]")
        .hasMessageEndingWith("`per-file-ignores` must be a table of file patterns, not an array");
    loadFails("asynclint.toml", "[per-file-ignores]\n\"tests/*\" = \"ASY2\"\n")
        .hasMessageEndingWith(
            "`per-file-ignores.\"tests/*\"` must be an array of strings, not a string");
    loadFails("asynclint.toml", "blocking-calls = true")
        .hasMessageEndingWith("`blocking-calls` must be an array of strings, not a boolean");
  }

  @Test
  void unknownRuleCodesAndPrefixesAreRefused() throws IOException {
    loadFails("asynclint.toml", "select = [\"ASY9\"]")
        .hasMessageEndingWith("`select`: unknown rule code or prefix `ASY9`");
    loadFails("asynclint.toml", "ignore = [\"ASY2000\"]")
        .hasMessageEndingWith("`ignore`: unknown rule code or prefix `ASY2000`");
    loadFails("asynclint.toml", "extend-select = [\"asy2\"]")
        .as("codes are case-sensitive")
        .hasMessageEndingWith("`extend-select`: unknown rule code or prefix `asy2`");
    loadFails("asynclint.toml", "select = [\"ASYNC251\"]")
        .hasMessageEndingWith("unknown rule code or prefix `ASYNC251`");
    loadFails("asynclint.toml", "[per-file-ignores]\n\"tests/*\" = [\"ASY8\"]\n")
        .hasMessageEndingWith("`per-file-ignores.\"tests/*\"`: unknown rule code or prefix `ASY8`");
  }

  @Test
  void allAndTheLinterPrefixSelectEverything() throws IOException {
    assertThat(loader.load(write("asynclint.toml", "select = [\"ALL\", \"ASY\"]")).select())
        .containsExactly("ALL", "ASY");
  }

  @Test
  void badTargetVersionListsTheSupportedRange() throws IOException {
    loadFails("asynclint.toml", "target-version = \"py27\"")
        .hasMessageEndingWith(
            "`target-version`: unknown Python version `py27` (expected py38 to py314)");
  }

  @Test
  void badGlobsAreRefused() throws IOException {
    loadFails("asynclint.toml", "exclude = [\"src/[ab\"]")
        .hasMessageEndingWith("`exclude`: bad file pattern `src/[ab`: unclosed `[`");
    loadFails("asynclint.toml", "extend-exclude = [\"a**\"]")
        .hasMessageEndingWith(
            "`extend-exclude`: bad file pattern `a**`: `**` must be a whole path segment");
    loadFails("asynclint.toml", "[per-file-ignores]\n\"{tests\" = [\"ASY2\"]\n")
        .hasMessageEndingWith("`per-file-ignores`: bad file pattern `{tests`: unclosed `{`");
  }

  @Test
  void qualifiedNamesMustBeDottedIdentifiers() throws IOException {
    loadFails("asynclint.toml", "blocking-calls = [\"mylib.fetch sync\"]")
        .hasMessageEndingWith(
            "`blocking-calls`: `mylib.fetch sync` is not a qualified name such as"
                + " `package.module.function`");
  }

  @Test
  void aMissingExplicitFileIsAConfigurationError() {
    Path file = dir.resolve("nope.toml");
    assertThatThrownBy(() -> loader.load(file))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(file + ": cannot read the configuration file: no such file");
  }

  @Test
  void theExceptionCarriesNoStackTrace() throws IOException {
    Path file = write("asynclint.toml", "selct = []");
    try {
      loader.load(file);
    } catch (ConfigurationException e) {
      assertThat(e.getStackTrace()).isEmpty();
      return;
    }
    throw new AssertionError("no exception");
  }

  @Test
  void theDefaultLoaderChecksCodesAgainstTheRegistry() throws IOException {
    Path file = write("asynclint.toml", "select = [\"ASY001\"]\nignore = [\"ASY9\"]\n");
    assertThatThrownBy(() -> new ConfigurationLoader().load(file))
        .hasMessageEndingWith("`ignore`: unknown rule code or prefix `ASY9`");
  }
}
