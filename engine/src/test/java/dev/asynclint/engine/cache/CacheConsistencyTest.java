package dev.asynclint.engine.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.asynclint.engine.Check;
import dev.asynclint.engine.LintResult;
import dev.asynclint.engine.config.SelectionOverrides;
import dev.asynclint.engine.fix.FixMode;
import dev.asynclint.lint.Diagnostic;
import dev.asynclint.lint.Edit;
import dev.asynclint.lint.Fix;
import dev.asynclint.lint.Related;
import dev.asynclint.rules.RuleRegistry;
import dev.asynclint.text.TextRange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cache never changes results: every rule fixture checked without the cache, on a cold cache
 * and on a warm one gives exactly the same outcome, and so it does again after each round of seeded
 * random edits (set {@code -Dasynclint.cacheSeed=N} to replay another seed).
 */
class CacheConsistencyTest {
  private static final Path FIXTURES =
      Path.of("..", "rules", "src", "test", "resources", "fixtures");
  private static final long SEED = Long.getLong("asynclint.cacheSeed", 20240611L);
  private static final int ROUNDS = 6;
  private static final SelectionOverrides EVERY_RULE =
      new SelectionOverrides(List.of("ASY"), List.of(), List.of());

  @TempDir Path dir;

  @Test
  void theFindingsWithTheCacheAreTheFindingsWithout() throws IOException {
    int copied = copyFixtures();
    Check.Outcome reference = check(false);
    assertThat(reference.rules()).hasSize(RuleRegistry.all().size());
    assertThat(reference.filesChecked()).isEqualTo(copied);
    assertThat(reference.diagnostics()).hasSizeGreaterThan(copied);
    assertThat(reference.errors()).isEmpty();
    // The outcome to compare holds each part the cache has to keep.
    assertThat(reference.diagnostics()).anyMatch(diagnostic -> diagnostic.fix() != null);
    assertThat(reference.diagnostics())
        .anyMatch(
            diagnostic ->
                diagnostic.related().stream()
                    .anyMatch(related -> !related.path().equals(diagnostic.path())));
    List<String> expected = describe(reference);

    Check.Outcome cold = check(true);
    assertThat(cold.cached()).as("cold cache used").isFalse();
    assertSameOutcome("cold cache", describe(cold), expected);
    Check.Outcome warm = check(true);
    assertThat(warm.cached()).as("warm cache used").isTrue();
    assertSameOutcome("warm cache", describe(warm), expected);

    RandomEdits edits = new RandomEdits(dir, new Random(SEED));
    List<String> log = new ArrayList<>();
    for (int round = 1; round <= ROUNDS; round++) {
      Map<Path, String> before = snapshot();
      int count = 1 + edits.random.nextInt(3);
      for (int i = 0; i < count; i++) {
        log.add("round " + round + ": " + edits.apply());
      }
      String context = "seed " + SEED + ", edits so far:\n" + String.join("\n", log) + "\n";
      checkAfterEdits(context, !snapshot().equals(before));
    }
  }

  /**
   * Each multi-module fixture as a project of its own, so that its imports resolve as written: the
   * findings whose related locations lie in other files (ASY208's chains) come from these.
   */
  @Test
  void eachMultiModuleFixtureAloneGivesTheSameFindingsWithTheCache() throws IOException {
    int projects = 0;
    int relatedElsewhere = 0;
    for (Path fixture : sorted(Files.list(FIXTURES))) {
      if (!Files.isDirectory(fixture)) {
        continue;
      }
      Path project = dir.resolve(fixture.getFileName().toString());
      copyFolder(fixture, project);
      String what = "fixture " + fixture.getFileName() + ": ";
      Check.Outcome reference = check(project, false);
      assertThat(reference.diagnostics()).as(what + "findings").isNotEmpty();
      List<String> expected = describe(reference);
      Check.Outcome cold = check(project, true);
      assertThat(cold.cached()).as(what + "cold cache used").isFalse();
      assertSameOutcome(what + "cold cache", describe(cold), expected);
      Check.Outcome warm = check(project, true);
      assertThat(warm.cached()).as(what + "warm cache used").isTrue();
      assertSameOutcome(what + "warm cache", describe(warm), expected);
      for (Diagnostic diagnostic : reference.diagnostics()) {
        for (Related related : diagnostic.related()) {
          relatedElsewhere += related.path().equals(diagnostic.path()) ? 0 : 1;
        }
      }
      projects++;
    }
    assertThat(projects).as("multi-module fixtures").isGreaterThan(5);
    assertThat(relatedElsewhere).as("related locations in other files").isGreaterThan(2);
  }

