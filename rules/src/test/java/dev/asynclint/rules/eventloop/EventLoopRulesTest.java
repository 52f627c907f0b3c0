package dev.asynclint.rules.eventloop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asynclint.lint.Diagnostic;
import dev.asynclint.lint.Edit;
import dev.asynclint.lint.FixAvailability;
import dev.asynclint.lint.Rule;
import dev.asynclint.lint.Settings;
import dev.asynclint.testkit.Expectation;
import dev.asynclint.testkit.Fixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each event-loop lifecycle rule on its fixture, plus the project-wide cases a one-project fixture
 * cannot hold next to its positives, and the text ASY104's fix produces.
 */
class EventLoopRulesTest {
  private static final Path FIXTURES = Path.of("src/test/resources/fixtures");

  @TempDir Path dir;

  static Stream<Arguments> rules() {
    return Stream.of(
            new LoopPerCall(),
            new RunPerCall(),
            new LoopNotClosed(),
            new RunInRunningLoop(),
            new GetEventLoopInCoroutine(),
            new DeprecatedGetEventLoop(),
            new SetEventLoopPerCall(),
            new SyncViewBridgesAsync())
        .map(rule -> Arguments.of(rule.metadata().code(), rule));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void fixtureProducesExactlyItsAnnotations(String code, Rule rule) {
    Path folder = FIXTURES.resolve(code);
    Fixture fixture =
        Fixture.load(Files.isDirectory(folder) ? folder : FIXTURES.resolve(code + ".py"));
    fixture.verify(List.of(rule), Settings.DEFAULT);
    long positives =
        fixture.expectations().stream().map(Expectation::code).filter(code::equals).count();
    assertThat(positives).as(code + " positives").isPositive();
    assertThat(fixture.negativeCount()).as(code + " negatives").isGreaterThanOrEqualTo(positives);
  }

  @Test
  void getEventLoopFixRenamesTheAttributeWhateverTheModuleAlias() throws IOException {
    String source =
        "import asyncio as aio\n"
            + "from asyncio import get_event_loop\n"
            + "\n"
            + "\n"
            + "async def tick():\n"
            + "    return aio.get_event_loop().time() + get_event_loop().time()\n";
    List<Diagnostic> findings = run(new GetEventLoopInCoroutine(), "tick.py", source);
    assertThat(findings).hasSize(2);
    Diagnostic aliased = findings.get(0);
    assertThat(aliased.fix().applicability()).isEqualTo(FixAvailability.SAFE);
    assertThat(apply(source, aliased.fix().edits()))
        .contains("return aio.get_running_loop().time() + get_event_loop().time()");
    assertThat(findings.get(1).fix()).as("no fix for the bare imported name").isNull();
  }

  @Test
  void aLoopSetAsCurrentCountsAsClosedWhenTheProjectClosesTheCurrentLoop() throws IOException {
    String start =
        "import asyncio\n"
            + "\n"
            + "\n"
            + "def start():\n"
            + "    loop = asyncio.new_event_loop()\n"
            + "    asyncio.set_event_loop(loop)\n"
            + "    loop.run_until_complete(asyncio.sleep(0))\n";
    assertThat(run(new LoopNotClosed(), "start.py", start)).hasSize(1);
    write("stop.py", "import asyncio\n\n\ndef stop():\n    asyncio.get_event_loop().close()\n");
    assertThat(run(new LoopNotClosed(), "start.py", start)).isEmpty();
  }

  @Test
  void getEventLoopInFunctionsIsLeftAloneOnceSomeFunctionSetsALoop() throws IOException {
    String main =
        "import asyncio\n"
            + "\n"
            + "\n"
            + "def main():\n"
            + "    asyncio.get_event_loop().run_until_complete(asyncio.sleep(0))\n"
            + "\n"
            + "\n"
            + "if __name__ == \"__main__\":\n"
            + "    main()\n";
    assertThat(run(new DeprecatedGetEventLoop(), "main.py", main)).hasSize(1);
    write(
        "setup.py",
        "import asyncio\n\n\ndef install():\n    asyncio.set_event_loop(asyncio.new_event_loop())\n");
    assertThat(run(new DeprecatedGetEventLoop(), "main.py", main)).isEmpty();
  }

  @Test
  void projectsThatApplyNestAsyncioMayRunLoopsInRunningLoops() throws IOException {
    String handler =
        "import asyncio\n"
            + "\n"
            + "\n"
            + "async def handle():\n"
            + "    return asyncio.run(asyncio.sleep(0))\n";
    assertThat(run(new RunInRunningLoop(), "handler.py", handler)).hasSize(1);
    write("boot.py", "import nest_asyncio\n\nnest_asyncio.apply()\n");
    assertThat(run(new RunInRunningLoop(), "handler.py", handler)).isEmpty();
  }

  /** Writes a module of the temporary project and runs one rule over the whole project. */
  private List<Diagnostic> run(Rule rule, String file, String source) throws IOException {
    write(file, source);
    return Fixture.load(dir).run(List.of(rule), Settings.DEFAULT);
  }

  private void write(String file, String source) throws IOException {
    Files.writeString(dir.resolve(file), source, StandardCharsets.UTF_8);
  }

  private static String apply(String source, List<Edit> edits) {
    StringBuilder text = new StringBuilder(source);
    for (int i = edits.size() - 1; i >= 0; i--) {
      Edit edit = edits.get(i);
      text.replace(edit.range().start(), edit.range().end(), edit.replacement());
    }
    return text.toString();
  }
}
