package dev.asynclint.syntax.conformance;

import dev.asynclint.syntax.PythonVersion;
import dev.asynclint.syntax.dump.AstDump;
import dev.asynclint.syntax.parser.ParseResult;
import dev.asynclint.syntax.parser.Parser;
import dev.asynclint.text.DecodeResult;
import dev.asynclint.text.LineIndex;
import dev.asynclint.text.SourceDecoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Compares our syntax trees with CPython's for every {@code .py} file under some directories,
 * counting identical dumps and each kind of disagreement.
 */
final class Conformance {
  private final CpythonOracle oracle;
  private final PythonVersion version;

  Conformance(CpythonOracle oracle) {
    this.oracle = oracle;
    this.version = oracle.pythonVersion();
  }

  static List<Path> pythonFiles(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> p.toString().endsWith(".py") && Files.isRegularFile(p))
          .sorted(Comparator.naturalOrder())
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  ConformanceReport run(List<Path> files) {
    Map<Path, Verdict> ours = new ConcurrentHashMap<>();
    Thread parsing =
        new Thread(() -> files.parallelStream().forEach(f -> ours.put(f, ours(f, version))));
    parsing.start();
    Map<Path, Verdict> cpython = oracle.verdicts(files);
    try {
      parsing.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    ConformanceReport report = new ConformanceReport();
    for (Path file : files) {
      Verdict theirs = cpython.get(file);
      if (theirs == null) {
        theirs = Verdict.rejected("no answer from the oracle");
      }
      report.add(file, ours.get(file), theirs);
    }
    return report;
  }

  /** Our verdict, as {@code asynclint debug ast --target-version} with the oracle's version. */
  static Verdict ours(Path file, PythonVersion version) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      return Verdict.rejected("cannot read: " + e.getMessage());
    }
    DecodeResult decoded = SourceDecoder.decode(bytes, file.toString());
    if (decoded instanceof DecodeResult.Failed) {
      return Verdict.rejected(((DecodeResult.Failed) decoded).message());
    }
    String source = ((DecodeResult.Decoded) decoded).text();
    try {
      ParseResult result = Parser.parse(source, version);
      if (result.hasErrors()) {
        var error = result.errors().get(0);
        int line = LineIndex.of(source).line(error.range().start());
        return Verdict.rejected("line " + line + ": " + error.message());
      }
      return Verdict.accepted(AstDump.dump(result.module(), source, version));
    } catch (RuntimeException | StackOverflowError e) {
      return Verdict.rejected("CRASH " + e);
    }
  }

  /** The first differing region of two dumps, for reports. */
  static String firstDifference(String ours, String theirs) {
    int i = 0;
    int limit = Math.min(ours.length(), theirs.length());
    while (i < limit && ours.charAt(i) == theirs.charAt(i)) {
      i++;
    }
    int from = Math.max(0, i - 120);
    return "    ours:    ..."
        + ours.substring(from, Math.min(ours.length(), i + 120))
        + "\n"
        + "    cpython: ..."
        + theirs.substring(from, Math.min(theirs.length(), i + 120));
  }

  static List<Path> existing(List<Path> dirs) {
    List<Path> files = new ArrayList<>();
    for (Path dir : dirs) {
      if (Files.isDirectory(dir)) {
        files.addAll(pythonFiles(dir));
      }
    }
    return files;
  }
}