  /** With the cache after a round of edits, then without, then with it again (warm). */
  private void checkAfterEdits(String context, boolean changed) {
    Check.Outcome first = check(true);
    Check.Outcome reference = check(false);
    Check.Outcome again = check(true);
    List<String> expected = describe(reference);
    assertThat(first.cached()).as(context + "answered from the cache").isEqualTo(!changed);
    assertSameOutcome(context + "cache after the edits", describe(first), expected);
    assertSameOutcome(context + "warm cache after the edits", describe(again), expected);
    // A run with file errors is not kept; without any, the second run must be a hit.
    assertThat(again.cached())
        .as(context + "warm run answered from the cache")
        .isEqualTo(reference.errors().isEmpty());
  }

  /** Fails with what differs, rather than two lists of hundreds of findings. */
  private static void assertSameOutcome(String what, List<String> actual, List<String> expected) {
    if (actual.equals(expected)) {
      return;
    }
    List<String> missing = new ArrayList<>(expected);
    missing.removeAll(actual);
    List<String> unexpected = new ArrayList<>(actual);
    unexpected.removeAll(expected);
    int index = 0;
    while (index < Math.min(actual.size(), expected.size())
        && actual.get(index).equals(expected.get(index))) {
      index++;
    }
    fail(
        "%s: not the outcome of the run without the cache%n"
            + "only without the cache: %s%nonly with the cache: %s%n"
            + "first difference at line %d of %d (with the cache: %d)",
        what,
        String.join("\n", missing),
        String.join("\n", unexpected),
        index,
        expected.size(),
        actual.size());
  }

  private Check.Outcome check(boolean cache) {
    return check(dir, cache);
  }

  private static Check.Outcome check(Path project, boolean cache) {
    return Check.run(
        new Check.Request(
            List.of(project), project, null, EVERY_RULE, null, 2, FixMode.NONE, false, cache));
  }

  /** Copies each fixture ({@code CODE.py} or folder {@code CODE/}) into a folder of its own. */
  private int copyFixtures() throws IOException {
    assertThat(FIXTURES)
        .as("the rule fixtures, expected at %s", FIXTURES.toAbsolutePath().normalize())
        .isDirectory();
    int files = 0;
    for (Path fixture : sorted(Files.list(FIXTURES))) {
      String name = fixture.getFileName().toString();
      if (Files.isDirectory(fixture)) {
        files += copyFolder(fixture, dir.resolve(name));
      } else if (name.endsWith(".py")) {
        Path target = dir.resolve(name.substring(0, name.length() - 3)).resolve(name);
        Files.createDirectories(target.getParent());
        Files.copy(fixture, target);
        files++;
      }
    }
    assertThat(files).as("fixture files copied").isGreaterThan(50);
    return files;
  }

  /** Copies a folder's files under {@code target}; returns how many are Python files. */
  private static int copyFolder(Path folder, Path target) throws IOException {
    int python = 0;
    for (Path file : sorted(Files.walk(folder))) {
      if (Files.isRegularFile(file)) {
        Path copy = target.resolve(folder.relativize(file).toString());
        Files.createDirectories(copy.getParent());
        Files.copy(file, copy);
        python += file.toString().endsWith(".py") ? 1 : 0;
      }
    }
    return python;
  }

