package dev.asynclint.syntax.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every file of the CPython standard library (its tests included) parses to exactly the tree
 * CPython builds, or is rejected as CPython rejects it. About 1,800 files, 30 MB.
 */
class StandardLibraryConformanceTest {
  @Test
  void standardLibraryDumpsLikeCpython() throws Exception {
    ConformanceCheck.oracle();
    Path stdlib = ConformanceCheck.interpreterPath("stdlib");
    List<Path> files =
        Conformance.pythonFiles(stdlib).stream()
            .filter(p -> !p.toString().contains("site-packages"))
            .collect(Collectors.toList());
    ConformanceReport report = ConformanceCheck.check(files, "conformance-stdlib.txt");
    assertThat(report.identical.size()).isGreaterThan(1000);
  }
}
