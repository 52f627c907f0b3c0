package dev.asynclint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DebugAstCommandTest {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(new PrintWriter(out), new PrintWriter(err), args);
  }

  @Test
  void printsOneJsonLinePerFile() throws Exception {
    Path good = Files.writeString(dir.resolve("good.py"), "x = 'é'\n");
    Path bad = Files.writeString(dir.resolve("bad.py"), "x = (\n");
    assertThat(run("debug", "ast", good.toString(), bad.toString())).isEqualTo(0);
    String[] lines = out.toString().split("\n");
    assertThat(lines).hasSize(2);
    assertThat(lines[0])
        .isEqualTo(
            "{\"path\": \""
                + good
                + "\", \"dump\": \"Module(body=[Assign(targets=[Name(id='x',"
                + " ctx=Store(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)],"
                + " value=Constant(value='é', lineno=1, col_offset=4, end_lineno=1,"
                + " end_col_offset=8), lineno=1, col_offset=0, end_lineno=1, end_col_offset=8)],"
                + " type_ignores=[])\"}");
    assertThat(lines[1])
        .isEqualTo(
            "{\"path\": \""
                + bad
                + "\", \"error\": {\"line\": 1, \"column\": 5, \"message\":"
                + " \"'(' was never closed\"}}");
  }

  @Test
  void undecodableAndUnreadableFilesAreReportedNotFatal() throws Exception {
    Path latin = dir.resolve("latin.py");
    Files.write(latin, "x = '\u00e9'\n".getBytes(StandardCharsets.ISO_8859_1));
    Path missing = dir.resolve("missing.py");
    assertThat(run("debug", "ast", latin.toString(), missing.toString())).isEqualTo(0);
    String[] lines = out.toString().split("\n");
    assertThat(lines[0]).contains("\"error\"").contains("Non-UTF-8 code starting with '\\\\xe9'");
    assertThat(lines[1]).contains("\"error\"").contains("cannot read file");
  }

  @Test
  void targetVersionIsChecked() throws Exception {
    Path file = Files.writeString(dir.resolve("alias.py"), "type X = int\n");
    assertThat(run("debug", "ast", "--target-version", "py311", file.toString())).isEqualTo(0);
    assertThat(out.toString()).contains("\"error\"");
    out.getBuffer().setLength(0);
    assertThat(run("debug", "ast", file.toString())).isEqualTo(0);
    assertThat(out.toString()).contains("TypeAlias(name=Name(id='X'");
    assertThat(run("debug", "ast", "--target-version", "py27", file.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("unknown Python version 'py27'");
  }

  @Test
  void usageErrorsExitWithTwo() {
    assertThat(run("debug", "ast")).isEqualTo(2);
    assertThat(run("no-such-command")).isEqualTo(2);
    assertThat(err.toString()).contains("Unmatched argument");
  }
}