  private static List<Path> sorted(Stream<Path> paths) {
    try (paths) {
      return paths.sorted().collect(Collectors.toList());
    }
  }

  /** The project's Python files and their texts, to tell whether a round changed anything. */
  private Map<Path, String> snapshot() throws IOException {
    Map<Path, String> texts = new LinkedHashMap<>();
    for (Path file : RandomEdits.pythonFiles(dir)) {
      texts.put(file, Files.readString(file, StandardCharsets.UTF_8));
    }
    return texts;
  }

  /** Everything of an outcome, spelled out so that two outcomes compare exactly. */
  private static List<String> describe(Check.Outcome outcome) {
    List<String> lines = new ArrayList<>();
    lines.add("files checked " + outcome.filesChecked());
    lines.add("missing " + outcome.missing());
    lines.add("rules " + outcome.rules());
    for (LintResult.FileError error : outcome.errors()) {
      lines.add("error " + error.path() + ": " + error.message());
    }
    for (Diagnostic diagnostic : outcome.diagnostics()) {
      StringBuilder line = new StringBuilder();
      line.append(diagnostic.path()).append(' ').append(range(diagnostic.range()));
      line.append(' ').append(diagnostic.rule().code()).append(' ').append(diagnostic.message());
      line.append(" source=").append(digest(diagnostic.source()));
      Fix fix = diagnostic.fix();
      if (fix != null) {
        line.append("\n  fix ").append(fix.title()).append(' ').append(fix.applicability());
        for (Edit edit : fix.edits()) {
          line.append("\n    edit ").append(range(edit.range()));
          line.append(' ').append(quote(edit.replacement()));
        }
      }
      for (Related related : diagnostic.related()) {
        line.append("\n  related ").append(related.path()).append(' ');
        line.append(range(related.range())).append(' ').append(related.message());
        line.append(" source=").append(digest(related.source()));
      }
      lines.add(line.toString());
    }
    return lines;
  }

  private static String range(TextRange range) {
    return range.start() + ".." + range.end();
  }

  private static String quote(String text) {
    return '"' + text.replace("\\", "\\\\").replace("\n", "\\n").replace("\"", "\\\"") + '"';
  }

