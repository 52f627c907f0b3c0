package dev.asynclint.syntax.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;

/** Runs a conformance comparison and holds it to the project's bar. */
final class ConformanceCheck {
  private ConformanceCheck() {}

  static CpythonOracle oracle() {
    CpythonOracle oracle = CpythonOracle.find();
    Assumptions.assumeTrue(
        oracle != null, "python3 (CPython) is not available: the conformance check is skipped");
    return oracle;
  }

  /** A directory of the interpreter's installation, e.g. "stdlib" or "purelib". */
  static Path interpreterPath(String name) {
    try {
      String python = System.getProperty("conformance.python", "python3");
      Process process =
          new ProcessBuilder(
                  python, "-c", "import sysconfig; print(sysconfig.get_paths()['" + name + "'])")
              .start();
      String path = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      process.waitFor();
      return Path.of(path.trim());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Runs the comparison, writes the report to {@code target/}, and requires: no crash, every file
   * CPython accepts dumped identically (except the listed known differences, each of which must
   * still differ), and every file CPython rejects rejected too.
   */
  static ConformanceReport check(List<Path> files, String reportName) throws IOException {
    ConformanceReport report = new Conformance(oracle()).run(files);
    String summary = report.summary(20);
    Path target = Path.of("target");
    Files.createDirectories(target);
    Files.writeString(target.resolve(reportName), summary);
    System.out.println(summary);

    Set<String> known = knownDifferences();
    List<String> unexpected =
        report.different.stream()
            .filter(d -> known.stream().noneMatch(k -> d.substring(0, d.indexOf('\n')).endsWith(k)))
            .collect(Collectors.toList());
    List<String> stale =
        known.stream()
            .filter(k -> report.identical.stream().anyMatch(f -> f.toString().endsWith(k)))
            .collect(Collectors.toList());
    assertThat(stale).as("listed known differences that no longer differ").isEmpty();
    assertThat(report.crashes).as("crashes").isEmpty();
    assertThat(unexpected).as("files whose dump differs from CPython's").isEmpty();
    assertThat(report.rejectedOnlyByUs).as("files only we reject").isEmpty();
    assertThat(report.rejectedOnlyByCpython).as("files only CPython rejects").isEmpty();
    return report;
  }

  /** Path suffixes listed in conformance/known-differences.txt (the part before " -- "). */
  private static Set<String> knownDifferences() throws IOException {
    Path file = CpythonOracle.repositoryRoot().resolve("conformance/known-differences.txt");
    Set<String> known = new LinkedHashSet<>();
    if (!Files.exists(file)) {
      return known;
    }
    for (String line : Files.readAllLines(file)) {
      String trimmed = line.strip();
      if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
        int cut = trimmed.indexOf(" -- ");
        known.add(cut < 0 ? trimmed : trimmed.substring(0, cut).strip());
      }
    }
    return known;
  }
}
