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

/** {@code asynclint check --fix} and {@code --diff} end to end. */
class FixCommandTest {
  private static final String SOURCE =
      "import asyncio\n\n\nasync def main():\n    loop = asyncio.get_event_loop()\n"
          + "    return loop\n";
  private static final String FIXED = SOURCE.replace("get_event_loop", "get_running_loop");

  @TempDir Path dir;

  private StringWriter out = new StringWriter();
  private StringWriter err = new StringWriter();

  private int check(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    List<String> all = new ArrayList<>(List.of("check"));
    all.addAll(List.of(args));
    PrintWriter outWriter = new PrintWriter(out);
    PrintWriter errWriter = new PrintWriter(err);
    int status = Main.run(outWriter, errWriter, all.toArray(String[]::new));
    outWriter.flush();
    errWriter.flush();
    return status;
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  @Test
  void fixRewritesTheFileAndASecondRunFindsNothing() throws IOException {
    Path file = write("app.py", SOURCE);
    assertThat(check("--fix", dir.toString())).isEqualTo(0);
    assertThat(Files.readString(file)).isEqualTo(FIXED);
    assertThat(out.toString()).contains("Found 1 finding (1 fixed, 0 remaining).");
    assertThat(err.toString()).isEmpty();

    assertThat(check(dir.toString())).isEqualTo(0);
    assertThat(out.toString()).contains("All checks passed!");
    assertThat(check("--fix", dir.toString())).isEqualTo(0);
    assertThat(Files.readString(file)).isEqualTo(FIXED);
  }

  @Test
  void withoutFixTheFindingIsFixableAndTheFileUntouched() throws IOException {
    Path file = write("app.py", SOURCE);
    assertThat(check(dir.toString())).isEqualTo(1);
    assertThat(out.toString()).contains("ASY104").contains("1 fixable with the `--fix` option");
    assertThat(Files.readString(file)).isEqualTo(SOURCE);
  }

  @Test
  void remainingFindingsAreReportedAfterTheFix() throws IOException {
    String sync = "\n\nLOOP = asyncio.get_event_loop()\n";
    Path file = write("app.py", SOURCE + sync);
    assertThat(check("--fix", dir.toString())).isEqualTo(1);
    assertThat(Files.readString(file)).isEqualTo(FIXED + sync);
    assertThat(out.toString())
        .contains("ASY105")
        .doesNotContain("ASY104")
        .contains("Found 2 findings (1 fixed, 1 remaining).");
    assertThat(check("--fix", "--exit-zero", dir.toString())).isEqualTo(0);
    assertThat(out.toString()).contains("ASY105").contains("1 warning");
  }

  @Test
  void diffPrintsTheDiffAndLeavesTheFileAlone() throws IOException {
    Path file = write("app.py", SOURCE);
    assertThat(check("--diff", dir.toString())).isEqualTo(1);
    String path = file.toString();
    assertThat(out.toString())
        .isEqualTo(
            "--- a/"
                + path
                + "\n+++ b/"
                + path
                + "\n@@ -2,5 +2,5 @@\n \n \n async def main():\n"
                + "-    loop = asyncio.get_event_loop()\n"
                + "+    loop = asyncio.get_running_loop()\n"
                + "     return loop\n");
    assertThat(err.toString()).contains("Would fix 1 finding.");
    assertThat(Files.readString(file)).isEqualTo(SOURCE);
  }

  @Test
  void diffWithNothingToFixExitsWithZero() throws IOException {
    write("app.py", "x = 1\n");
    assertThat(check("--diff", dir.toString())).isEqualTo(0);
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void aCrlfFileKeepsCrlf() throws IOException {
    Path file = write("app.py", SOURCE.replace("\n", "\r\n"));
    assertThat(check("--fix", dir.toString())).isEqualTo(0);
    assertThat(Files.readString(file)).isEqualTo(FIXED.replace("\n", "\r\n"));
  }
}
