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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Suppressions, per-file ignores and rule selection end to end, on real findings. */
class SuppressionCommandTest {
  private static final String VIEW =
      "import asyncio\n"
          + "from flask import Flask\n"
          + "app = Flask(__name__)\n"
          + "async def work():\n"
          + "    return 1\n"
          + "@app.route('/')\n"
          + "def index():\n"
          + "    return str(asyncio.run(work()))%s\n";
  private static final Pattern CODE = Pattern.compile(":(\\d+):\\d+: (ASY\\d+)");

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private List<String> check(String... args) {
    List<String> all = new ArrayList<>(List.of("check", "--quiet"));
    all.addAll(List.of(args));
    Main.run(new PrintWriter(out), new PrintWriter(err), all.toArray(String[]::new));
    List<String> found = new ArrayList<>();
    Matcher matcher = CODE.matcher(out.toString());
    while (matcher.find()) {
      found.add(matcher.group(1) + " " + matcher.group(2));
    }
    out.getBuffer().setLength(0);
    return found;
  }

  private void write(String relative, String text) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  @Test
  void withoutSuppressionsTheViewIsReported() throws IOException {
    write("app/views.py", String.format(VIEW, ""));
    assertThat(check(dir.resolve("app").toString())).containsExactly("7 ASY601", "8 ASY101");
  }

  @Test
  void noqaWithACodeSilencesThatCodeOnItsLine() throws IOException {
    write("app/views.py", String.format(VIEW, "  # noqa: ASY101"));
    assertThat(check(dir.resolve("app").toString())).containsExactly("7 ASY601");
    write("app/views.py", String.format(VIEW, "  # noqa"));
    assertThat(check(dir.resolve("app").toString())).containsExactly("7 ASY601");
  }

  @Test
  void fileIgnoreSilencesAPrefixInTheWholeFile() throws IOException {
    write("app/views.py", "# asynclint: file-ignore[ASY6]\n" + String.format(VIEW, ""));
    assertThat(check(dir.resolve("app").toString())).containsExactly("9 ASY101");
  }

  @Test
  void perFileIgnoresAndSelectionComeFromTheConfiguration() throws IOException {
    write(
        "pyproject.toml",
        "[tool.asynclint]\nextend-select = [\"ASY002\"]\n"
            + "[tool.asynclint.per-file-ignores]\n\"legacy/*\" = [\"ASY1\"]\n");
    write("app/views.py", String.format(VIEW, "  # noqa: ASY104"));
    write("legacy/views.py", String.format(VIEW, ""));
    assertThat(check(dir.toString()))
        .containsExactly("7 ASY601", "8 ASY101", "8 ASY002", "7 ASY601");
    assertThat(check("--select", "ASY601", dir.toString())).containsExactly("7 ASY601", "7 ASY601");
    assertThat(check("--ignore", "ASY6", dir.toString())).containsExactly("8 ASY101", "8 ASY002");
  }
}
