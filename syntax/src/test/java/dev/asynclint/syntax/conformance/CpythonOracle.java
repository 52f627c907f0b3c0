package dev.asynclint.syntax.conformance;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs {@code conformance/oracle.py} under CPython to get {@code ast.dump} of many files. */
final class CpythonOracle {
  private final String python;
  private final Path script;

  private CpythonOracle(String python, Path script) {
    this.python = python;
    this.script = script;
  }

  /** The oracle with the interpreter of {@code -Dconformance.python} (default python3), or null. */
  static CpythonOracle find() {
    String python = System.getProperty("conformance.python", "python3");
    Path script = repositoryRoot().resolve("conformance/oracle.py");
    if (!Files.isRegularFile(script) || !runs(python)) {
      return null;
    }
    return new CpythonOracle(python, script);
  }

  static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isRegularFile(dir.resolve("conformance/oracle.py"))) {
      dir = dir.getParent();
    }
    return dir == null ? Path.of("").toAbsolutePath() : dir;
  }

  private static boolean runs(String python) {
    try {
      Process process = new ProcessBuilder(python, "-c", "pass").redirectErrorStream(true).start();
      return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The interpreter's version, e.g. "3.11.7". */
  String version() {
    try {
      Process process =
          new ProcessBuilder(python, "-c", "import platform; print(platform.python_version())")
              .start();
      String version = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      process.waitFor();
      return version.trim();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The syntax version the oracle interpreter speaks. */
  dev.asynclint.syntax.PythonVersion pythonVersion() {
    String[] parts = version().split("\\.");
    dev.asynclint.syntax.PythonVersion version =
        dev.asynclint.syntax.PythonVersion.fromName("py3" + parts[1]);
    if (version == null) {
      throw new IllegalStateException("unsupported oracle version " + version());
    }
    return version;
  }

  /** CPython's verdict on each file: its dump, or null when it rejects the file. */
  Map<Path, Verdict> verdicts(List<Path> files) {
    try {
      Process process = new ProcessBuilder(python, script.toString()).start();
      Thread feeder =
          new Thread(
              () -> {
                try (BufferedWriter in =
                    new BufferedWriter(
                        new OutputStreamWriter(
                            process.getOutputStream(), StandardCharsets.UTF_8))) {
                  for (Path file : files) {
                    in.write(file.toString());
                    in.write('\n');
                  }
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
      feeder.start();
      Map<Path, Verdict> verdicts = new HashMap<>();
      try (BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = out.readLine()) != null) {
          int first = line.indexOf('\t');
          int second = line.indexOf('\t', first + 1);
          boolean ok = line.startsWith("OK\t");
          Path path = Path.of(line.substring(first + 1, second));
          String text = line.substring(second + 1);
          verdicts.put(path, ok ? Verdict.accepted(text) : Verdict.rejected(text));
        }
      }
      feeder.join();
      process.waitFor();
      return verdicts;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
