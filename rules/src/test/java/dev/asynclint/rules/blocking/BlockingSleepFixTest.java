package dev.asynclint.rules.blocking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asynclint.lint.Diagnostic;
import dev.asynclint.lint.FixAvailability;
import dev.asynclint.testkit.FixRun;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The text ASY200's fix produces: awaited {@code asyncio.sleep}, imported when needed. */
class BlockingSleepFixTest {
  @TempDir Path dir;

  @Test
  void awaitsAsyncioSleepUnderTheModulesAlias() throws IOException {
    String source =
        "import asyncio as aio\nimport time\n\n\nasync def poll():\n    time.sleep(1)\n";
    assertThat(fixed(source))
        .isEqualTo(
            "import asyncio as aio\nimport time\n\n\nasync def poll():\n"
                + "    await aio.sleep(1)\n");
  }

  @Test
  void importsAsyncioAfterTheDocstringAndFutureImports() throws IOException {
    String source =
        "\"\"\"Pollers.\"\"\"\nfrom __future__ import annotations\nfrom time import sleep\n\n\n"
            + "async def poll():\n    delay = sleep(2)\n    return delay\n";
    assertThat(fixed(source))
        .isEqualTo(
            "\"\"\"Pollers.\"\"\"\nfrom __future__ import annotations\nimport asyncio\n"
                + "from time import sleep\n\n\nasync def poll():\n"
                + "    delay = await asyncio.sleep(2)\n    return delay\n");
  }

  @Test
  void noFixInsideExpressionsOrLambdasOrWhenAsyncioMeansSomethingElse() throws IOException {
    String source =
        "import time\n\n\nasync def poll(asyncio):\n    time.sleep(1)\n\n\n"
            + "async def nested():\n    return [time.sleep(1) for _ in range(2)]\n\n\n"
            + "async def part():\n    return time.sleep(1) or 2\n";
    List<Diagnostic> findings = run(source);
    assertThat(findings).hasSize(3);
    assertThat(findings).allSatisfy(finding -> assertThat(finding.fix()).isNull());
  }

  private String fixed(String source) throws IOException {
    return fix().fixed(source, FixAvailability.SAFE);
  }

  private List<Diagnostic> run(String source) throws IOException {
    return fix().findings(source);
  }

  private FixRun fix() {
    return new FixRun(dir, "poller.py", new BlockingSleep());
  }
}