  private static String digest(String text) {
    if (text == null) {
      return "null";
    }
    try {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      return bytes.length + ":" + HexFormat.of().formatHex(sha256().digest(bytes), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static MessageDigest sha256() throws NoSuchAlgorithmException {
    return MessageDigest.getInstance("SHA-256");
  }

  /** Seeded random edits of the project's Python files, each described for the failure message. */
  private static final class RandomEdits {
    private static final Pattern IDENTIFIER = Pattern.compile("\\b[A-Za-z_][A-Za-z0-9_]*\\b");
    private static final String BROKEN = "def broken_%d(:";
    private static final List<String> ADDED_BODIES =
        List.of(
            "    time.sleep(1)\n",
            "    await asyncio.sleep(0)\n    requests.get(\"https://example.org\")\n",
            "    with open(\"data.txt\") as handle:\n        return handle.read()\n",
            "    asyncio.create_task(asyncio.sleep(1))\n",
            "    try:\n        await asyncio.sleep(1)\n    except BaseException:\n        pass\n");

    private final Path root;
    private final Random random;

    /** The lines of ours that break files, and the file each is in. */
    private final Map<String, Path> broken = new LinkedHashMap<>();

    private int counter;

    RandomEdits(Path root, Random random) {
      this.root = root;
      this.random = random;
    }

    static List<Path> pythonFiles(Path root) throws IOException {
      try (Stream<Path> walk = Files.walk(root)) {
        return walk.filter(path -> path.toString().endsWith(".py"))
            .filter(path -> !root.relativize(path).startsWith(ResultCache.FOLDER))
            .sorted()
            .collect(Collectors.toList());
      }
    }

    /** Makes one edit and says which. */
    String apply() throws IOException {
      counter++;
      List<Path> files = pythonFiles(root);
      Path file = files.get(random.nextInt(files.size()));
      String text = Files.readString(file, StandardCharsets.UTF_8);
      List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
      // The element after a final newline is not a line.
      int lineCount = text.endsWith("\n") ? lines.size() - 1 : lines.size();
      int kind = random.nextInt(8);
      if (lineCount == 0 && kind <= 1) {
        return addFile(files);
      }
      switch (kind) {
        case 0:
          int deleted = random.nextInt(lineCount);
          String gone = lines.remove(deleted);
          write(file, String.join("\n", lines));
          return "deleted line " + (deleted + 1) + " of " + name(file) + ": " + quote(gone);
        case 1:
          int copied = random.nextInt(lineCount);
          lines.add(copied, lines.get(copied));
          write(file, String.join("\n", lines));
          return "duplicated line "
              + (copied + 1)
              + " of "
              + name(file)
              + ": "
              + quote(lines.get(copied));
        case 2:
          String function = "\n\nasync def added_" + counter + "():\n" + body();
          write(file, text + function);
          return "appended to " + name(file) + ": " + quote(function);
        case 3:
          return renameOne(file, text);
        case 4:
          return addFile(files);
        case 5:
          return files.size() < 10 ? addFile(files) : delete(file);
        case 6:
          String breaking = String.format(BROKEN, counter);
          int at = random.nextInt(lineCount + 1);
          lines.add(at, breaking);
          write(file, String.join("\n", lines));
          broken.put(breaking, file);
          return "syntax error at line " + (at + 1) + " of " + name(file) + ": " + quote(breaking);
        default:
          return repair();
      }
    }

    private String body() {
      return ADDED_BODIES.get(random.nextInt(ADDED_BODIES.size()));
    }

    private String delete(Path file) throws IOException {
      Files.delete(file);
      broken.values().removeIf(file::equals);
      return "deleted " + name(file);
    }

    private String renameOne(Path file, String text) throws IOException {
      List<Occurrence> identifiers = new ArrayList<>();
      Matcher matcher = IDENTIFIER.matcher(text);
      while (matcher.find()) {
        identifiers.add(new Occurrence(matcher.start(), matcher.end()));
      }
      if (identifiers.isEmpty()) {
        return addFileIn(file.getParent());
      }
      Occurrence chosen = identifiers.get(random.nextInt(identifiers.size()));
      String old = text.substring(chosen.start, chosen.end);
      String renamed = "renamed_" + counter;
      write(file, text.substring(0, chosen.start) + renamed + text.substring(chosen.end));
      return "renamed `"
          + old
          + "` at offset "
          + chosen.start
          + " of "
          + name(file)
          + " to "
          + renamed;
    }

    private record Occurrence(int start, int end) {}

    /** Removes the syntax error an earlier edit made, if one is left. */
    private String repair() throws IOException {
      for (Map.Entry<String, Path> entry : new ArrayList<>(broken.entrySet())) {
        Path file = entry.getValue();
        broken.remove(entry.getKey());
        if (!Files.exists(file)) {
          continue;
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (lines.removeIf(entry.getKey()::equals)) {
          write(file, String.join("\n", lines));
          return "removed the syntax error " + quote(entry.getKey()) + " of " + name(file);
        }
      }
      return addFile(pythonFiles(root));
    }

    private String addFile(List<Path> files) throws IOException {
      return addFileIn(files.get(random.nextInt(files.size())).getParent());
    }

    private String addFileIn(Path folder) throws IOException {
      Path file = folder.resolve("added_" + counter + ".py");
      String text =
          "import asyncio\nimport time\n\n\nasync def handler_" + counter + "():\n" + body();
      write(file, text);
      return "added " + name(file) + ": " + quote(text);
    }

    private String name(Path file) {
      return root.relativize(file).toString();
    }

    private static void write(Path file, String text) throws IOException {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    }
  }
}
