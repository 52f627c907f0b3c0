package dev.asynclint.rules.structured;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asynclint.lint.Diagnostic;
import dev.asynclint.lint.FixAvailability;
import dev.asynclint.testkit.FixRun;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The text ASY700's fix produces: the timeout removed, its body one level out. */
class TimeoutWithoutAwaitFixTest {
  @TempDir Path dir;

  @Test
  void movesTheBodyOutOfTheTimeout() throws IOException {
    String source =
        "import asyncio\nimport json\n\n\nasync def load(raw):\n"
            + "    async with asyncio.timeout(5):\n"
            + "        data = json.loads(raw)\n\n"
            + "        # keep the comment\n"
            + "        if data:\n"
            + "            return data\n"
            + "    return None\n";
    assertThat(fixed(source))
        .isEqualTo(
            "import asyncio\nimport json\n\n\nasync def load(raw):\n"
                + "    data = json.loads(raw)\n\n"
                + "    # keep the comment\n"
                + "    if data:\n"
                + "        return data\n"
                + "    return None\n");
  }

  @Test
  void keepsABodyOnTheHeaderLine() throws IOException {
    String source =
        "import asyncio\nimport json\n\n\nasync def load(raw):\n"
            + "    async with asyncio.timeout(1): return json.loads(raw)\n";
    assertThat(fixed(source))
        .isEqualTo(
            "import asyncio\nimport json\n\n\nasync def load(raw):\n"
                + "    return json.loads(raw)\n");
  }

  @Test
  void keepsCrlfLineEndings() throws IOException {
    String source =
        "import asyncio\r\n\r\n\r\nasync def load(raw):\r\n"
            + "    async with asyncio.timeout(5):\r\n"
            + "        data = raw.strip()\r\n"
            + "        return data\r\n";
    assertThat(fixed(source))
        .isEqualTo(
            "import asyncio\r\n\r\n\r\nasync def load(raw):\r\n"
                + "    data = raw.strip()\r\n"
                + "    return data\r\n");
  }

  @Test
  void noFixWhenTheTextWouldChange() throws IOException {
    String source =
        "import asyncio\n\n\nasync def doc(raw):\n"
            + "    async with asyncio.timeout(5):\n"
            + "        text = \"\"\"first\n"
            + "        second\"\"\"\n"
            + "        return text\n\n\n"
            + "async def commented(raw):\n"
            + "    async with asyncio.timeout(5):  # why\n"
            + "        return raw\n";
    List<Diagnostic> findings = run(source);
    assertThat(findings).hasSize(2);
    assertThat(findings).allSatisfy(finding -> assertThat(finding.fix()).isNull());
  }

  private String fixed(String source) throws IOException {
    return fix().fixed(source, FixAvailability.SAFE);
  }

  private List<Diagnostic> run(String source) throws IOException {
    return fix().findings(source);
  }

  private FixRun fix() {
    return new FixRun(dir, "loader.py", new TimeoutWithoutAwait());
  }
}
