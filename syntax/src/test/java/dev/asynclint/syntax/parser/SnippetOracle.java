package dev.asynclint.syntax.parser;

import dev.asynclint.syntax.PythonVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One CPython interpreter running the repository's {@code conformance/oracle.py} over a batch of
 * snippets. The interpreter starts once per batch because its startup dominates the cost.
 */
final class SnippetOracle {
  /** Finding an interpreter starts processes, and the answer cannot change during a run. */
  private static final Map<PythonVersion, Optional<SnippetOracle>> FOUND =
      new ConcurrentHashMap<>();

  private final String python;
  private final String version;
  private final Path script;

  private SnippetOracle(String python, String version, Path script) {
    this.python = python;
    this.version = version;
    this.script = script;
  }

  /**
   * An interpreter for {@code target}: {@code python3} when it is that version (so the machine's
   * main Python is the oracle wherever it can be), else a pyenv installation of it.
   */
  static Optional<SnippetOracle> forVersion(PythonVersion target) {
    return FOUND.computeIfAbsent(target, SnippetOracle::find);
  }

  private static Optional<SnippetOracle> find(PythonVersion target) {
    Path script = script();
    if (script == null) {
      return Optional.empty();
    }
    List<String> candidates = new ArrayList<>();
    candidates.add("python3");
    candidates.addAll(pyenvInterpreters(target));
    for (String python : candidates) {
      String version = versionOf(python);
      if (version != null && version.startsWith(target + ".")) {
        return Optional.of(new SnippetOracle(python, version, script));
      }
    }
    return Optional.empty();
  }

  /** The oracle script, looked for from the working directory (Maven's is the module) upwards. */
  private static Path script() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path script = dir.resolve("conformance").resolve("oracle.py");
      if (Files.isRegularFile(script)) {
        return script;
      }
    }
    return null;
  }

  /** The full version of the interpreter, e.g. "3.11.7". */
  String version() {
    return version;
  }

  private static List<String> pyenvInterpreters(PythonVersion target) {
    String root = System.getenv("PYENV_ROOT");
    Path versions =
        root != null
            ? Path.of(root, "versions")
            : Path.of(System.getProperty("user.home"), ".pyenv", "versions");
    if (!Files.isDirectory(versions)) {
      return List.of();
    }
    try (Stream<Path> dirs = Files.list(versions)) {
      return dirs.filter(dir -> dir.getFileName().toString().startsWith(target + "."))
          .sorted()
          .map(dir -> dir.resolve("bin").resolve("python3"))
          .filter(Files::isExecutable)
          .map(Path::toString)
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  private static String versionOf(String python) {
    try {
      Process process =
          new ProcessBuilder(
                  python,
                  "-c",
                  "import platform; print(platform.python_implementation(),"
                      + " platform.python_version())")
              .redirectErrorStream(true)
              .start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
        return null;
      }
      String[] parts = out.strip().split(" ");
      return parts.length == 2 && parts[0].equals("CPython") ? parts[1] : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** CPython's verdict on each source, in order. */
  List<CpythonVerdict> verdicts(List<String> sources) {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("asynclint-snippets");
      List<Path> files = new ArrayList<>();
      StringBuilder list = new StringBuilder();
      for (int i = 0; i < sources.size(); i++) {
        Path file = dir.resolve(String.format("case%04d.py", i));
        Files.write(file, sources.get(i).getBytes(StandardCharsets.UTF_8));
        files.add(file);
        list.append(file).append('\n');
      }
      Path input = Files.writeString(dir.resolve("files.txt"), list);
      Path output = dir.resolve("out.txt");
      Path errors = dir.resolve("err.txt");
      Process process =
          new ProcessBuilder(python, script.toString())
              .redirectInput(input.toFile())
              .redirectOutput(output.toFile())
              .redirectError(errors.toFile())
              .start();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(python + " did not finish the oracle run");
      }
      return inOrder(files, parse(Files.readString(output)), Files.readString(errors));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      deleteQuietly(dir);
    }
  }

  private static Map<String, CpythonVerdict> parse(String output) {
    Map<String, CpythonVerdict> byPath = new HashMap<>();
    for (String line : output.split("\n")) {
      String[] parts = line.split("\t", 3);
      if (parts.length == 3) {
        boolean ok = parts[0].equals("OK");
        byPath.put(
            parts[1], ok ? new CpythonVerdict(parts[2], null) : new CpythonVerdict(null, parts[2]));
      }
    }
    return byPath;
  }

  private List<CpythonVerdict> inOrder(
      List<Path> files, Map<String, CpythonVerdict> byPath, String errors) {
    List<CpythonVerdict> verdicts = new ArrayList<>();
    for (Path file : files) {
      CpythonVerdict verdict = byPath.get(file.toString());
      if (verdict == null) {
        throw new IllegalStateException(
            "the oracle under " + python + " gave no answer for " + file + "; stderr:\n" + errors);
      }
      verdicts.add(verdict);
    }
    return verdicts;
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      // A leftover temporary directory does not affect any result.
    }
  }
}
