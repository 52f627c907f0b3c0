package dev.asynclint.engine.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asynclint.engine.Check;
import dev.asynclint.engine.config.SelectionOverrides;
import dev.asynclint.engine.fix.FixMode;
import dev.asynclint.lint.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code .asynclint_cache/}: reused only when nothing changed, and never trusted blindly. */
class ResultCacheTest {
  private static final String BLOCKING =
      "import time\n\n\nasync def poll():\n    time.sleep(1)  # blocks\n";

  @TempDir Path dir;

  private Check.Outcome check(boolean cache, SelectionOverrides overrides) {
    return Check.run(
        new Check.Request(List.of(dir), dir, null, overrides, null, 2, FixMode.NONE, false, cache));
  }

  private Check.Outcome check() {
    return check(true, SelectionOverrides.NONE);
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  private static List<String> describe(List<Diagnostic> diagnostics) {
    List<String> lines = new ArrayList<>();
    for (Diagnostic diagnostic : diagnostics) {
      lines.add(
          diagnostic.path()
              + " "
              + diagnostic.range()
              + " "
              + diagnostic.rule().code()
              + " "
              + diagnostic.message()
              + " fix="
              + (diagnostic.fix() == null ? null : diagnostic.fix().edits())
              + " related="
              + diagnostic.related().size());
    }
    return lines;
  }

  @Test
  void anUnchangedProjectIsAnsweredFromTheCacheWithTheSameFindings() throws IOException {
    Path file = write("poller.py", BLOCKING);
    Check.Outcome first = check();
    Check.Outcome second = check();

    assertThat(first.cached()).isFalse();
    assertThat(second.cached()).isTrue();
    assertThat(first.diagnostics()).isNotEmpty();
    assertThat(describe(second.diagnostics())).isEqualTo(describe(first.diagnostics()));
    assertThat(second.diagnostics().get(0).source()).isEqualTo(Files.readString(file));
    assertThat(second.filesChecked()).isEqualTo(first.filesChecked());
    assertThat(Files.readString(dir.resolve(".asynclint_cache/.gitignore"))).contains("*");
  }

  @Test
  void aChangedFileIsCheckedAgain() throws IOException {
    write("poller.py", BLOCKING);
    check();
    write("poller.py", BLOCKING.replace("time.sleep(1)", "await asyncio.sleep(1)"));

    Check.Outcome after = check();

    assertThat(after.cached()).isFalse();
    assertThat(describe(after.diagnostics())).noneMatch(line -> line.contains("ASY200"));
  }

  @Test
  void anAddedFileIsCheckedAgain() throws IOException {
    write("poller.py", BLOCKING);
    check();
    write("other.py", BLOCKING);

    Check.Outcome after = check();

    assertThat(after.cached()).isFalse();
    assertThat(after.filesChecked()).isEqualTo(2);
  }

  @Test
  void anotherSelectionIsCheckedAgain() throws IOException {
    write("poller.py", BLOCKING);
    check();

    Check.Outcome narrowed =
        check(true, new SelectionOverrides(List.of("ASY1"), List.of(), List.of()));

    assertThat(narrowed.cached()).isFalse();
    assertThat(narrowed.diagnostics()).isEmpty();
  }

  @Test
  void aDamagedCacheIsIgnoredAndReplaced() throws IOException {
    write("poller.py", BLOCKING);
    List<String> expected = describe(check().diagnostics());
    Path results = dir.resolve(".asynclint_cache/results-v1.json");
    assertThat(results).exists();
    for (String damage : List.of("{\"format\": 1, \"key\": ", "", "[]", "\u0000\u0001garbage")) {
      Files.writeString(results, damage);
      Check.Outcome outcome = check();
      assertThat(outcome.cached()).as(damage).isFalse();
      assertThat(describe(outcome.diagnostics())).isEqualTo(expected);
    }
    assertThat(check().cached()).isTrue();
  }

  @Test
  void aCacheOfAnotherKeyIsNotTrusted() throws IOException {
    write("poller.py", BLOCKING);
    check();
    Path results = dir.resolve(".asynclint_cache/results-v1.json");
    String json = Files.readString(results);
    write("poller.py", "async def poll():\n    return 1\n");
    // The findings kept for the old contents must not be shown for the new ones.
    Check.Outcome outcome = check();
    assertThat(outcome.cached()).isFalse();
    assertThat(outcome.diagnostics()).isEmpty();
    assertThat(Files.readString(results)).isNotEqualTo(json);
  }

  @Test
  void runsSideBySideAllSucceedAndLeaveAUsableCache() throws Exception {
    write("poller.py", BLOCKING);
    List<String> expected = describe(check(false, SelectionOverrides.NONE).diagnostics());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Check.Outcome>> runs = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        runs.add(pool.submit(() -> check()));
      }
      for (Future<Check.Outcome> run : runs) {
        assertThat(describe(run.get().diagnostics())).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(check().cached()).isTrue();
    try (var files = Files.list(dir.resolve(".asynclint_cache"))) {
      assertThat(files.map(path -> path.getFileName().toString()))
          .containsExactlyInAnyOrder(".gitignore", "results-v1.json");
    }
  }

  @Test
  void withoutTheCacheNothingIsWritten() throws IOException {
    write("poller.py", BLOCKING);
    check(false, SelectionOverrides.NONE);
    assertThat(dir.resolve(".asynclint_cache")).doesNotExist();
  }
}
