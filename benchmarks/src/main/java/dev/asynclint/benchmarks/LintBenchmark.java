package dev.asynclint.benchmarks;

import dev.asynclint.engine.LintResult;
import dev.asynclint.engine.Linter;
import dev.asynclint.engine.discovery.InputFile;
import dev.asynclint.lint.Settings;
import dev.asynclint.rules.RuleRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Warm time of a full lint — reading, decoding, parsing, the semantic model and every rule of the
 * catalog — over a whole project, by default the machine's CPython standard library without {@code
 * site-packages}, on one and on two threads ({@link #threads}): what the linter itself costs once
 * the JVM is warm, and how it scales. File discovery, suppressions and the report are left out.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(1)
// The launcher's collector; its young-generation settings are for one run, not for minutes of
// repeated ones, and are left out.
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xss16m", "-XX:+UseParallelGC"})
@Warmup(iterations = 3, time = 10)
@Measurement(iterations = 5, time = 10)
public class LintBenchmark {
  /** A directory whose {@code .py} files form the corpus; empty for python3's standard library. */
  @Param("")
  public String corpus;

  /** The linter's threads. */
  @Param({"1", "2"})
  public int threads;

  private Path root;
  private List<InputFile> files;

  @Setup(Level.Trial)
  public void findFiles() throws IOException, InterruptedException {
    root = corpus.isEmpty() ? SemanticModelReport.standardLibrary() : Path.of(corpus);
    files =
        SemanticModelReport.pythonFiles(root).stream()
            .map(path -> new InputFile(path, root.relativize(path).toString()))
            .collect(Collectors.toList());
    System.out.printf("%nCorpus %s: %d files%n", root, files.size());
  }

  /** Every file of the corpus checked as one project with every rule. */
  @Benchmark
  public LintResult lint() {
    return new Linter(Settings.DEFAULT, RuleRegistry.all(), threads).run(files, root);
  }
}
