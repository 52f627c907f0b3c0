package dev.asynclint.rules.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asynclint.lint.Diagnostic;
import dev.asynclint.lint.FixAvailability;
import dev.asynclint.lint.Settings;
import dev.asynclint.syntax.PythonVersion;
import dev.asynclint.syntax.parser.Parser;
import dev.asynclint.testkit.FixRun;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The text ASY301's unsafe fix produces: the task kept in a module-level set, which drops it when
 * it is done.
 */
class DanglingTaskFixTest {
  @TempDir Path dir;

  @Test
  void definesTheSetAfterTheImportsAndKeepsTheTask() throws IOException {
    String source =
        "\"\"\"Signup.\"\"\"\nimport asyncio\n\n\nasync def send_welcome(address):\n"
            + "    await asyncio.sleep(1)\n\n\nasync def handle_signup(request):\n"
            + "    asyncio.create_task(send_welcome(request[\"email\"]))  # fire and forget\n"
            + "    return {\"status\": \"ok\"}\n";
    assertThat(fixed(source, Settings.DEFAULT))
        .isEqualTo(
            "\"\"\"Signup.\"\"\"\nimport asyncio\n\n_background_tasks: set[asyncio.Task] = set()\n"
                + "\n\nasync def send_welcome(address):\n    await asyncio.sleep(1)\n\n\n"
                + "async def handle_signup(request):\n"
                + "    task = asyncio.create_task(send_welcome(request[\"email\"]))"
                + "\n    _background_tasks.add(task)\n"
                + "    task.add_done_callback(_background_tasks.discard)  # fire and forget\n"
                + "    return {\"status\": \"ok\"}\n");
  }

  @Test
  void reusesAnExistingSetAndAvoidsNamesInUse() throws IOException {
    String source =
        "import asyncio\n\nbackground_tasks = set()\n\n\nasync def job(task):\n    return task\n\n\n"
            + "async def run_all(tasks):\n    for task in tasks:\n"
            + "        if task:\n            asyncio.ensure_future(job(task))\n";
    assertThat(fixed(source, Settings.DEFAULT))
        .isEqualTo(
            "import asyncio\n\nbackground_tasks = set()\n\n\nasync def job(task):\n"
                + "    return task\n\n\nasync def run_all(tasks):\n    for task in tasks:\n"
                + "        if task:\n            task_2 = asyncio.ensure_future(job(task))\n"
                + "            background_tasks.add(task_2)\n"
                + "            task_2.add_done_callback(background_tasks.discard)\n");
  }

  @Test
  void leavesTheSetUnannotatedWithoutAPlainAsyncioImportOrBefore39() throws IOException {
    String source =
        "from asyncio import create_task\n\n_background_tasks = None\n\n\n"
            + "async def tick():\n    return 1\n\n\nasync def main():\n    create_task(tick())\n";
    assertThat(fixed(source, Settings.DEFAULT))
        .isEqualTo(
            "from asyncio import create_task\n\n_background_tasks_2 = set()\n\n"
                + "_background_tasks = None\n\n\nasync def tick():\n    return 1\n\n\n"
                + "async def main():\n    task = create_task(tick())\n"
                + "    _background_tasks_2.add(task)\n"
                + "    task.add_done_callback(_background_tasks_2.discard)\n");
    Settings py38 = new Settings(PythonVersion.PY38, Set.of(), Set.of(), Set.of());
    String plain = "import asyncio\n\n\nasync def main(coro):\n    asyncio.create_task(coro)\n";
    assertThat(fixed(plain, py38))
        .isEqualTo(
            "import asyncio\n\n_background_tasks = set()\n\n\nasync def main(coro):\n"
                + "    task = asyncio.create_task(coro)\n    _background_tasks.add(task)\n"
                + "    task.add_done_callback(_background_tasks.discard)\n");
  }

  @Test
  void twoTasksInOneFileShareTheSetOnTheSecondPass() throws IOException {
    String source =
        "import asyncio\n\n\nasync def main(a, b):\n    asyncio.create_task(a)\n"
            + "    asyncio.create_task(b)\n";
    List<Diagnostic> findings = run(source, Settings.DEFAULT);
    assertThat(findings).hasSize(2);
    String once = FixRun.apply(source, findings.get(0).fix().edits());
    List<Diagnostic> again = run(once, Settings.DEFAULT);
    assertThat(again).hasSize(1);
    String twice = FixRun.apply(once, again.get(0).fix().edits());
    assertThat(twice)
        .isEqualTo(
            "import asyncio\n\n_background_tasks: set[asyncio.Task] = set()\n\n\n"
                + "async def main(a, b):\n    task = asyncio.create_task(a)\n"
                + "    _background_tasks.add(task)\n"
                + "    task.add_done_callback(_background_tasks.discard)\n"
                + "    task_2 = asyncio.create_task(b)\n    _background_tasks.add(task_2)\n"
                + "    task_2.add_done_callback(_background_tasks.discard)\n");
    assertThat(Parser.parse(twice).hasErrors()).isFalse();
    assertThat(run(twice, Settings.DEFAULT)).isEmpty();
  }

  @Test
  void offersNoFixForAStatementSharingItsLine() throws IOException {
    String source =
        "import asyncio\n\n\nasync def main(coro, ready):\n"
            + "    if ready: asyncio.create_task(coro)\n";
    List<Diagnostic> findings = run(source, Settings.DEFAULT);
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).fix()).isNull();
  }

  private String fixed(String source, Settings settings) throws IOException {
    return fix(settings).fixed(source, FixAvailability.UNSAFE);
  }

  private List<Diagnostic> run(String source, Settings settings) throws IOException {
    return fix(settings).findings(source);
  }

  private FixRun fix(Settings settings) {
    return new FixRun(dir, "signup.py", new DanglingTask(), settings);
  }
}
