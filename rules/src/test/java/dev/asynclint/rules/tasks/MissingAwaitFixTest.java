package dev.asynclint.rules.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asynclint.lint.Diagnostic;
import dev.asynclint.lint.FixAvailability;
import dev.asynclint.testkit.FixRun;
import java.io.IOException;
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
    return fix().fixed(source, FixAvailability.UNSAFE);
  }

  private List<Diagnostic> run(String source) throws IOException {
    return fix().findings(source);
  }

  private FixRun fix() {
    return new FixRun(dir, "service.py", new MissingAwait());
  }
}
