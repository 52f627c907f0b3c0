package dev.asynclint.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PathGlobTest {
  private static boolean file(String pattern, String path) {
    return PathGlob.compile(pattern).matches(path, false);
  }

  @Test
  void patternWithoutSlashMatchesNamesAtAnyDepth() {
    assertThat(file("*_pb2.py", "a_pb2.py")).isTrue();
    assertThat(file("*_pb2.py", "src/deep/a_pb2.py")).isTrue();
    assertThat(file("conftest.py", "tests/unit/conftest.py")).isTrue();
    assertThat(file("conftest.py", "tests/unit/myconftest.py")).isFalse();
    assertThat(PathGlob.compile("*.py").anchored()).isFalse();
  }

  @Test
  void patternWithSlashIsAnchoredAtTheRoot() {
    assertThat(file("src/*.py", "src/a.py")).isTrue();
    assertThat(file("src/*.py", "lib/src/a.py")).isFalse();
    assertThat(file("src/*.py", "src/pkg/a.py")).as("* stays within a segment").isFalse();
    assertThat(file("/setup.py", "setup.py")).isTrue();
    assertThat(file("/setup.py", "pkg/setup.py")).isFalse();
    assertThat(file("./src/a.py", "src/a.py")).as("./ is dropped").isTrue();
  }

  @Test
  void doubleStarCrossesDirectories() {
    assertThat(file("**/migrations/*.py", "migrations/0001.py")).isTrue();
    assertThat(file("**/migrations/*.py", "app/db/migrations/0001.py")).isTrue();
    assertThat(file("src/**/test_*.py", "src/test_a.py")).isTrue();
    assertThat(file("src/**/test_*.py", "src/x/y/test_a.py")).isTrue();
    assertThat(file("src/**", "src/x/y.py")).isTrue();
    assertThat(file("**", "anything/at/all.py")).isTrue();
  }

  @Test
  void wildcardsClassesAlternativesAndEscapes() {
    assertThat(file("test_?.py", "test_a.py")).isTrue();
    assertThat(file("test_?.py", "test_ab.py")).isFalse();
    assertThat(file("[ab].py", "a.py")).isTrue();
    assertThat(file("[ab].py", "c.py")).isFalse();
    assertThat(file("[!ab].py", "c.py")).isTrue();
    assertThat(file("[a-c].py", "b.py")).isTrue();
    assertThat(file("**/{tests,docs}/*.py", "x/docs/a.py")).isTrue();
    assertThat(file("**/{tests,docs}/*.py", "x/src/a.py")).isFalse();
    assertThat(file("\\[gen\\].py", "[gen].py")).isTrue();
    assertThat(file("a?b", "a/b")).as("? never matches the separator").isFalse();
    assertThat(file("a[/]b", "a/b")).as("a class never matches the separator").isFalse();
  }

  @Test
  void trailingSlashMatchesDirectoriesOnly() {
    PathGlob glob = PathGlob.compile("generated/");
    assertThat(glob.matches("generated", true)).isTrue();
    assertThat(glob.matches("generated", false)).isFalse();
    assertThat(glob.matchesFileOrParent("pkg/generated/a.py")).isTrue();
  }

  @Test
  void aDirectoryPatternCoversTheFilesBelowIt() {
    assertThat(PathGlob.compile("tests").matchesFileOrParent("pkg/tests/unit/a.py")).isTrue();
    assertThat(PathGlob.compile("src/gen").matchesFileOrParent("src/gen/a.py")).isTrue();
    assertThat(PathGlob.compile("src/gen").matchesFileOrParent("lib/src/gen/a.py")).isFalse();
    assertThat(PathGlob.compile("tests").matchesFileOrParent("pkg/test/a.py")).isFalse();
  }

  @Test
  void malformedPatternsAreRefusedWithAReason() {
    assertThatThrownBy(() -> PathGlob.compile("src/[ab"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unclosed `[`");
    assertThatThrownBy(() -> PathGlob.compile("{a,b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unclosed `{`");
    assertThatThrownBy(() -> PathGlob.compile("a**/b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("`**` must be a whole path segment");
    assertThatThrownBy(() -> PathGlob.compile("[z-a].py"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reversed range");
    assertThatThrownBy(() -> PathGlob.compile("a\\")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PathGlob.compile("/")).isInstanceOf(IllegalArgumentException.class);
  }
}
