package dev.asynclint.rules.structured;

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
    List<Diagnostic> findings = run(source);
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).fix().applicability()).isEqualTo(FixAvailability.SAFE);
    String result = apply(source, findings.get(0).fix().edits());
    assertThat(Parser.parse(result).hasErrors()).as(result).isFalse();
    assertThat(run(result)).as("fixpoint").isEmpty();
    return result;
  }

  private List<Diagnostic> run(String source) throws IOException {
    Files.writeString(dir.resolve("loader.py"), source, StandardCharsets.UTF_8);
    return Fixture.load(dir).run(List.of(new TimeoutWithoutAwait()), Settings.DEFAULT);
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
