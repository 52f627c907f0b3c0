package dev.asynclint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code asynclint check} end to end: the real entry point on temporary projects. */
class CheckCommandTest {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int check(String... args) {
    List<String> all = new ArrayList<>(List.of("check"));
    all.addAll(List.of(args));
    return Main.run(new PrintWriter(out), new PrintWriter(err), all.toArray(String[]::new));
  }

  private Path write(String relative, String text) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private String path(String relative) {
    return dir.resolve(relative).toString();
  }

  @Test
  void aCleanProjectPassesWithStatusZero() throws IOException {
    write("app/main.py", "import asyncio\n\nasync def main():\n    await asyncio.sleep(1)\n");
    assertThat(check(path("app"))).isEqualTo(0);
    assertThat(out.toString()).contains("All checks passed!");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void aSyntaxErrorIsAFindingAndTheRunGoesOn() throws IOException {
    write("pkg/bad.py", "def broken(:\n    pass\n");
    write("pkg/good.py", "x = 1\n");
    assertThat(check("--format", "json", path("pkg"))).isEqualTo(1);
    assertThat(out.toString())
        .contains("\"code\": \"ASY001\"")
        .contains("\"path\": \"" + path("pkg/bad.py") + "\"")
        .contains("\"line\": 1");
  }

  @Test
  void anUndecodableFileIsReportedAsASyntaxError() throws IOException {
    Files.createDirectories(dir.resolve("src"));
    Files.write(
        dir.resolve("src/latin.py"), "x = 'caf\u00e9'\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(check(path("src"))).isEqualTo(1);
    assertThat(out.toString()).contains("ASY001").contains("latin.py:1:");
  }

  @Test
  void badTomlIsAConfigurationErrorNamingTheFile() throws IOException {
    write("proj/asynclint.toml", "select = [\"ASY1\"\n");
    write("proj/a.py", "x = 1\n");
    assertThat(check(path("proj"))).isEqualTo(2);
    assertThat(err.toString()).contains("asynclint.toml").doesNotContain("Exception");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void anUnknownKeyIsNamed() throws IOException {
    write("proj/pyproject.toml", "[tool.asynclint]\nselekt = [\"ASY1\"]\n");
    write("proj/a.py", "x = 1\n");
    assertThat(check(path("proj"))).isEqualTo(2);
    assertThat(err.toString()).contains("pyproject.toml").contains("selekt").contains("select");
  }

  @Test
  void anUnknownRuleCodeIsAUsageError() throws IOException {
    write("proj/a.py", "x = 1\n");
    assertThat(check("--select", "ASY999", path("proj"))).isEqualTo(2);
    assertThat(err.toString()).contains("ASY999");
  }

  @Test
  void aFolderWithoutPythonFilesPassesWithAWarning() throws IOException {
    write("docs/readme.txt", "no code here\n");
    assertThat(check(path("docs"))).isEqualTo(0);
    assertThat(err.toString()).contains("warning: no Python files found");
  }

  @Test
  void aMissingPathIsAUsageError() {
    assertThat(check(path("nowhere"))).isEqualTo(2);
    assertThat(err.toString()).contains("nowhere").contains("no such file or directory");
  }

  @Test
  void aBrokenLinkIsReportedAndTheOthersAreChecked() throws IOException {
    write("proj/a.py", "def broken(:\n");
    Files.createSymbolicLink(dir.resolve("proj/gone.py"), dir.resolve("proj/missing-target.py"));
    assertThat(check(path("proj"))).isEqualTo(2);
    assertThat(out.toString()).contains("ASY001");
    assertThat(out.toString() + err.toString()).contains("gone.py");
  }

  @Test
  void aSymbolicLinkLoopIsSurvived() throws IOException {
    write("proj/pkg/a.py", "x = 1\n");
    Files.createSymbolicLink(dir.resolve("proj/pkg/again"), dir.resolve("proj"));
    assertThat(check(path("proj"))).isEqualTo(0);
    assertThat(out.toString()).contains("All checks passed!");
  }

  @Test
  void tenThousandFilesAreChecked() throws IOException {
    Path many = Files.createDirectories(dir.resolve("many"));
    for (int i = 0; i < 10_000; i++) {
      Files.writeString(many.resolve("m" + i + ".py"), "def f" + i + "():\n    return " + i + "\n");
    }
    Files.writeString(many.resolve("m5000.py"), "def broken(:\n");
    assertThat(check("--format", "json", path("many"))).isEqualTo(1);
    assertThat(out.toString()).contains("m5000.py").containsOnlyOnce("\"code\"");
  }

  @Test
  void pathsStayAsTheUserGaveThem() throws IOException {
    write("proj/sub/bad.py", "def broken(:\n");
    Path relative = Path.of("").toAbsolutePath().relativize(dir.resolve("proj"));
    assertThat(check(relative.toString())).isEqualTo(1);
    assertThat(out.toString()).startsWith(relative.resolve("sub/bad.py") + ":1:");
  }

  @Test
  void unusedNoqaIsReportedWhenSelected() throws IOException {
    write("proj/a.py", "import asyncio\nasyncio.sleep  # noqa: ASY100\n");
    assertThat(check(path("proj"))).isEqualTo(0);
    assertThat(check("--extend-select", "ASY002", path("proj"))).isEqualTo(1);
    assertThat(out.toString()).contains("ASY002").contains("a.py:2:");
  }

  @Test
  void exitZeroOutputFileAndStatistics() throws IOException {
    write("proj/bad.py", "def broken(:\n");
    Path report = dir.resolve("report.json");
    assertThat(
            check("--exit-zero", "--format", "json", "--output", report.toString(), path("proj")))
        .isEqualTo(0);
    assertThat(out.toString()).isEmpty();
    assertThat(Files.readString(report)).contains("ASY001");
    assertThat(check("--statistics", path("proj"))).isEqualTo(1);
    assertThat(out.toString()).contains("ASY001").contains("syntax-error");
  }

  @Test
  void anUnknownFormatIsAUsageError() throws IOException {
    write("proj/a.py", "x = 1\n");
    assertThat(check("--format", "xml", path("proj"))).isEqualTo(2);
    assertThat(err.toString()).contains("xml");
  }

  @Test
  void sarifAndGithubFormatsWrite() throws IOException {
    write("proj/bad.py", "def broken(:\n");
    assertThat(check("--format", "sarif", path("proj"))).isEqualTo(1);
    assertThat(out.toString()).contains("\"version\": \"2.1.0\"").contains("ASY001");
    out.getBuffer().setLength(0);
    assertThat(check("--format", "github", path("proj"))).isEqualTo(1);
    assertThat(out.toString()).startsWith("::error file=");
  }

  @Test
  void rulesAndRuleDescribeTheCatalog() {
    assertThat(Main.run(new PrintWriter(out), new PrintWriter(err), "rules")).isEqualTo(0);
    assertThat(out.toString()).contains("ASY001").contains("syntax-error");
    out.getBuffer().setLength(0);
    assertThat(Main.run(new PrintWriter(out), new PrintWriter(err), "rule", "ASY001")).isEqualTo(0);
    assertThat(out.toString()).startsWith("# ASY001: syntax-error").contains("## What it does");
    assertThat(Main.run(new PrintWriter(out), new PrintWriter(err), "rule", "ASY999")).isEqualTo(2);
    assertThat(err.toString()).contains("unknown rule 'ASY999'");
  }
}
