package dev.asynclint.benchmarks;

import dev.asynclint.syntax.PythonVersion;
import dev.asynclint.syntax.lexer.Lexer;
import dev.asynclint.syntax.parser.Parser;
import dev.asynclint.text.DecodeResult;
import dev.asynclint.text.SourceDecoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Single-threaded, warm throughput of the front end over a corpus of Python files, by default the
 * machine's CPython standard library without {@code site-packages}: tokenizing alone ({@link #lex})
 * and tokenizing plus parsing ({@link #parse}).
 *
 * <p>Files are read and decoded once, outside the measurement. One operation is the whole corpus,
 * so the primary score is corpora per second; the secondary score {@code megabytes} is the
 * throughput in MB/s (10<sup>6</sup> bytes of the corpus's UTF-8 text per second).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(
    value = 1,
    // The options of the asynclint launcher, so that the figures are those users get.
    jvmArgsAppend = {"-Xss16m", "-XX:+UseSerialGC"})
@Warmup(iterations = 5, time = 10)
@Measurement(iterations = 5, time = 10)
public class ParseBenchmark {
  private static final double BYTES_PER_MEGABYTE = 1_000_000.0;

  /** A directory whose {@code .py} files form the corpus; empty for python3's standard library. */
  @Param("")
  public String corpus;

  private List<String> sources;
  private double megabytes;

  /** Counts the megabytes processed, which JMH reports per second beside the operations. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Processed {
    public double megabytes;

    @Setup(Level.Iteration)
    public void reset() {
      megabytes = 0;
    }
  }

  @Setup(Level.Trial)
  public void loadCorpus() throws IOException, InterruptedException {
    Path root = corpus.isEmpty() ? SemanticModelReport.standardLibrary() : Path.of(corpus);
    List<Path> files = SemanticModelReport.pythonFiles(root);
    sources = new ArrayList<>(files.size());
    long bytes = 0;
    long lines = 0;
    for (Path file : files) {
      DecodeResult result = SourceDecoder.decode(Files.readAllBytes(file), file.toString());
      if (result instanceof DecodeResult.Decoded decoded) {
        String text = decoded.text();
        sources.add(text);
        bytes += text.getBytes(StandardCharsets.UTF_8).length;
        lines += SemanticModelReport.lineCount(text);
      }
    }
    megabytes = bytes / BYTES_PER_MEGABYTE;
    long withErrors =
        sources.stream().filter(s -> Parser.parse(s, PythonVersion.LATEST).hasErrors()).count();
    System.out.printf(
        "%nCorpus %s: %d files (%d skipped: undecodable), %d bytes of UTF-8 (%.2f MB), %d lines;"
            + " %d files have syntax errors%n",
        root, sources.size(), files.size() - sources.size(), bytes, megabytes, lines, withErrors);
  }

  @Benchmark
  public void parse(Processed processed, Blackhole blackhole) {
    for (String source : sources) {
      blackhole.consume(Parser.parse(source, PythonVersion.LATEST));
    }
    processed.megabytes += megabytes;
  }

  @Benchmark
  public void lex(Processed processed, Blackhole blackhole) {
    for (String source : sources) {
      blackhole.consume(Lexer.tokenize(source));
    }
    processed.megabytes += megabytes;
  }
}
