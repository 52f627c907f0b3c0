package dev.asynclint.rules.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asynclint.lint.Diagnostic;
import dev.asynclint.lint.Edit;
import dev.asynclint.lint.FixAvailability;
import dev.asynclint.lint.Settings;
import dev.asynclint.syntax.parser.Parser;
import dev.asynclint.testkit.Fixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The text ASY300's unsafe fix produces: {@code await} inserted before the call, whether dropped or
 * bound to a name nothing reads.
 */
class MissingAwaitFixTest {
  @TempDir Path dir;

  @Test
  void awaitsAMethodCallThroughSelf() throws IOException {
    String source =
        "class Service:\n    async def notify(self, order):\n        return order\n\n"
            + "    async def ship(self, order):\n        self.notify(order)\n";
    assertThat(fixed(source))
        .isEqualTo(
            "class Service:\n    async def notify(self, order):\n        return order\n\n"
                + "    async def ship(self, order):\n        await self.notify(order)\n");
  }

  @Test
  void awaitsAParenthesizedAsyncioCall() throws IOException {
    String source = "import asyncio\n\n\nasync def poll():\n    (asyncio.sleep(1))\n";
    assertThat(fixed(source))
        .isEqualTo("import asyncio\n\n\nasync def poll():\n    (await asyncio.sleep(1))\n");
  }

  @Test
  void awaitsACoroutineBoundToAnUnreadName() throws IOException {
    String source =
        "import asyncio\n\n\nasync def notify(user):\n    await asyncio.sleep(0)\n\n\n"
            + "async def ship(user):\n    receipt = notify(user)\n    return None\n";
    assertThat(fixed(source))
        .isEqualTo(
            "import asyncio\n\n\nasync def notify(user):\n    await asyncio.sleep(0)\n\n\n"
                + "async def ship(user):\n    receipt = await notify(user)\n    return None\n");
  }

  @Test
  void awaitsALibraryCoroutineOnAResolvedReceiver() throws IOException {
    String source =
        "import aiohttp\n\n\nasync def ping(url):\n    session = aiohttp.ClientSession()\n"
            + "    session.get(url)\n    await session.close()\n";
    assertThat(fixed(source))
        .isEqualTo(
            "import aiohttp\n\n\nasync def ping(url):\n    session = aiohttp.ClientSession()\n"
                + "    await session.get(url)\n    await session.close()\n");
  }

  private String fixed(String source) throws IOException {
    List<Diagnostic> findings = run(source);
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).fix().applicability()).isEqualTo(FixAvailability.UNSAFE);
    String result = apply(source, findings.get(0).fix().edits());
    assertThat(Parser.parse(result).hasErrors()).as(result).isFalse();
    assertThat(run(result)).as("fixpoint").isEmpty();
    return result;
  }

  private List<Diagnostic> run(String source) throws IOException {
    Files.writeString(dir.resolve("service.py"), source, StandardCharsets.UTF_8);
    return Fixture.load(dir).run(List.of(new MissingAwait()), Settings.DEFAULT);
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
