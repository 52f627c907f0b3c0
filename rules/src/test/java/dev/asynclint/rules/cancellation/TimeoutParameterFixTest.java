package dev.asynclint.rules.cancellation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asynclint.lint.Diagnostic;
import dev.asynclint.lint.Edit;
import dev.asynclint.lint.FixAvailability;
import dev.asynclint.lint.Settings;
import dev.asynclint.syntax.PythonVersion;
import dev.asynclint.syntax.parser.Parser;
import dev.asynclint.testkit.Fixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The text ASY403's fix produces: the parameter gone, callers bound by asyncio.timeout(). */
class TimeoutParameterFixTest {
  @TempDir Path dir;

  @Test
  void removesTheParameterAndWrapsTheCallsThatPassedATimeout() throws IOException {
    String source =
        "import asyncio\n\n\n"
            + "async def read_frame(reader, timeout=None):\n"
            + "    \"\"\"One frame.\"\"\"\n"
            + "    return await asyncio.wait_for(reader.readexactly(16), timeout)\n\n\n"
            + "async def main(reader):\n"
            + "    first = await read_frame(reader, timeout=2.5)\n"
            + "    await read_frame(reader)\n"
            + "    return await read_frame(reader, timeout=None)\n";
    assertThat(fixed(source))
        .isEqualTo(
            "import asyncio\n\n\n"
                + "async def read_frame(reader):\n"
                + "    \"\"\"One frame.\"\"\"\n"
                + "    return await reader.readexactly(16)\n\n\n"
                + "async def main(reader):\n"
                + "    async with asyncio.timeout(2.5):\n"
                + "        first = await read_frame(reader)\n"
                + "    await read_frame(reader)\n"
                + "    return await read_frame(reader)\n");
  }

  @Test
  void keywordOnlyParameterFirstAndTheModulesAlias() throws IOException {
    String source =
        "import asyncio as aio\n\n\n"
            + "async def ping(*args, timeout=None, retries=3):\n"
            + "    return await aio.wait_for(send(args, retries), timeout=timeout)\n\n\n"
            + "async def send(args, retries):\n"
            + "    await aio.sleep(0)\n\n\n"
            + "async def main():\n"
            + "    return await ping(1, timeout=5, retries=1)\n";
    assertThat(fixed(source))
        .isEqualTo(
            "import asyncio as aio\n\n\n"
                + "async def ping(*args, retries=3):\n"
                + "    return await send(args, retries)\n\n\n"
                + "async def send(args, retries):\n"
                + "    await aio.sleep(0)\n\n\n"
                + "async def main():\n"
                + "    async with aio.timeout(5):\n"
                + "        return await ping(1, retries=1)\n");
  }

  @Test
  void noFixWhenCallersOrTheBodyCannotBeRewritten() throws IOException {
    String source =
        "import asyncio\n\n\n"
            + "async def by_position(reader, timeout=None):\n"
            + "    return await asyncio.wait_for(reader.read(), timeout)\n\n\n"
            + "async def main(reader):\n"
            + "    return await by_position(reader, 3)\n\n\n"
            + "async def with_default(reader, timeout=5):\n"
            + "    return await asyncio.wait_for(reader.read(), timeout)\n\n\n"
            + "async def more_work(reader, timeout=None):\n"
            + "    data = await asyncio.wait_for(reader.read(), timeout)\n"
            + "    return data.strip()\n\n\n"
            + "async def passed_around(reader, timeout=None):\n"
            + "    return await asyncio.wait_for(reader.read(), timeout)\n\n\n"
            + "callbacks = [passed_around]\n\n\n"
            + "class Client:\n"
            + "    async def call(self, timeout=None):\n"
            + "        return await asyncio.wait_for(self.send(), timeout)\n";
    List<Diagnostic> findings = run(source, Settings.DEFAULT);
    assertThat(findings).hasSize(5);
    assertThat(findings).allSatisfy(finding -> assertThat(finding.fix()).isNull());
  }

  @Test
  void noFixWhenACallerHidesTheAsyncioAlias() throws IOException {
    String source =
        "import asyncio\n\n\n"
            + "async def read_frame(reader, timeout=None):\n"
            + "    return await asyncio.wait_for(reader.read(), timeout)\n\n\n"
            + "async def main(reader, asyncio):\n"
            + "    return await read_frame(reader, timeout=asyncio.deadline)\n";
    List<Diagnostic> findings = run(source, Settings.DEFAULT);
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).fix()).isNull();
  }

  @Test
  void noFixBeforePython311() throws IOException {
    String source =
        "import asyncio\n\n\n"
            + "async def read_frame(reader, timeout=None):\n"
            + "    return await asyncio.wait_for(reader.read(), timeout)\n";
    Settings py310 = new Settings(PythonVersion.PY310, Set.of(), Set.of(), Set.of());
    List<Diagnostic> findings = run(source, py310);
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).fix()).isNull();
  }

  private String fixed(String source) throws IOException {
    List<Diagnostic> findings = run(source, Settings.DEFAULT);
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).fix().applicability()).isEqualTo(FixAvailability.UNSAFE);
    String result = apply(source, findings.get(0).fix().edits());
    assertThat(Parser.parse(result).hasErrors()).as(result).isFalse();
    assertThat(run(result, Settings.DEFAULT)).as("fixpoint").isEmpty();
    return result;
  }

  private List<Diagnostic> run(String source, Settings settings) throws IOException {
    Files.writeString(dir.resolve("frames.py"), source, StandardCharsets.UTF_8);
    return Fixture.load(dir).run(List.of(new TimeoutParameter()), settings);
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
