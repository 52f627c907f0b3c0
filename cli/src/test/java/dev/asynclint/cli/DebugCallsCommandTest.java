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
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DebugCallsCommandTest {
  private static final Path PROJECTS = Path.of("src/test/resources/projects");

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(List<String> args) {
    return Main.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
  }

  /**
   * A multi-module project: packages, relative imports (one beyond the top-level package),
   * re-exports through {@code __init__.py}, inherited and {@code super()} methods, {@code
   * self.session} attributes, factories, conditional imports and a script importing the package.
   */
  @Test
  void resolvesEveryCallOfAMultiModuleProject() throws IOException {
    List<String> args = new ArrayList<>(List.of("debug", "calls"));
    try (Stream<Path> files = Files.walk(PROJECTS.resolve("shop"))) {
      files
          .filter(file -> file.toString().endsWith(".py"))
          .map(file -> PROJECTS.relativize(file).toString())
          .sorted()
          .forEach(file -> args.add(PROJECTS.resolve(file).toString()));
    }
    assertThat(run(args)).isEqualTo(0);
    String expected = Files.readString(PROJECTS.resolve("shop.calls"), StandardCharsets.UTF_8);
    String actual =
        out.toString()
            .lines()
            .map(line -> line.substring(PROJECTS.toString().length() + 1))
            .collect(Collectors.joining("\n", "", "\n"));
    assertThat(actual).isEqualTo(expected);
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void columnsCountCharactersAndCalleesSpanningLinesAreJoined() throws IOException {
    Path file =
        Files.writeString(dir.resolve("m.py"), "x = 'é' ; print(\n    x)\n(str\n .upper)(x)\n");
    assertThat(run(List.of("debug", "calls", file.toString()))).isEqualTo(0);
    assertThat(out.toString().lines())
        .containsExactly(
            file + ":1:11\tprint\tbuiltins.print\tsync",
            file + ":3:1\tstr .upper\tbuiltins.str.upper\tsync");
  }

  @Test
  void reportsUnreadableAndUnparsableFilesAndGoesOn() throws IOException {
    Path good = Files.writeString(dir.resolve("good.py"), "len([])\n");
    Path bad = Files.writeString(dir.resolve("bad.py"), "x = (\n");
    Path missing = dir.resolve("missing.py");
    int status =
        run(List.of("debug", "calls", bad.toString(), missing.toString(), good.toString()));
    assertThat(status).isEqualTo(2);
    assertThat(out.toString().lines()).containsExactly(good + ":1:1\tlen\tbuiltins.len\tsync");
    assertThat(err.toString())
        .contains(bad + ":1:5: '(' was never closed")
        .contains(missing + ": cannot read file");
  }
}
