package dev.asynclint.benchmarks;

import dev.asynclint.semantic.project.CallEdge;
import dev.asynclint.semantic.project.CallSite;
import dev.asynclint.semantic.project.CallTarget;
import dev.asynclint.semantic.project.ClassInfo;
import dev.asynclint.semantic.project.FunctionInfo;
import dev.asynclint.semantic.project.ModuleNames;
import dev.asynclint.semantic.project.Project;
import dev.asynclint.semantic.project.SourceModule;
import dev.asynclint.semantic.project.Summaries;
import dev.asynclint.semantic.project.SummaryAnalysis;
import dev.asynclint.semantic.project.Value;
import dev.asynclint.syntax.PythonVersion;
import dev.asynclint.syntax.ast.Module;
import dev.asynclint.syntax.parser.ParseResult;
import dev.asynclint.syntax.parser.Parser;
import dev.asynclint.text.DecodeResult;
import dev.asynclint.text.LineIndex;
import dev.asynclint.text.SourceDecoder;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Time and memory of the semantic model over a corpus of Python files, by default the machine's
 * CPython standard library without {@code site-packages}: per-file scopes, {@link Project#build},
 * and a representative summary over the call graph. Also a robustness check: any exception is
 * reported with the file it came from, and the program exits with status 1.
 *
 * <p>Run with {@code java -Xss16m -XX:+UseSerialGC -Xmx4g -cp benchmarks/target/benchmarks.jar
 * dev.asynclint.benchmarks.SemanticModelReport [dir]}. Parsing happens once and is timed
 * separately; each model phase is then timed over {@value #MEASURED} passes after {@value #WARMUPS}
 * warm-up passes, and the minimum and median are reported.
 */
public final class SemanticModelReport {
  /** Passes before timing: enough for the JIT compiler to settle (two were not, on 2 cores). */
  private static final int WARMUPS = 5;

  private static final int MEASURED = 5;
  private static final double NANOS_PER_MILLI = 1_000_000.0;
  private static final double BYTES_PER_MEGABYTE = 1_000_000.0;

  /** The callables the summary looks for. */
  static final Set<String> RUNNERS =
      Set.of("asyncio.run", "asyncio.AbstractEventLoop.run_until_complete");

  private SemanticModelReport() {}

  /** One decoded file of the corpus. */
  record SourceFile(Path path, String name, boolean isPackage, String text, int lines) {}

  /** The decoded files of a corpus in path order, and what was left out. */
  record Corpus(Path root, List<SourceFile> files, int undecodable, long bytes, long lines) {}

  /** One parsed file: its tree beside the decoded file (the tokens are not kept). */
  record ParsedFile(SourceFile file, Module tree, boolean hasErrors) {}

  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length > 1) {
      System.err.println("usage: SemanticModelReport [corpus-directory]");
      System.exit(2);
    }
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long heapEmpty = usedHeapAfterGc(memory);

    Path root = args.length == 0 ? standardLibrary() : Path.of(args[0]);
    Corpus corpus = load(root);
    System.out.printf(
        "Corpus %s: %d files (%d skipped: undecodable), %d bytes of UTF-8 (%.2f MB), %d lines%n",
        corpus.root(),
        corpus.files().size(),
        corpus.undecodable(),
        corpus.bytes(),
        corpus.bytes() / BYTES_PER_MEGABYTE,
        corpus.lines());
    System.out.printf(
        "JVM: %s %s, %s, max heap %d MB, %d processors%n",
        System.getProperty("java.vm.name"),
        System.getProperty("java.runtime.version"),
        ManagementFactory.getRuntimeMXBean().getInputArguments(),
        Runtime.getRuntime().maxMemory() / (1024 * 1024),
        Runtime.getRuntime().availableProcessors());

    long heapSources = usedHeapAfterGc(memory);

    Clock clock = new Clock();
    List<ParsedFile> parsed = parseAll(corpus);
    long[] parse = clock.lap();
    long withErrors = parsed.stream().filter(ParsedFile::hasErrors).count();
    System.out.printf(
        "Parse (once, cold): %s; %d files have syntax errors%n", Clock.format(parse), withErrors);

    long heapTrees = usedHeapAfterGc(memory);

    String[] phases = {"scopes", "Project.build", "summary"};
    // [metric][phase][measured pass]
    long[][][] times = new long[Clock.METRICS.length][phases.length][MEASURED];
    for (int pass = 0; pass < WARMUPS + MEASURED; pass++) {
      long[][] lap = new long[phases.length][];
      clock = new Clock();
      List<SourceModule> modules = buildScopes(parsed);
      lap[0] = clock.lap();
      Project project = buildProject(modules);
      lap[1] = clock.lap();
      Summaries<List<CallSite>> summaries = runnerSummary(project);
      lap[2] = clock.lap();
      Reference.reachabilityFence(summaries);

      int slot = pass - WARMUPS;
      System.out.printf("  pass %d%s:%n", pass + 1, slot < 0 ? " (warm-up)" : "");
      for (int phase = 0; phase < phases.length; phase++) {
        System.out.printf("    %-14s %s%n", phases[phase], Clock.format(lap[phase]));
        for (int metric = 0; slot >= 0 && metric < Clock.METRICS.length; metric++) {
          times[metric][phase][slot] = lap[phase][metric];
        }
      }
    }

    // One more pass, untimed, to see what each part of the model keeps.
    List<SourceModule> modules = buildScopes(parsed);
    long heapScopes = usedHeapAfterGc(memory);
    Project project = buildProject(modules);
    long heapProject = usedHeapAfterGc(memory);
    Summaries<List<CallSite>> summaries = runnerSummary(project);
    long heapSummary = usedHeapAfterGc(memory);

    printTimes(phases, times, corpus.lines());
    printMemory(
        new long[] {heapEmpty, heapSources, heapTrees, heapScopes, heapProject, heapSummary},
        corpus);
    printCounts(corpus, modules, project, summaries);
    Reference.reachabilityFence(parsed);
  }

  // ---- Loading and parsing, shared with SemanticBenchmark ----

  /** Reads and decodes the {@code .py} files under {@code root}, with their module names. */
  static Corpus load(Path root) throws IOException {
    Path absoluteRoot = root.toAbsolutePath().normalize();
    List<Path> paths = pythonFiles(absoluteRoot);
    ModuleNames names = new ModuleNames(absoluteRoot, new HashSet<>(paths));
    List<SourceFile> files = new ArrayList<>(paths.size());
    long bytes = 0;
    long lines = 0;
    for (Path path : paths) {
      DecodeResult result = SourceDecoder.decode(Files.readAllBytes(path), path.toString());
      if (result instanceof DecodeResult.Decoded decoded) {
        String text = decoded.text();
        int fileLines = lineCount(text);
        files.add(
            new SourceFile(
                path, names.moduleName(path), ModuleNames.isPackageInit(path), text, fileLines));
        bytes += text.getBytes(StandardCharsets.UTF_8).length;
        lines += fileLines;
      }
    }
    return new Corpus(absoluteRoot, files, paths.size() - files.size(), bytes, lines);
  }

  /** Parses every file; a file whose parse throws is reported and ends the program. */
  static List<ParsedFile> parseAll(Corpus corpus) {
    List<ParsedFile> parsed = new ArrayList<>(corpus.files().size());
    for (SourceFile file : corpus.files()) {
      try {
        ParseResult result = Parser.parse(file.text(), PythonVersion.LATEST);
        parsed.add(new ParsedFile(file, result.module(), result.hasErrors()));
      } catch (RuntimeException | StackOverflowError e) {
        fail("parsing " + file.path(), e);
      }
    }
    return parsed;
  }

  /** The scopes of every file; a file whose scopes throw is reported and ends the program. */
  static List<SourceModule> buildScopes(List<ParsedFile> parsed) {
    List<SourceModule> modules = new ArrayList<>(parsed.size());
    for (ParsedFile p : parsed) {
      SourceFile file = p.file();
      try {
        modules.add(
            SourceModule.of(file.path(), file.name(), file.isPackage(), file.text(), p.tree()));
      } catch (RuntimeException | StackOverflowError e) {
        fail("building the scopes of " + file.path() + " (module " + file.name() + ")", e);
      }
    }
    return modules;
  }

  /**
   * {@link Project#build} over all modules. When it throws, each module is built alone to name the
   * files that fail, and the program ends.
   */
  static Project buildProject(List<SourceModule> modules) {
    try {
      return Project.build(modules, Set.of());
    } catch (RuntimeException | StackOverflowError e) {
      System.err.println("Project.build over all modules threw:");
      e.printStackTrace();
      System.err.println("Building each module alone to find the files that fail...");
      int failing = 0;
      for (SourceModule module : modules) {
        try {
          Project.build(List.of(module), Set.of());
        } catch (RuntimeException | StackOverflowError alone) {
          failing++;
          System.err.println("FAILS ALONE: " + module.path() + " (module " + module.name() + ")");
          alone.printStackTrace();
        }
      }
      if (failing == 0) {
        System.err.println("No module fails alone: the failure needs several modules together.");
      }
      System.exit(1);
      return null;
    }
  }

  private static void fail(String what, Throwable e) {
    System.err.println("Exception while " + what + ":");
    e.printStackTrace();
    System.exit(1);
  }

  // ---- The summary ----

  /**
   * For every function, the shortest chain of calls that reaches a call to {@code asyncio.run} or
   * {@code asyncio.AbstractEventLoop.run_until_complete}; null when none does.
   *
   * <p>When asyncio is part of the project (as in the standard library), calls resolve to its
   * definitions ({@code asyncio.runners.run}, {@code asyncio.base_events.BaseEventLoop.
   * run_until_complete}) rather than to the public names, so a call also counts when it reaches the
   * name the project defines for a runner ({@link
   * dev.asynclint.semantic.project.Resolver#canonical}) or a method overriding it.
   */
  static Summaries<List<CallSite>> runnerSummary(Project project) {
    List<FunctionInfo> functions = project.index().functions();
    Set<String> runners = new HashSet<>(RUNNERS);
    for (String name : RUNNERS) {
      if (project.resolver().canonical(name) instanceof Value.Named named) {
        runners.add(named.qualifiedName());
      }
    }
    // Whether a project function is a runner (0 unknown, 1 no, 2 yes), by function id.
    byte[] isRunner = new byte[functions.size()];
    // The first own call site of each function that calls a runner, found in one pass over the
    // call sites (the same as filtering each module's sites by caller, without the quadratic cost).
    CallSite[] firstRunnerCall = new CallSite[functions.size()];
    for (SourceModule module : project.index().modules()) {
      for (CallSite site : project.callSites(module)) {
        int caller = site.caller().id();
        if (firstRunnerCall[caller] == null && callsRunner(site.target(), runners, isRunner)) {
          firstRunnerCall[caller] = site;
        }
      }
    }
    return Summaries.compute(
        project,
        new SummaryAnalysis<List<CallSite>>() {
          @Override
          public List<CallSite> initial(FunctionInfo function) {
            CallSite site = firstRunnerCall[function.id()];
            return site == null ? null : List.of(site);
          }

          @Override
          public List<CallSite> transfer(CallEdge edge, List<CallSite> callee) {
            if (edge.kind() != CallEdge.Kind.CALL) {
              return null;
            }
            CallSite[] chain = new CallSite[callee.size() + 1];
            chain[0] = edge.site();
            for (int i = 0; i < callee.size(); i++) {
              chain[i + 1] = callee.get(i);
            }
            return List.of(chain);
          }

          @Override
          public List<CallSite> join(List<CallSite> current, List<CallSite> contribution) {
            return contribution.size() < current.size() ? contribution : current;
          }
        });
  }

  private static boolean callsRunner(CallTarget target, Set<String> runners, byte[] isRunner) {
    String callee = target.qualifiedName();
    if (callee == null) {
      return false;
    }
    if (runners.contains(callee)) {
      return true;
    }
    FunctionInfo function = target.function();
    if (function == null || function.owner() == null) {
      return false;
    }
    if (isRunner[function.id()] == 0) {
      boolean overrides = false;
      for (ClassInfo cls : function.owner().mro()) {
        if (runners.contains(cls.qualifiedName() + "." + function.name())) {
          overrides = true;
          break;
        }
      }
      isRunner[function.id()] = (byte) (overrides ? 2 : 1);
    }
    return isRunner[function.id()] == 2;
  }

  // ---- Reporting ----

  private static void printTimes(String[] phases, long[][][] times, long lines) {
    System.out.printf(
        "%nTimes over %d passes after %d warm-ups, single thread (ms; CPU = this thread, process ="
            + " all threads, GC included):%n",
        MEASURED, WARMUPS);
    StringBuilder header = new StringBuilder(String.format("  %-22s", "phase"));
    for (String metric : Clock.METRICS) {
      header.append(String.format(" %9s min %9s med", metric, metric));
    }
    System.out.println(header);
    long[][] total = new long[Clock.METRICS.length][MEASURED];
    for (int phase = 0; phase < phases.length; phase++) {
      StringBuilder row = new StringBuilder(String.format("  %-22s", phases[phase]));
      for (int metric = 0; metric < Clock.METRICS.length; metric++) {
        long[] values = times[metric][phase];
        row.append(String.format(" %13.0f %13.0f", min(values), median(values)));
        for (int i = 0; i < MEASURED; i++) {
          total[metric][i] += values[i];
        }
      }
      System.out.println(row);
    }
    StringBuilder row = new StringBuilder(String.format("  %-22s", "total beyond parsing"));
    for (int metric = 0; metric < Clock.METRICS.length; metric++) {
      row.append(String.format(" %13.0f %13.0f", min(total[metric]), median(total[metric])));
    }
    System.out.println(row);
    double per100k = 100_000.0 / lines;
    System.out.printf(
        "CPU beyond parsing per 100k lines (median pass): %.0f ms of this thread, %.0f ms of the"
            + " process%n",
        median(total[Clock.THREAD_CPU]) * per100k, median(total[Clock.PROCESS_CPU]) * per100k);
    StringBuilder line = new StringBuilder("  per phase (median process CPU per 100k lines):");
    for (int phase = 0; phase < phases.length; phase++) {
      line.append(
          String.format(
              " %s %.0f ms", phases[phase], median(times[Clock.PROCESS_CPU][phase]) * per100k));
    }
    System.out.println(line);
  }

  /** Heap after GC: empty, + sources, + trees, + scopes, + project, + summary. */
  private static void printMemory(long[] heap, Corpus corpus) {
    String[] stages = {
      "JVM, no corpus",
      "+ decoded text",
      "+ syntax trees",
      "+ scopes",
      "+ Project.build",
      "+ summary"
    };
    System.out.printf("%nHeap used after GC (MB = 10^6 bytes):%n");
    for (int i = 0; i < stages.length; i++) {
      String growth = "";
      if (i > 0) {
        long retained = heap[i] - heap[i - 1];
        growth =
            String.format(
                "   (%+.1f MB, %.0f bytes per line)",
                retained / BYTES_PER_MEGABYTE, (double) retained / corpus.lines());
      }
      System.out.printf("  %-16s %8.1f MB%s%n", stages[i], heap[i] / BYTES_PER_MEGABYTE, growth);
    }
    long model = heap[5] - heap[2];
    System.out.printf(
        "Retained by the model (scopes + project + summary, trees excluded): %.1f MB,"
            + " %.0f bytes per line, %.1f bytes per byte of source%n",
        model / BYTES_PER_MEGABYTE,
        (double) model / corpus.lines(),
        (double) model / corpus.bytes());
  }

  private static void printCounts(
      Corpus corpus,
      List<SourceModule> modules,
      Project project,
      Summaries<List<CallSite>> summaries) {
    List<FunctionInfo> functions = project.index().functions();
    long moduleBodies = functions.stream().filter(FunctionInfo::isModuleBody).count();
    long asyncFunctions = functions.stream().filter(FunctionInfo::isAsync).count();
    long sites = 0;
    long resolved = 0;
    long toProject = 0;
    for (SourceModule module : project.index().modules()) {
      for (CallSite site : project.callSites(module)) {
        sites++;
        if (site.target().qualifiedName() != null) {
          resolved++;
        }
        if (site.target().function() != null) {
          toProject++;
        }
      }
    }
    long[] edgesByKind = new long[CallEdge.Kind.values().length];
    for (FunctionInfo function : functions) {
      for (CallEdge edge : function.calls()) {
        edgesByKind[edge.kind().ordinal()]++;
      }
    }
    long edges = Arrays.stream(edgesByKind).sum();
    long reachRunner = 0;
    long direct = 0;
    FunctionInfo longest = null;
    for (FunctionInfo function : functions) {
      List<CallSite> chain = summaries.of(function);
      if (chain != null) {
        reachRunner++;
        direct += chain.size() == 1 ? 1 : 0;
        if (longest == null || chain.size() > summaries.of(longest).size()) {
          longest = function;
        }
      }
    }
    long reachable = functions.stream().filter(project::reachableFromHandler).count();
    System.out.printf("%nCounts:%n");
    System.out.printf(
        "  files: %d (modules in the index: %d)%n",
        modules.size(), project.index().modules().size());
    System.out.printf("  lines: %d%n", corpus.lines());
    System.out.printf(
        "  functions and methods: %d (%d async), plus %d module bodies%n",
        functions.size() - moduleBodies, asyncFunctions, moduleBodies);
    System.out.printf("  classes: %d%n", project.index().classes().size());
    System.out.printf("  call sites: %d%n", sites);
    System.out.printf(
        "  resolved call sites (qualified name known): %d (%.1f%%)%n",
        resolved, 100.0 * resolved / sites);
    System.out.printf(
        "  call sites resolving to project functions: %d (%.1f%%)%n",
        toProject, 100.0 * toProject / sites);
    System.out.printf(
        "  call-graph edges: %d (CALL %d, THREAD %d, LOOP_CALLBACK %d)%n",
        edges,
        edgesByKind[CallEdge.Kind.CALL.ordinal()],
        edgesByKind[CallEdge.Kind.THREAD.ordinal()],
        edgesByKind[CallEdge.Kind.LOOP_CALLBACK.ordinal()]);
    System.out.printf(
        "  request handlers: %d, entry points: %d, reachable from a handler: %d%n",
        project.requestHandlers().size(), project.entryPoints().size(), reachable);
    System.out.printf(
        "  summary: %d functions reach a call to %s, %d of them directly%n",
        reachRunner, RUNNERS, direct);
    if (longest != null) {
      StringBuilder chain = new StringBuilder(longest.qualifiedName());
      for (CallSite site : summaries.of(longest)) {
        chain.append(" -> ").append(site.target().qualifiedName());
      }
      System.out.printf(
          "  longest shortest chain (%d calls): %s%n", summaries.of(longest).size(), chain);
    }
  }

  private static double min(long[] values) {
    return Arrays.stream(values).min().orElse(0) / NANOS_PER_MILLI;
  }

  private static double median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    double middle = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    return middle / NANOS_PER_MILLI;
  }

  /** Heap in use after the collector has run to a steady state. */
  private static long usedHeapAfterGc(MemoryMXBean memory) throws InterruptedException {
    long previous = Long.MAX_VALUE;
    long used = 0;
    for (int i = 0; i < 10; i++) {
      System.gc();
      Thread.sleep(100);
      used = memory.getHeapMemoryUsage().getUsed();
      if (i >= 2 && Math.abs(previous - used) < 1024 * 1024) {
        break;
      }
      previous = used;
    }
    return used;
  }

  /** Wall time, this thread's CPU time, the process's CPU time and GC time since the last lap. */
  private static final class Clock {
    static final String[] METRICS = {"wall", "CPU", "process", "GC"};
    static final int THREAD_CPU = 1;
    static final int PROCESS_CPU = 2;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean OS =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private long[] last = now();

    /** Nanoseconds of each metric since the previous lap (or the clock's creation). */
    long[] lap() {
      long[] current = now();
      long[] elapsed = new long[current.length];
      for (int i = 0; i < current.length; i++) {
        elapsed[i] = current[i] - last[i];
      }
      last = now();
      return elapsed;
    }

    static String format(long[] lap) {
      return String.format(
          "%.0f ms wall, %.0f ms CPU (process %.0f ms, GC %.0f ms)",
          lap[0] / NANOS_PER_MILLI,
          lap[1] / NANOS_PER_MILLI,
          lap[2] / NANOS_PER_MILLI,
          lap[3] / NANOS_PER_MILLI);
    }

    private static long[] now() {
      long gcMillis = 0;
      for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
        gcMillis += Math.max(0, collector.getCollectionTime());
      }
      return new long[] {
        System.nanoTime(),
        THREADS.getCurrentThreadCpuTime(),
        OS.getProcessCpuTime(),
        gcMillis * 1_000_000L
      };
    }
  }

  // ---- The corpus, for every benchmark ----

  static Path standardLibrary() throws IOException, InterruptedException {
    Process python =
        new ProcessBuilder(
                "python3", "-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])")
            .redirectErrorStream(true)
            .start();
    String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (python.waitFor() != 0) {
      throw new IOException(
          "python3 could not name its standard library (pass a corpus directory instead): "
              + output);
    }
    return Path.of(output.strip());
  }

  /** The {@code .py} files under {@code root} in path order, outside any {@code site-packages}. */
  static List<Path> pythonFiles(Path root) throws IOException {
    List<Path> files = new ArrayList<>();
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
            Path name = dir.getFileName();
            return name != null && name.toString().equals("site-packages")
                ? FileVisitResult.SKIP_SUBTREE
                : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
            if (attributes.isRegularFile() && file.toString().endsWith(".py")) {
              files.add(file);
            }
            return FileVisitResult.CONTINUE;
          }
        });
    files.sort(null);
    return files;
  }

  /** Lines as an editor shows them: a final line break does not start another line. */
  static int lineCount(String text) {
    if (text.isEmpty()) {
      return 0;
    }
    int lines = LineIndex.of(text).lineCount();
    char last = text.charAt(text.length() - 1);
    return last == '\n' || last == '\r' ? lines - 1 : lines;
  }
}
