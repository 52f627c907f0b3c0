package dev.asynclint.engine.fix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asynclint.engine.Check;
import dev.asynclint.engine.config.SelectionOverrides;
import dev.asynclint.engine.discovery.InputFile;
import dev.asynclint.lint.Diagnostic;
import dev.asynclint.lint.Edit;
import dev.asynclint.lint.Fix;
import dev.asynclint.lint.FixAvailability;
import dev.asynclint.lint.RuleMetadata;
import dev.asynclint.lint.Severity;
import dev.asynclint.syntax.PythonVersion;
import dev.asynclint.text.TextRange;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fixing whole files: passes, refusals, and writing them back byte for byte. */
class FixerTest {
  private static final RuleMetadata RULE =
      new RuleMetadata(
          "ASY999", "test-rule", Severity.WARNING, FixAvailability.SAFE, List.of(), "");
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  private static final String CORO =
      "import asyncio\n\n\nasync def main():\n    loop = asyncio.get_event_loop()  # café\n"
          + "    return loop\n";

  @TempDir Path dir;

  private Check.Outcome check(FixMode mode, Path... paths) {
    return Check.run(
        new Check.Request(
            List.of(paths), dir, null, SelectionOverrides.NONE, null, 2, mode, false, false));
  }

  private Path write(String name, byte[] bytes) throws IOException {
    return Files.write(dir.resolve(name), bytes);
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] all = new byte[first.length + second.length];
    System.arraycopy(first, 0, all, 0, first.length);
    System.arraycopy(second, 0, all, first.length, second.length);
    return all;
  }

  @Test
  void fixesAFileAndReportsWhatRemains() throws IOException {
    Path file = write("app.py", (CORO + "asyncio.run(main())\n").getBytes(StandardCharsets.UTF_8));
    Check.Outcome outcome = check(FixMode.FIX, file);
    assertThat(outcome.fixed()).isEqualTo(1);
    assertThat(outcome.diffs()).isEmpty();
    assertThat(outcome.diagnostics()).noneMatch(d -> d.rule().code().equals("ASY104"));
    assertThat(Files.readString(file))
        .isEqualTo(CORO.replace("get_event_loop", "get_running_loop") + "asyncio.run(main())\n");
  }

  @Test
  void keepsTheByteOrderMark() throws IOException {
    Path file = write("bom.py", concat(BOM, CORO.getBytes(StandardCharsets.UTF_8)));
    assertThat(check(FixMode.FIX, file).fixed()).isEqualTo(1);
    assertThat(Files.readAllBytes(file))
        .isEqualTo(
            concat(
                BOM,
                CORO.replace("get_event_loop", "get_running_loop")
                    .getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void keepsTheEncodingOfTheCodingCookie() throws IOException {
    Charset latin1 = StandardCharsets.ISO_8859_1;
    String source = "# -*- coding: latin-1 -*-\n" + CORO;
    Path file = write("latin.py", source.getBytes(latin1));
    assertThat(check(FixMode.FIX, file).fixed()).isEqualTo(1);
    assertThat(Files.readAllBytes(file))
        .isEqualTo(source.replace("get_event_loop", "get_running_loop").getBytes(latin1));
  }

  @Test
  void keepsCrlfLineEndings() throws IOException {
    String crlf = CORO.replace("\n", "\r\n");
    Path file = write("crlf.py", crlf.getBytes(StandardCharsets.UTF_8));
    assertThat(check(FixMode.FIX, file).fixed()).isEqualTo(1);
    assertThat(Files.readString(file))
        .isEqualTo(crlf.replace("get_event_loop", "get_running_loop"));
  }

  @Test
  void diffWritesNothingAndShowsEachChangedFile() throws IOException {
    Path file = write("app.py", CORO.getBytes(StandardCharsets.UTF_8));
    write("clean.py", "x = 1\n".getBytes(StandardCharsets.UTF_8));
    Check.Outcome outcome = check(FixMode.DIFF, dir);
    assertThat(Files.readString(file)).isEqualTo(CORO);
    assertThat(outcome.fixed()).isEqualTo(1);
    assertThat(outcome.diffs()).hasSize(1);
    String path = dir.resolve("app.py").toString();
    assertThat(outcome.diffs().get(0).diff())
        .isEqualTo(
            "--- a/"
                + path
                + "\n+++ b/"
                + path
                + "\n@@ -2,5 +2,5 @@\n \n \n async def main():\n"
                + "-    loop = asyncio.get_event_loop()  # café\n"
                + "+    loop = asyncio.get_running_loop()  # café\n"
                + "     return loop\n");
  }

  @Test
  void noqaSuppressedFindingsAreNotFixed() throws IOException {
    String source = CORO.replace("# café", "# noqa: ASY104");
    Path file = write("app.py", source.getBytes(StandardCharsets.UTF_8));
    assertThat(check(FixMode.FIX, file).fixed()).isZero();
    assertThat(Files.readString(file)).isEqualTo(source);
  }

  // Fixer on its own, with a stand-in check that finds what a function of the text says.

  private static Diagnostic finding(Path file, String source, TextRange range, String by) {
    return new Diagnostic(
        RULE,
        "message",
        file.toString(),
        source,
        range,
        List.of(),
        new Fix("fix", FixAvailability.SAFE, List.of(new Edit(range, by))));
  }

  private static Fixer.Linting linting(
      Path file, AtomicInteger runs, Function<String, List<Diagnostic>> findings) {
    return sources -> {
      runs.incrementAndGet();
      String text;
      try {
        text = sources.getOrDefault(file, Files.readString(file));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      return new Fixer.Pass(findings.apply(text), List.of(), 1);
    };
  }

  @Test
  void overlappingFixesAreAppliedInLaterPasses() throws IOException {
    Path file = write("x.py", "x = 'xxxx'\n".getBytes(StandardCharsets.UTF_8));
    AtomicInteger runs = new AtomicInteger();
    Fixer.Result result =
        new Fixer(FixMode.FIX, false, PythonVersion.LATEST)
            .run(
                List.of(new InputFile(file, file.toString())),
                linting(
                    file,
                    runs,
                    text -> {
                      List<Diagnostic> found = new ArrayList<>();
                      for (int i = text.indexOf("xx"); i >= 0; i = text.indexOf("xx", i + 1)) {
                        found.add(finding(file, text, new TextRange(i, i + 2), "x"));
                      }
                      return found;
                    }));
    assertThat(Files.readString(file)).isEqualTo("x = 'x'\n");
    assertThat(result.fixed()).isEqualTo(3);
    assertThat(result.last().diagnostics()).isEmpty();
    assertThat(runs.get()).isEqualTo(4);
  }

  @Test
  void stopsAfterTenPasses() throws IOException {
    Path file = write("x.py", "x = 1\n".getBytes(StandardCharsets.UTF_8));
    AtomicInteger runs = new AtomicInteger();
    Fixer.Result result =
        new Fixer(FixMode.FIX, false, PythonVersion.LATEST)
            .run(
                List.of(new InputFile(file, file.toString())),
                linting(
                    file, runs, text -> List.of(finding(file, text, new TextRange(0, 0), "\n"))));
    assertThat(result.fixed()).isEqualTo(Fixer.MAX_PASSES);
    assertThat(runs.get()).isEqualTo(Fixer.MAX_PASSES + 1);
    assertThat(result.last().diagnostics()).hasSize(1);
    assertThat(Files.readString(file)).isEqualTo("\n".repeat(Fixer.MAX_PASSES) + "x = 1\n");
  }

  @Test
  void aFixThatBreaksTheSyntaxIsRefusedAndTheFileKept() throws IOException {
    String source = "x = 1\n";
    Path file = write("x.py", source.getBytes(StandardCharsets.UTF_8));
    AtomicInteger runs = new AtomicInteger();
    Fixer.Result result =
        new Fixer(FixMode.FIX, false, PythonVersion.LATEST)
            .run(
                List.of(new InputFile(file, file.toString())),
                linting(
                    file,
                    runs,
                    text -> List.of(finding(file, text, new TextRange(0, 1), "def ("))));
    assertThat(result.fixed()).isZero();
    assertThat(result.last().diagnostics()).hasSize(1);
    assertThat(runs.get()).isEqualTo(1);
    assertThat(Files.readString(file)).isEqualTo(source);
  }

  @Test
  void aFixTheEncodingCannotHoldIsRefused() throws IOException {
    String source = "# coding: latin-1\nx = 1\n";
    Path file = write("x.py", source.getBytes(StandardCharsets.ISO_8859_1));
    Fixer.Result result =
        new Fixer(FixMode.FIX, false, PythonVersion.LATEST)
            .run(
                List.of(new InputFile(file, file.toString())),
                linting(
                    file,
                    new AtomicInteger(),
                    text -> {
                      int at = text.indexOf('1');
                      return List.of(finding(file, text, new TextRange(at, at + 1), "'\u20ac'"));
                    }));
    assertThat(result.fixed()).isZero();
    assertThat(Files.readAllBytes(file)).isEqualTo(source.getBytes(StandardCharsets.ISO_8859_1));
  }

  @Test
  void theDiffModeCountsButDoesNotWrite() throws IOException {
    Path file = write("x.py", "x = 1\n".getBytes(StandardCharsets.UTF_8));
    Fixer.Result result =
        new Fixer(FixMode.DIFF, false, PythonVersion.LATEST)
            .run(
                List.of(new InputFile(file, file.toString())),
                linting(
                    file,
                    new AtomicInteger(),
                    text ->
                        text.startsWith("x")
                            ? List.of(finding(file, text, new TextRange(0, 1), "y"))
                            : List.of()));
    assertThat(result.fixed()).isEqualTo(1);
    assertThat(result.last().diagnostics()).isEmpty();
    String path = file.toString();
    assertThat(result.diffs())
        .containsExactly(
            new Fixer.FileDiff(
                path, "--- a/" + path + "\n+++ b/" + path + "\n@@ -1 +1 @@\n-x = 1\n+y = 1\n"));
    assertThat(Files.readString(file)).isEqualTo("x = 1\n");
  }
}
