package dev.asynclint.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationDiscoveryTest {
  @TempDir Path dir;

  private final ConfigurationLoader loader = new ConfigurationLoader(TestCatalog.rules());

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  private Configuration discover(String... paths) {
    return loader.discover(List.of(paths).stream().map(Path::of).toList(), dir);
  }

  @Test
  void withinOneDirectoryTheDotFileWinsThenAsynclintTomlThenPyproject() throws IOException {
    write("pkg/a.py", "");
    write("pyproject.toml", "[tool.asynclint]\nselect = [\"ASY1\"]\n");
    assertThat(discover("pkg").file()).isEqualTo(dir.resolve("pyproject.toml"));
    write("asynclint.toml", "select = [\"ASY2\"]\n");
    assertThat(discover("pkg").file()).isEqualTo(dir.resolve("asynclint.toml"));
    write(".asynclint.toml", "select = [\"ASY3\"]\n");
    Configuration config = discover("pkg");
    assertThat(config.file()).isEqualTo(dir.resolve(".asynclint.toml"));
    assertThat(config.select()).containsExactly("ASY3");
  }

  @Test
  void theClosestDirectoryWins() throws IOException {
    write("pkg/sub/a.py", "");
    write(".asynclint.toml", "select = [\"ASY1\"]\n");
    write("pkg/pyproject.toml", "[tool.asynclint]\nselect = [\"ASY2\"]\n");
    Configuration config = discover("pkg/sub/a.py");
    assertThat(config.file()).isEqualTo(dir.resolve("pkg/pyproject.toml"));
    assertThat(config.root()).isEqualTo(dir.resolve("pkg"));
  }

  @Test
  void pyprojectWithoutTheToolTableIsSkipped() throws IOException {
    write("pkg/a.py", "");
    write("asynclint.toml", "select = [\"ASY1\"]\n");
    write("pkg/pyproject.toml", "[project]\nname = \"asynclint-demo\"\n[tool.black]\n");
    assertThat(discover("pkg/a.py").file()).isEqualTo(dir.resolve("asynclint.toml"));
  }

  @Test
  void searchStartsAtTheCommonAncestorOfTheCheckedPaths() throws IOException {
    write("a/x.py", "");
    write("b/y.py", "");
    write("a/asynclint.toml", "select = [\"ASY1\"]\n");
    write("asynclint.toml", "select = [\"ASY2\"]\n");
    assertThat(discover("a/x.py", "b/y.py").file()).isEqualTo(dir.resolve("asynclint.toml"));
    assertThat(discover("a/x.py").file()).isEqualTo(dir.resolve("a/asynclint.toml"));
  }

  @Test
  void checkedPathsMayBeAbsolute() throws IOException {
    write("a/asynclint.toml", "");
    Path file = write("a/x.py", "");
    assertThat(loader.discover(List.of(file), Path.of("/")).file())
        .isEqualTo(dir.resolve("a/asynclint.toml"));
  }

  @Test
  void withoutAFileTheDefaultsAreRootedAtTheWorkingDirectory() throws IOException {
    write("a.py", "");
    Configuration config = discover("a.py");
    // A configuration above the temporary directory would be found too; there is none.
    assertThat(config.file()).isNull();
    assertThat(config.root()).isEqualTo(dir.toAbsolutePath().normalize());
    assertThat(config.select()).isNull();
  }

  @Test
  void noCheckedPathsMeansTheWorkingDirectory() throws IOException {
    write("asynclint.toml", "");
    assertThat(loader.discover(List.of(), dir).file()).isEqualTo(dir.resolve("asynclint.toml"));
  }

  @Test
  void theFileFoundIsValidated() throws IOException {
    write("a.py", "");
    write("pyproject.toml", "[tool.asynclint]\nselect = [\"ASY9\"]\n");
    assertThatThrownBy(() -> discover("a.py"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            dir.resolve("pyproject.toml")
                + ": `tool.asynclint.select`: unknown rule code or prefix `ASY9`");
  }

  @Test
  void brokenPyprojectMentioningAsynclintIsAnError() throws IOException {
    write("a.py", "");
    write("pyproject.toml", "[tool.asynclint\nselect = []\n");
    assertThatThrownBy(() -> discover("a.py"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("pyproject.toml:1: invalid TOML");
  }
}
