package dev.asynclint.engine.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asynclint.engine.config.Configuration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitignoreDiscoveryTest {
  @TempDir Path dir;

  @BeforeEach
  void gitWorkTree() throws IOException {
    Files.createDirectories(dir.resolve(".git/info"));
  }

  private void write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private void touch(String... names) throws IOException {
    for (String name : names) {
      write(name, "");
    }
  }

  private List<String> found(String path) {
    return FileDiscovery.discover(List.of(Path.of(path)), dir, Configuration.defaults(dir))
        .files()
        .stream()
        .map(InputFile::displayPath)
        .collect(Collectors.toList());
  }

  @Test
  void ignoredFilesAndDirectoriesAreSkipped() throws IOException {
    touch("app.py", "secret.py", "pkg/secret.py", "generated/a.py", "pkg/generated/b.py");
    write(".gitignore", "secret.py\ngenerated/\n");
    assertThat(found(".")).containsExactly("app.py");
  }

  @Test
  void negationReincludes() throws IOException {
    touch("gen/a.py", "gen/keep.py", "gen/sub/keep.py");
    write(".gitignore", "gen/*\n!gen/keep.py\n");
    assertThat(found(".")).containsExactly("gen/keep.py");
  }

  @Test
  void aFileCannotBeReincludedWhenItsDirectoryIsIgnored() throws IOException {
    touch("gen/keep.py");
    write(".gitignore", "gen/\n!gen/keep.py\n");
    assertThat(found(".")).isEmpty();
  }

  @Test
  void anchoredPatternsMatchOnlyBelowTheirGitignore() throws IOException {
    touch("setup.py", "pkg/setup.py", "pkg/sub/tool.py", "sub/tool.py");
    write(".gitignore", "/setup.py\n");
    write("pkg/.gitignore", "/sub/\n");
    assertThat(found(".")).containsExactly("pkg/setup.py", "sub/tool.py");
  }

  @Test
  void directoryOnlyPatternsSpareFilesOfTheSameName() throws IOException {
    touch("cache.py/inside.py", "pkg/cache.py");
    write(".gitignore", "cache.py/\n");
    assertThat(found(".")).containsExactly("pkg/cache.py");
  }

  @Test
  void doubleStarPatterns() throws IOException {
    touch("a/migrations/0001.py", "b/c/migrations/0002.py", "migrations/0003.py", "a/models.py");
    write(".gitignore", "**/migrations/*.py\n");
    assertThat(found(".")).containsExactly("a/models.py");
  }

  @Test
  void nestedGitignoresTakePrecedence() throws IOException {
    touch("a.gen.py", "pkg/b.gen.py", "pkg/c.py", "pkg/d.py");
    write(".gitignore", "*.gen.py\n");
    write("pkg/.gitignore", "!b.gen.py\nd.py\n");
    assertThat(found(".")).containsExactly("pkg/b.gen.py", "pkg/c.py");
  }

  @Test
  void gitignoresAboveANamedDirectoryApply() throws IOException {
    touch("src/app.py", "src/gen/a.py");
    write(".gitignore", "src/gen/\n");
    assertThat(found("src")).containsExactly("src/app.py");
  }

  @Test
  void infoExcludeApplies() throws IOException {
    touch("app.py", "scratch.py");
    write(".git/info/exclude", "scratch.py\n");
    assertThat(found(".")).containsExactly("app.py");
  }

  @Test
  void gitignoreIsNotHonouredOutsideAGitWorkTree() throws IOException {
    Files.delete(dir.resolve(".git/info"));
    Files.delete(dir.resolve(".git"));
    touch("app.py", "secret.py");
    write(".gitignore", "secret.py\n");
    assertThat(found(".")).containsExactly("app.py", "secret.py");
  }

  @Test
  void aNestedWorkTreeStartsAfresh() throws IOException {
    touch("vendor/lib/x.py", "vendor/lib/y.py", "app.py");
    write(".gitignore", "x.py\n");
    Files.createDirectory(dir.resolve("vendor/lib/.git"));
    write("vendor/lib/.gitignore", "y.py\n");
    assertThat(found(".")).containsExactly("app.py", "vendor/lib/x.py");
  }
}
