package dev.asynclint.syntax.conformance;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The full conformance run over the directories of {@code -Dconformance.dirs} (separated by the
 * path separator), by default the interpreter's standard library and site-packages. Tagged so the
 * everyday suite skips it; see the README for the command.
 */
@Tag("conformance")
class ConformanceTest {
  @Test
  void directoriesDumpLikeCpython() throws Exception {
    ConformanceCheck.oracle();
    List<Path> dirs = new ArrayList<>();
    String configured = System.getProperty("conformance.dirs", "");
    if (configured.isBlank()) {
      dirs.add(ConformanceCheck.interpreterPath("stdlib"));
    } else {
      for (String dir : configured.split(File.pathSeparator)) {
        dirs.add(Path.of(dir));
      }
    }
    ConformanceCheck.check(Conformance.existing(dirs), "conformance-report.txt");
  }
}
