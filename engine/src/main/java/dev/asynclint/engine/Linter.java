package dev.asynclint.engine;

import dev.asynclint.engine.discovery.InputFile;
import dev.asynclint.engine.suppress.Suppressions;
import dev.asynclint.lint.Diagnostic;
import dev.asynclint.lint.FileContext;
import dev.asynclint.lint.Rule;
import dev.asynclint.lint.RuleMetadata;
import dev.asynclint.lint.RuleRunner;
import dev.asynclint.lint.Settings;
import dev.asynclint.rules.RuleRegistry;
import dev.asynclint.semantic.project.ModuleNames;
import dev.asynclint.semantic.project.Project;
import dev.asynclint.semantic.project.SourceModule;
import dev.asynclint.syntax.SyntaxError;
import dev.asynclint.syntax.parser.ParseResult;
import dev.asynclint.syntax.parser.Parser;
import dev.asynclint.text.DecodeResult;
import dev.asynclint.text.LineIndex;
import dev.asynclint.text.SourceDecoder;
import dev.asynclint.text.TextRange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * Checks a set of files as one project: reads, decodes and parses them in parallel, builds the
 * semantic model, runs the rules over the files in parallel and the project rules after them.
 * Whatever goes wrong with one file (unreadable, undecodable, not parsable, a rule crashing on it)
 * is reported for that file and the run goes on.
 */
public final class Linter {
  private final Settings settings;
  private final List<Rule> rules;
  private final int threads;

  /**
   * @param rules the enabled rules
   * @param threads how many files to work on at once
   */
  public Linter(Settings settings, List<Rule> rules, int threads) {
    this.settings = settings;
    this.rules = List.copyOf(rules);
    this.threads = Math.max(1, threads);
  }

  /**
   * Checks the files.
   *
   * @param root the project root, for module names (namespace packages start below it)
   */
  public LintResult run(List<InputFile> files, Path root) {
    return run(files, root, Map.of());
  }

  /**
   * Checks the files, taking the text of some of them from memory instead of the disk: the fixes of
   * earlier passes, not written yet (or never, with {@code --diff}).
   *
   * @param sources decoded texts by {@link InputFile#path()}
   */
  public LintResult run(List<InputFile> files, Path root, Map<Path, String> sources) {
    Map<Path, String> texts = Map.copyOf(sources);
    ModuleNames names = moduleNames(root, files);
    ForkJoinPool pool = new ForkJoinPool(threads);
    try {
      // A task per file: with a parallel stream's chunks of a few hundred files, one thread was
      // left finishing a chunk while the other waited.
      List<ForkJoinTask<LoadedFile>> loads = new ArrayList<>(files.size());
      for (InputFile file : files) {
        loads.add(pool.submit(() -> load(file, names, texts.get(file.path()))));
      }
      List<LoadedFile> loaded = new ArrayList<>(files.size());
      for (ForkJoinTask<LoadedFile> load : loads) {
        loaded.add(load.get());
      }
      return analyze(loaded, pool);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("the run failed", e.getCause());
    } finally {
      pool.shutdown();
    }
  }

  private LintResult analyze(List<LoadedFile> loaded, ForkJoinPool pool)
      throws InterruptedException, ExecutionException {
    List<Diagnostic> diagnostics = new ArrayList<>();
    List<LintResult.FileError> errors = new ArrayList<>();
    List<SourceModule> modules = new ArrayList<>();
    Map<SourceModule, LoadedFile> byModule = new IdentityHashMap<>();
    for (LoadedFile file : loaded) {
      if (file.error != null) {
        errors.add(new LintResult.FileError(file.input.displayPath(), file.error));
      }
      if (file.syntaxError != null) {
        diagnostics.add(file.syntaxError);
      }
      if (file.module != null) {
        modules.add(file.module);
        byModule.put(file.module, file);
      }
    }
    Project project =
        pool.submit(() -> Project.build(modules, settings.requestHandlerDecorators())).get();
    RuleRunner runner = new RuleRunner(rules);
    List<RuleRunner.Failure> failures = Collections.synchronizedList(new ArrayList<>());
    Map<SourceModule, FileContext> files = new LinkedHashMap<>();
    for (SourceModule module : modules) {
      files.put(
          module,
          runner.context(project, module, settings, byModule.get(module).input.displayPath()));
    }
    // Each unit a task of its own, the project rules (a few long units) first: the pool's threads
    // take the long units early and fill in with files.
    List<ForkJoinTask<?>> tasks = new ArrayList<>();
    for (Runnable unit : runner.work(project, settings, files, failures)) {
      tasks.add(pool.submit(unit));
    }
    for (ForkJoinTask<?> task : tasks) {
      task.get();
    }
    Map<String, Suppressions> suppressions = new LinkedHashMap<>();
    for (FileContext context : files.values()) {
      diagnostics.addAll(context.diagnostics());
    }
    for (LoadedFile file : loaded) {
      if (file.suppressions != null) {
        suppressions.put(file.input.displayPath(), file.suppressions);
      }
    }
    for (RuleRunner.Failure failure : failures) {
      String path = failure.path() == null ? "<project>" : failure.path();
      errors.add(
          new LintResult.FileError(
              path,
              "internal error in rule " + failure.rule() + ": " + failure.error(),
              failure.error()));
    }
    diagnostics.sort(ORDER);
    errors.sort(Comparator.comparing(LintResult.FileError::path));
    return new LintResult(diagnostics, errors, loaded.size(), suppressions);
  }

