package dev.asynclint.benchmarks;

import dev.asynclint.semantic.project.Project;
import dev.asynclint.semantic.project.SourceModule;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
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
 * Single-threaded, warm time to build the semantic model of a whole project, by default the
 * machine's CPython standard library without {@code site-packages}: the scopes of every file plus
 * {@link Project#build} ({@link #model}), and {@link Project#build} alone over scopes built once
 * ({@link #project}).
 *
 * <p>Files are read, decoded and parsed once, outside the measurement. One operation is the whole
 * corpus; the score is milliseconds per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(1)
@Fork(
    value = 1,
    // The options of the asynclint launcher, so that the figures are those users get.
    jvmArgsAppend = {"-Xss16m", "-XX:+UseSerialGC"})
@Warmup(iterations = 3, time = 8)
@Measurement(iterations = 5, time = 8)
public class SemanticBenchmark {
  /** A directory whose {@code .py} files form the corpus; empty for python3's standard library. */
  @Param("")
  public String corpus;

  private List<SemanticModelReport.ParsedFile> parsed;
  private List<SourceModule> modules;

  @Setup(Level.Trial)
  public void loadCorpus() throws IOException, InterruptedException {
    Path root = corpus.isEmpty() ? SemanticModelReport.standardLibrary() : Path.of(corpus);
    SemanticModelReport.Corpus files = SemanticModelReport.load(root);
    parsed = SemanticModelReport.parseAll(files);
    modules = SemanticModelReport.buildScopes(parsed);
    System.out.printf(
        "%nCorpus %s: %d files (%d skipped: undecodable), %d bytes of UTF-8, %d lines%n",
        files.root(), files.files().size(), files.undecodable(), files.bytes(), files.lines());
  }

  /** Scopes of every file, then {@link Project#build}: the model from the syntax trees. */
  @Benchmark
  public Project model() {
    return Project.build(SemanticModelReport.buildScopes(parsed), Set.of());
  }

  /** {@link Project#build} alone, over scopes built in the setup. */
  @Benchmark
  public Project project() {
    return Project.build(modules, Set.of());
  }
}
