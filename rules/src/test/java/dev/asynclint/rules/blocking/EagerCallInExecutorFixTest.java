package dev.asynclint.rules.blocking;

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

/** The text ASY213's fix produces: the callable and its arguments handed over separately. */
class EagerCallInExecutorFixTest {
  @TempDir Path dir;

  @Test
  void toThreadTakesPositionalAndKeywordArgumentsDirectly() throws IOException {
    String source =
        "import asyncio\nimport requests\n\n\nasync def page(url):\n"
            + "    return await asyncio.to_thread(requests.get(url, timeout=5))\n";
    assertThat(fixed(source))
        .isEqualTo(
            "import asyncio\nimport requests\n\n\nasync def page(url):\n"
                + "    return await asyncio.to_thread(requests.get, url, timeout=5)\n");
  }

  @Test
  void runInExecutorTakesPositionalArguments() throws IOException {
    String source =
        "import asyncio\nimport subprocess\n\n\nasync def build(cmd):\n"
            + "    loop = asyncio.get_running_loop()\n"
            + "    await loop.run_in_executor(None, subprocess.run(cmd, *extra()))\n\n\n"
            + "def extra():\n    return []\n";
    assertThat(fixed(source))
        .isEqualTo(
            "import asyncio\nimport subprocess\n\n\nasync def build(cmd):\n"
                + "    loop = asyncio.get_running_loop()\n"
                + "    await loop.run_in_executor(None, subprocess.run, cmd, *extra())\n\n\n"
                + "def extra():\n    return []\n");
  }

  @Test
  void runInExecutorKeywordsGoThroughAnImportedPartial() throws IOException {
    String source =
        "import asyncio\nfrom functools import partial as p\nimport subprocess\n\n\n"
            + "async def build(cmd):\n    loop = asyncio.get_running_loop()\n"
            + "    await loop.run_in_executor(None, subprocess.run(cmd, check=True))\n";
    assertThat(fixed(source))
        .isEqualTo(
            "import asyncio\nfrom functools import partial as p\nimport subprocess\n\n\n"
                + "async def build(cmd):\n    loop = asyncio.get_running_loop()\n"
                + "    await loop.run_in_executor(None, p(subprocess.run, cmd, check=True))\n");
  }

  @Test
  void runInExecutorKeywordsImportFunctoolsWhenMissing() throws IOException {
    String source =
        "\"\"\"Builds.\"\"\"\nimport asyncio\nimport subprocess\n\n\n"
            + "async def build(loop, cmd):\n"
            + "    await loop.run_in_executor(None, subprocess.run(cmd, check=True))\n";
    assertThat(fixed(source))
        .isEqualTo(
            "\"\"\"Builds.\"\"\"\nimport functools\nimport asyncio\nimport subprocess\n\n\n"
                + "async def build(loop, cmd):\n    await loop.run_in_executor(None,"
                + " functools.partial(subprocess.run, cmd, check=True))\n");
  }

  @Test
  void otherOffloadersTakeKeywordsThroughPartial() throws IOException {
    String source =
        "import functools\nfrom concurrent.futures import ThreadPoolExecutor\n"
            + "import requests\n\npool = ThreadPoolExecutor()\n\n\n"
            + "def prefetch(url):\n    return pool.submit(requests.get(url, timeout=3))\n";
    assertThat(fixed(source))
        .isEqualTo(
            "import functools\nfrom concurrent.futures import ThreadPoolExecutor\n"
                + "import requests\n\npool = ThreadPoolExecutor()\n\n\n"
                + "def prefetch(url):\n"
                + "    return pool.submit(functools.partial(requests.get, url, timeout=3))\n");
  }

  @Test
  void noFixForComputedCalleesOrComments() throws IOException {
    String source =
        "import asyncio\nimport anyio.to_thread\nimport requests\n\n\n"
            + "async def a(urls):\n    await asyncio.to_thread(requests.get(urls[0]))\n\n\n"
            + "async def b(url):\n"
            + "    await anyio.to_thread.run_sync(requests.Session().get(url))\n\n\n"
            + "async def c(url):\n    await asyncio.to_thread(requests.get(  # main\n"
            + "        url))\n";
    List<Diagnostic> findings = run(source);
    assertThat(findings).hasSize(3);
    assertThat(findings.get(0).fix()).isNotNull();
    assertThat(findings.get(1).fix()).isNull();
    assertThat(findings.get(2).fix()).isNull();
  }

  private String fixed(String source) throws IOException {
    List<Diagnostic> findings = run(source);
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).fix().applicability()).isEqualTo(FixAvailability.SAFE);
    String result = apply(source, findings.get(0).fix().edits());
    assertThat(Parser.parse(result).hasErrors()).as(result).isFalse();
    assertThat(run(result)).as("fixpoint").isEmpty();
    return result;
  }

  private List<Diagnostic> run(String source) throws IOException {
    Files.writeString(dir.resolve("offload.py"), source, StandardCharsets.UTF_8);
    return Fixture.load(dir).run(List.of(new EagerCallInExecutor()), Settings.DEFAULT);
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