  /** Findings by path, then position, then code: the same order on every run. */
  public static final Comparator<Diagnostic> ORDER =
      Comparator.comparing(Diagnostic::path)
          .thenComparingInt(diagnostic -> diagnostic.range().start())
          .thenComparing(diagnostic -> diagnostic.rule().code())
          .thenComparing(Diagnostic::message);

  private static final class LoadedFile {
    final InputFile input;
    SourceModule module;
    Suppressions suppressions;
    Diagnostic syntaxError;
    String error;

    LoadedFile(InputFile input) {
      this.input = input;
    }
  }

  private LoadedFile load(InputFile input, ModuleNames names, String text) {
    LoadedFile file = new LoadedFile(input);
    if (text != null) {
      return parse(file, text, names);
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(input.path());
    } catch (IOException | RuntimeException e) {
      file.error = "cannot read file: " + describe(e);
      return file;
    }
    DecodeResult decoded = SourceDecoder.decode(bytes, input.path().toString());
    if (decoded instanceof DecodeResult.Failed) {
      DecodeResult.Failed failed = (DecodeResult.Failed) decoded;
      String lenient = new String(bytes, StandardCharsets.UTF_8);
      LineIndex lines = LineIndex.of(lenient);
      int line = Math.min(Math.max(failed.line(), 1), lines.lineCount());
      int start = lines.lineStart(line);
      file.syntaxError = syntaxError(input, lenient, new TextRange(start, start), failed.message());
      return file;
    }
    return parse(file, ((DecodeResult.Decoded) decoded).text(), names);
  }

  /**
   * The text findings in a file are placed in: its decoded text, or, when it cannot be decoded, its
   * bytes read leniently (undecodable ones replaced), since positions need some text.
   */
  static String text(byte[] bytes, Path path) {
    DecodeResult decoded = SourceDecoder.decode(bytes, path.toString());
    if (decoded instanceof DecodeResult.Decoded) {
      return ((DecodeResult.Decoded) decoded).text();
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private LoadedFile parse(LoadedFile file, String source, ModuleNames names) {
    InputFile input = file.input;
    ParseResult result = Parser.parse(source, settings.targetVersion());
    // The suppressions are all the run needs of the tokens: they are dropped here.
    file.suppressions = Suppressions.of(source, result.tokens());
    if (result.hasErrors()) {
      SyntaxError first = result.errors().get(0);
      file.syntaxError = syntaxError(input, source, first.range(), first.message());
      return file;
    }
    file.module =
        SourceModule.of(
            input.path(),
            names.moduleName(input.path()),
            ModuleNames.isPackageInit(input.path()),
            source,
            result.module());
    return file;
  }

  private static ModuleNames moduleNames(Path root, List<InputFile> files) {
    Set<Path> paths = new HashSet<>();
    for (InputFile file : files) {
      paths.add(file.path().toAbsolutePath().normalize());
    }
    return new ModuleNames(root, paths);
  }

  private static final RuleMetadata SYNTAX_ERROR =
      RuleRegistry.byCode("ASY001").orElseThrow().metadata();

  private static Diagnostic syntaxError(
      InputFile input, String source, TextRange range, String message) {
    return new Diagnostic(
        SYNTAX_ERROR, message, input.displayPath(), source, range, List.of(), null);
  }

  private static String describe(Exception e) {
    String message = e.getMessage();
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    return message == null ? e.getClass().getSimpleName() : message;
  }
}
