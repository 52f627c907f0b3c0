package dev.asynclint.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Projects for the HTML report tests: an ordinary one with a call chain, and files whose names,
 * code, strings and comments try to inject markup and script into the report.
 */
final class HtmlReportProjects {
  /** Sets {@code window.__pwned} if it ever runs; the tests check that it never does. */
  static final String SCRIPT_PAYLOAD = "</script><script>window.__pwned = 1; alert(1)</script>";

  static final String IMG_PAYLOAD = "<img src=x onerror=\"window.__pwned = 1; alert(1)\">";

  /** A folder and file name that together spell a closing and an opening script tag. */
  static final String SCRIPT_PATH = "x</script><script>window.__pwned=1</script>.py";

  /** A file name with an image whose error handler runs script. */
  static final String IMG_FILE = "<img src=x onerror=alert(1)>.py";

  static final String APP =
      "import time\n"
          + "\n"
          + "import requests\n"
          + "\n"
          + "\n"
          + "def fetch_json(url):\n"
          + "    response = requests.get(url, timeout=10)\n"
          + "    return response.json()\n"
          + "\n"
          + "\n"
          + "def load(url):\n"
          + "    return fetch_json(url)\n"
          + "\n"
          + "\n"
          + "async def get_profile(user_id):\n"
          + "    return load(f\"https://api.example.com/users/{user_id}\")\n"
          + "\n"
          + "\n"
          + "async def pause():\n"
          + "    time.sleep(1)\n"
          + "\n"
          + "\n"
          + "async def read_config():\n"
          + "    with open(\"config.toml\") as f:\n"
          + "        return f.read()\n";

  /** The payloads stand on the lines around the findings, so that their frames show them. */
  static final String HOSTILE =
      "import time\n"
          + "\n"
          + "\n"
          + "BANNER = \""
          + SCRIPT_PAYLOAD
          + IMG_PAYLOAD.replace("\"", "\\\"")
          + "\\u2028\u2028\"  # <!-- ]]> <![CDATA[ \u2028 \u2029 -->\n"
          + "async def handler():\n"
          + "    time.sleep(1)  # "
          + IMG_PAYLOAD
          + " <svg onload=alert(1)> <!--\n"
          + "    open(\"<iframe srcdoc='<script>alert(1)</script>'>\")\n";

  private HtmlReportProjects() {}

  /** The ordinary file, the hostile ones and {@code bulk} files of {@code perFile} sleeps each. */
  static void write(Path project, int bulk, int perFile) throws IOException {
    write(project.resolve("app.py"), APP);
    write(project.resolve(SCRIPT_PATH), HOSTILE);
    write(project.resolve(IMG_FILE), HOSTILE);
    for (int i = 0; i < bulk; i++) {
      StringBuilder code = new StringBuilder("import time\n\n\nasync def worker():\n");
      for (int j = 0; j < perFile; j++) {
        code.append("    time.sleep(").append(j).append(")\n");
      }
      write(project.resolve("bulk/part" + i + ".py"), code.toString());
    }
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  /** Runs {@code asynclint check --format html --output report} over {@code project}. */
  static void report(Path project, Path report) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status =
        Main.run(
            new PrintWriter(out),
            new PrintWriter(err),
            List.of(
                    "check",
                    "--format",
                    "html",
                    "--output",
                    report.toString(),
                    "--exit-zero",
                    project.toString())
                .toArray(String[]::new));
    if (status != 0) {
      throw new AssertionError("check exited with " + status + ": " + err);
    }
  }
}
