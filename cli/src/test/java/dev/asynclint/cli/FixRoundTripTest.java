package dev.asynclint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.asynclint.lint.FixAvailability;
import dev.asynclint.lint.Rule;
import dev.asynclint.rules.RuleRegistry;
import dev.asynclint.syntax.parser.Parser;
import dev.asynclint.text.DecodeResult;
import dev.asynclint.text.SourceDecoder;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check --fix --unsafe-fixes} in a temporary copy of every fixable rule's fixture and of the
 * standard library: every rewritten file must still parse (for asynclint's parser and for
 * CPython's), and a second run must find nothing left that it could fix.
 */
class FixRoundTripTest {
  private static final Path FIXTURES =
      Path.of("..", "rules", "src", "test", "resources", "fixtures");

  @TempDir Path dir;

  @TestFactory
  Stream<DynamicTest> everyFixableRuleFixesItsFixtureIntoCodeThatParses() {
    List<Rule> fixable =
        RuleRegistry.all().stream()
            .filter(rule -> rule.metadata().fix() != FixAvailability.NONE)
            .collect(Collectors.toList());
    assertThat(fixable).isNotEmpty();
    return fixable.stream()
        .map(
            rule ->
                DynamicTest.dynamicTest(
                    rule.metadata().code(), () -> roundTrip(rule.metadata().code())));
  }

  private void roundTrip(String code) throws IOException, InterruptedException {
    Path copy = Files.createDirectories(dir.resolve(code));
    Path file = FIXTURES.resolve(code + ".py");
    Path folder = FIXTURES.resolve(code);
    if (Files.isRegularFile(file)) {
      Files.copy(file, copy.resolve(file.getFileName()));
    }
    if (Files.isDirectory(folder)) {
      copyPython(folder, copy);
    }
    Map<Path, String> before = contents(copy);
    assertThat(before).as("fixture of " + code).isNotEmpty();

    run("--fix", "--unsafe-fixes", "--select", code, copy.toString());

    List<Path> changed = changed(before);
    assertThat(changed).as(code + " fixes something in its fixture").isNotEmpty();
    assertParses(changed);
    assertThat(fixableLeft(code, copy)).as("fixable " + code + " findings after --fix").isEmpty();
  }

  @Test
  void fixesOverTheStandardLibraryKeepEveryFileParsable() throws IOException, InterruptedException {
    Path stdlib = standardLibrary();
    assumeTrue(stdlib != null, "python3 is not installed: no standard library to fix");
    Path copy = Files.createDirectories(dir.resolve("stdlib"));
    copyPython(stdlib, copy);
    Map<Path, String> before = contents(copy);

    run("--fix", "--unsafe-fixes", copy.toString());

    List<Path> changed = changed(before);
    assertThat(changed).as("files the fixes rewrote").isNotEmpty();
    assertParses(changed);
  }

  private String run(String... args) {
    StringWriter out = new StringWriter();
    List<String> all = new ArrayList<>(List.of("check", "--no-cache"));
    all.addAll(List.of(args));
    Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), all.toArray(String[]::new));
    return out.toString();
  }

  /** The findings of {@code code} that still offer a fix. */
  private List<String> fixableLeft(String code, Path folder) throws IOException {
    JsonNode findings =
        new ObjectMapper()
            .readTree(
                run("--select", code, "--unsafe-fixes", "--format", "json", folder.toString()));
    List<String> left = new ArrayList<>();
    for (JsonNode finding : findings) {
      if (finding.hasNonNull("fix")) {
        left.add(finding.get("path").asText() + ":" + finding.get("line").asInt());
      }
    }
    return left;
  }

  private static void assertParses(List<Path> files) throws IOException, InterruptedException {
    for (Path file : files) {
      DecodeResult decoded = SourceDecoder.decode(Files.readAllBytes(file), file.toString());
      assertThat(decoded).as("decoding fixed " + file).isInstanceOf(DecodeResult.Decoded.class);
      String text = ((DecodeResult.Decoded) decoded).text();
      assertThat(Parser.parse(text).errors()).as("syntax errors in fixed " + file).isEmpty();
    }
    if (!python3Available()) {
      return;
    }
    List<String> command = new ArrayList<>(List.of("python3", "-c", COMPILE_ALL));
    for (Path file : files) {
      command.add(file.toString());
    }
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(output).as("CPython's verdict on the fixed files").isEmpty();
  }

  /** Compiles each file named on the command line; prints the ones CPython refuses. */
  private static final String COMPILE_ALL =
      "import sys, warnings\n"
          + "warnings.simplefilter('ignore')\n"
          + "for path in sys.argv[1:]:\n"
          + "    try:\n"
          + "        compile(open(path, 'rb').read(), path, 'exec', dont_inherit=True)\n"
          + "    except SyntaxError as error:\n"
          + "        print(path, error)\n";

  private static Map<Path, String> contents(Path folder) throws IOException {
    Map<Path, String> contents = new HashMap<>();
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        contents.put(file, new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
      }
    }
    return contents;
  }

  private static List<Path> changed(Map<Path, String> before) throws IOException {
    List<Path> changed = new ArrayList<>();
    for (Map.Entry<Path, String> entry : before.entrySet()) {
      String now = new String(Files.readAllBytes(entry.getKey()), StandardCharsets.ISO_8859_1);
      if (!now.equals(entry.getValue())) {
        changed.add(entry.getKey());
      }
    }
    changed.sort(null);
    return changed;
  }

  /** Copies the {@code .py} files of a tree (without {@code site-packages}). */
  private static void copyPython(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path relative = from.relativize(file);
        if (relative.toString().contains("site-packages")
            || !Files.isRegularFile(file)
            || !file.toString().endsWith(".py")) {
          continue;
        }
        Path target = to.resolve(relative.toString());
        Files.createDirectories(target.getParent());
        Files.copy(file, target);
      }
    }
  }

  private static boolean python3Available() {
    return standardLibrary() != null;
  }

  private static Path standardLibraryPath;

  /** The standard library of the machine's {@code python3}; null without one. */
  private static synchronized Path standardLibrary() {
    if (standardLibraryPath == null) {
      try {
        Process process =
            new ProcessBuilder(
                    "python3", "-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])")
                .redirectErrorStream(true)
                .start();
        String output =
            new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (process.waitFor(1, TimeUnit.MINUTES) && process.exitValue() == 0) {
          standardLibraryPath = Path.of(output);
        }
      } catch (IOException e) {
        return null;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
    }
    return standardLibraryPath;
  }
}
