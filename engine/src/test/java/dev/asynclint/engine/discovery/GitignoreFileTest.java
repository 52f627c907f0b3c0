package dev.asynclint.engine.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asynclint.engine.discovery.GitignoreFile.Verdict;
import org.junit.jupiter.api.Test;

class GitignoreFileTest {
  private static Verdict file(String gitignore, String path) {
    return GitignoreFile.parse(gitignore).match(path, false);
  }

  private static Verdict directory(String gitignore, String path) {
    return GitignoreFile.parse(gitignore).match(path, true);
  }

  @Test
  void aNameMatchesAtAnyDepth() {
    assertThat(file("secret.py", "secret.py")).isEqualTo(Verdict.IGNORED);
    assertThat(file("secret.py", "a/b/secret.py")).isEqualTo(Verdict.IGNORED);
    assertThat(file("*.gen.py", "a/x.gen.py")).isEqualTo(Verdict.IGNORED);
    assertThat(file("secret.py", "a/secret.pyi")).isEqualTo(Verdict.NONE);
  }

  @Test
  void aSlashAtTheStartOrInTheMiddleAnchors() {
    assertThat(file("/top.py", "top.py")).isEqualTo(Verdict.IGNORED);
    assertThat(file("/top.py", "a/top.py")).isEqualTo(Verdict.NONE);
    assertThat(file("a/b.py", "a/b.py")).isEqualTo(Verdict.IGNORED);
    assertThat(file("a/b.py", "x/a/b.py")).isEqualTo(Verdict.NONE);
    assertThat(file("a/*.py", "a/b/c.py")).as("* stays within a segment").isEqualTo(Verdict.NONE);
  }

  @Test
  void aTrailingSlashMatchesDirectoriesOnly() {
    assertThat(directory("out/", "out")).isEqualTo(Verdict.IGNORED);
    assertThat(directory("out/", "pkg/out")).isEqualTo(Verdict.IGNORED);
    assertThat(file("out/", "out")).isEqualTo(Verdict.NONE);
    assertThat(directory("/out/", "pkg/out")).isEqualTo(Verdict.NONE);
  }

  @Test
  void doubleStars() {
    assertThat(file("**/gen/*.py", "gen/a.py")).isEqualTo(Verdict.IGNORED);
    assertThat(file("**/gen/*.py", "x/y/gen/a.py")).isEqualTo(Verdict.IGNORED);
    assertThat(file("src/**", "src/a/b.py")).isEqualTo(Verdict.IGNORED);
    assertThat(directory("src/**", "src")).as("only what is inside").isEqualTo(Verdict.NONE);
    assertThat(file("a/**/b.py", "a/b.py")).isEqualTo(Verdict.IGNORED);
    assertThat(file("a/**/b.py", "a/x/y/b.py")).isEqualTo(Verdict.IGNORED);
    assertThat(file("a**b.py", "axyb.py"))
        .as("other runs are single stars")
        .isEqualTo(Verdict.IGNORED);
    assertThat(file("a**b.py", "ax/yb.py")).isEqualTo(Verdict.NONE);
  }

  @Test
  void theLastMatchingPatternDecidesAndNegationReincludes() {
    String gitignore = "*.py\n!keep.py\n";
    assertThat(file(gitignore, "a.py")).isEqualTo(Verdict.IGNORED);
    assertThat(file(gitignore, "pkg/keep.py")).isEqualTo(Verdict.KEPT);
    assertThat(file("!keep.py\n*.py\n", "keep.py")).isEqualTo(Verdict.IGNORED);
  }

  @Test
  void commentsBlankLinesEscapesAndTrailingSpaces() {
    assertThat(file("# a.py\n\n   \n", "# a.py")).isEqualTo(Verdict.NONE);
    assertThat(file("\\#a.py", "#a.py")).isEqualTo(Verdict.IGNORED);
    assertThat(file("\\!a.py", "!a.py")).isEqualTo(Verdict.IGNORED);
    assertThat(file("a.py   ", "a.py"))
        .as("trailing spaces are dropped")
        .isEqualTo(Verdict.IGNORED);
    assertThat(file("a.py\\ ", "a.py ")).as("unless escaped").isEqualTo(Verdict.IGNORED);
    assertThat(file("a\\*.py", "a*.py")).isEqualTo(Verdict.IGNORED);
    assertThat(file("a\\*.py", "ab.py")).isEqualTo(Verdict.NONE);
    assertThat(file("a.py\r\nb.py\r\n", "b.py")).isEqualTo(Verdict.IGNORED);
  }

  @Test
  void characterClassesAndQuestionMarks() {
    assertThat(file("test_[0-9].py", "test_7.py")).isEqualTo(Verdict.IGNORED);
    assertThat(file("test_[!0-9].py", "test_7.py")).isEqualTo(Verdict.NONE);
    assertThat(file("test_[!0-9].py", "test_x.py")).isEqualTo(Verdict.IGNORED);
    assertThat(file("test_[]x].py", "test_].py")).isEqualTo(Verdict.IGNORED);
    assertThat(file("a?c.py", "abc.py")).isEqualTo(Verdict.IGNORED);
    assertThat(file("a?c.py", "a/c.py")).isEqualTo(Verdict.NONE);
    assertThat(file("test_[z-a].py", "test_b.py")).as("reversed range").isEqualTo(Verdict.NONE);
    assertThat(file("[unclosed.py", "[unclosed.py")).isEqualTo(Verdict.IGNORED);
  }
}
