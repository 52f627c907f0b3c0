package dev.asynclint.engine.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.asynclint.engine.config.Configuration;
import dev.asynclint.syntax.PythonVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileDiscoveryTest {
  @TempDir Path dir;

  private void touch(String... names) throws IOException {
    for (String name : names) {
      Path file = dir.resolve(name);
      Files.createDirectories(file.getParent());
      Files.writeString(file, "");
    }
  }

  private Configuration config(List<String> exclude, List<String> extendExclude) {
    return new Configuration(
        null,
        dir,
        null,
        List.of(),
        List.of(),
        Map.of(),
        exclude,
        extendExclude,
        PythonVersion.LATEST,
        List.of(),
        List.of(),
        List.of());
  }

  private DiscoveryResult discover(Configuration config, String... paths) {
    return FileDiscovery.discover(
        List.of(paths).stream().map(Path::of).collect(Collectors.toList()), dir, config);
  }

  private List<String> found(Configuration config, String... paths) {
    return discover(config, paths).files().stream()
        .map(InputFile::displayPath)
        .collect(Collectors.toList());
  }

  private List<String> found(String... paths) {
    return found(Configuration.defaults(dir), paths);
  }

  @Test
  void walksPythonFilesInSortedOrder() throws IOException {
    touch("b.py", "a.pyi", "pkg/z.py", "pkg/sub/c.py", "notes.txt", "setup.cfg", "pkg/x.pyc");
    assertThat(found(".")).containsExactly("a.pyi", "b.py", "pkg/sub/c.py", "pkg/z.py");
  }

  @Test
  void displayPathsKeepTheArgumentsForm() throws IOException {
    touch("src/pkg/a.py");
    assertThat(found("src")).containsExactly("src/pkg/a.py");
    assertThat(found("./src")).containsExactly("src/pkg/a.py");
    assertThat(found("src/pkg/../pkg")).containsExactly("src/pkg/a.py");
    assertThat(found("./src/pkg/a.py")).containsExactly("src/pkg/a.py");
    assertThat(found(dir.resolve("src").toString()))
        .containsExactly(dir.resolve("src/pkg/a.py").toString());
    InputFile file = discover(Configuration.defaults(dir), "src").files().get(0);
    assertThat(file.path()).isEqualTo(dir.resolve("src/pkg/a.py")).isAbsolute();
  }

  @Test
  void parentRelativeArgumentsStayRelative() throws IOException {
    touch("project/a.py", "other/b.py");
    List<String> files =
        FileDiscovery.discover(
                List.of(Path.of("../other")), dir.resolve("project"), Configuration.defaults(dir))
            .files()
            .stream()
            .map(InputFile::displayPath)
            .collect(Collectors.toList());
    assertThat(files).containsExactly("../other/b.py");
  }

  @Test
  void aFileReachedTwiceIsListedOnce() throws IOException {
    touch("pkg/a.py", "pkg/b.py");
    assertThat(found("pkg", "pkg/a.py", "./pkg")).containsExactly("pkg/a.py", "pkg/b.py");
  }

  @Test
  void hiddenDirectoriesCachesAndVirtualEnvironmentsAreSkipped() throws IOException {
    touch(
        "app.py",
        ".git/hooks/x.py",
        ".tox/py311/lib/y.py",
        "pkg/__pycache__/a.py",
        "myenv/pyvenv.cfg",
        "myenv/lib/python3.12/site.py",
        ".hidden.py");
    assertThat(found(".")).containsExactly(".hidden.py", "app.py");
  }

  @Test
  void defaultExcludesFollowRuff() throws IOException {
    touch("app.py", "node_modules/x.py", "build/lib/y.py", "dist/z.py", "venv/lib/w.py");
    assertThat(found(".")).containsExactly("app.py");
  }

  @Test
  void excludeReplacesTheDefaultsAndExtendExcludeAddsToThem() throws IOException {
    touch("app.py", "build/y.py", "gen/a.py", "src/gen/b.py", "src/keep/c.py", "x_pb2.py");
    assertThat(found(config(List.of("gen"), List.of()), "."))
        .containsExactly("app.py", "build/y.py", "src/keep/c.py", "x_pb2.py");
    assertThat(found(config(Configuration.DEFAULT_EXCLUDE, List.of("src/gen", "*_pb2.py")), "."))
        .containsExactly("app.py", "gen/a.py", "src/keep/c.py");
    assertThat(found(config(List.of("/gen"), List.of()), "."))
        .as("a leading slash anchors the pattern at the root")
        .containsExactly("app.py", "build/y.py", "src/gen/b.py", "src/keep/c.py", "x_pb2.py");
  }

  @Test
  void excludePatternsAreRelativeToTheConfigurationRoot() throws IOException {
    touch("proj/src/gen/a.py", "proj/src/b.py");
    Configuration config =
        new Configuration(
            null,
            dir.resolve("proj"),
            null,
            List.of(),
            List.of(),
            Map.of(),
            List.of(),
            List.of("src/gen"),
            PythonVersion.LATEST,
            List.of(),
            List.of(),
            List.of());
    assertThat(found(config, "proj/src")).containsExactly("proj/src/b.py");
  }

  @Test
  void filesNamedOnTheCommandLineAreAlwaysChecked() throws IOException {
    touch("build/gen.py", ".hidden/h.py", "ignored.py", ".gitignore", "README.md");
    Files.createDirectory(dir.resolve(".git"));
    Files.writeString(dir.resolve(".gitignore"), "ignored.py\n");
    assertThat(found("build/gen.py", ".hidden/h.py", "ignored.py", "README.md"))
        .containsExactly(".hidden/h.py", "build/gen.py", "ignored.py");
    assertThat(found("build", ".hidden")).containsExactly(".hidden/h.py", "build/gen.py");
    assertThat(found(".")).isEmpty();
  }

  @Test
  void missingArgumentsAreReportedAsGiven() throws IOException {
    touch("a.py");
    DiscoveryResult result = discover(Configuration.defaults(dir), "a.py", "nope.py", "gone/");
    assertThat(result.files()).extracting(InputFile::displayPath).containsExactly("a.py");
    assertThat(result.missing()).containsExactly(Path.of("nope.py"), Path.of("gone/"));
    assertThat(result.errors()).isEmpty();
  }

  @Test
  void unreadableDirectoriesAreErrorsNotExceptions() throws IOException {
    touch("ok/a.py", "locked/b.py");
    Path locked = dir.resolve("locked");
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
    try {
      assumeFalse(Files.isReadable(locked), "running as root: permissions are not enforced");
      DiscoveryResult result = discover(Configuration.defaults(dir), ".");
      assertThat(result.files()).extracting(InputFile::displayPath).containsExactly("ok/a.py");
      assertThat(result.errors()).hasSize(1);
      assertThat(result.errors().get(0)).startsWith("locked: ").contains("permission denied");
    } finally {
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
    }
  }

  @Test
  void symbolicLinkLoopsEnd() throws IOException {
    touch("pkg/a.py", "pkg/sub/b.py");
    Files.createSymbolicLink(dir.resolve("pkg/sub/loop"), dir.resolve("pkg"));
    Files.createSymbolicLink(dir.resolve("pkg/self"), Path.of("."));
    DiscoveryResult result = discover(Configuration.defaults(dir), ".");
    assertThat(result.files())
        .extracting(InputFile::displayPath)
        .containsExactly("pkg/a.py", "pkg/sub/b.py");
    assertThat(result.errors()).isEmpty();
  }

  @Test
  void symbolicLinksToDirectoriesAreFollowed() throws IOException {
    touch("shared/util.py", "app/main.py");
    Files.createSymbolicLink(dir.resolve("app/lib"), dir.resolve("shared"));
    assertThat(found("app")).containsExactly("app/lib/util.py", "app/main.py");
  }

  @Test
  void brokenLinksToPythonFilesAreReported() throws IOException {
    touch("a.py");
    Files.createSymbolicLink(dir.resolve("b.py"), dir.resolve("missing.py"));
    DiscoveryResult result = discover(Configuration.defaults(dir), ".");
    assertThat(result.files()).extracting(InputFile::displayPath).containsExactly("a.py");
    assertThat(result.errors()).containsExactly("b.py: broken symbolic link");
  }

  @Test
  void tenThousandFilesInOneDirectory() throws IOException {
    Path big = Files.createDirectory(dir.resolve("big"));
    for (int i = 0; i < 10_000; i++) {
      Files.writeString(big.resolve(String.format("m%05d.py", i)), "");
    }
    List<InputFile> files = discover(Configuration.defaults(dir), "big").files();
    assertThat(files).hasSize(10_000);
    assertThat(files.get(0).displayPath()).isEqualTo("big/m00000.py");
    assertThat(files.get(9_999).displayPath()).isEqualTo("big/m09999.py");
  }
}
