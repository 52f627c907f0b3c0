package dev.asynclint.engine;

import dev.asynclint.engine.cache.CacheKey;
import dev.asynclint.engine.cache.ResultCache;
import dev.asynclint.engine.config.Configuration;
import dev.asynclint.engine.config.ConfigurationLoader;
import dev.asynclint.engine.config.RuleSelection;
import dev.asynclint.engine.config.SelectionOverrides;
import dev.asynclint.engine.discovery.DiscoveryResult;
import dev.asynclint.engine.discovery.FileDiscovery;
import dev.asynclint.engine.discovery.InputFile;
import dev.asynclint.engine.fix.FixMode;
import dev.asynclint.engine.fix.Fixer;
import dev.asynclint.engine.suppress.Suppressions;
import dev.asynclint.lint.Diagnostic;
import dev.asynclint.lint.Rule;
import dev.asynclint.lint.RuleMetadata;
import dev.asynclint.lint.RuleRunner;
import dev.asynclint.rules.RuleRegistry;
import dev.asynclint.semantic.project.Project;
import dev.asynclint.syntax.PythonVersion;
import dev.asynclint.syntax.parser.Parser;
import dev.asynclint.text.SourceDecoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code asynclint check} without its output: configuration, rule selection, file discovery, the
 * run, then suppressions ({@code # noqa}, file-level ignores) and per-file ignores.
 */
public final class Check {
  /**
   * What to check and how.
   *
   * @param configFile {@code --config}, or null to discover the configuration
   * @param targetVersion {@code --target-version}, or null for the configuration's
   * @param fixMode whether to apply the fixes ({@code --fix}) or show them ({@code --diff})
   * @param unsafeFixes {@code --unsafe-fixes}: apply unsafe fixes too
   * @param cache whether to reuse and keep the findings in {@code .asynclint_cache/} of the project
   *     root (runs that fix never use it)
   */
  public record Request(
      List<Path> paths,
      Path workingDirectory,
      Path configFile,
      SelectionOverrides overrides,
      PythonVersion targetVersion,
      int threads,
      FixMode fixMode,
      boolean unsafeFixes,
      boolean cache) {

    public Request {
      fixMode = fixMode == null ? FixMode.NONE : fixMode;
    }

    /** A check that fixes nothing. */
    public Request(
        List<Path> paths,
        Path workingDirectory,
        Path configFile,
        SelectionOverrides overrides,
        PythonVersion targetVersion,
        int threads) {
      this(
          paths,
          workingDirectory,
          configFile,
          overrides,
          targetVersion,
          threads,
          FixMode.NONE,
          false,
          false);
    }
  }

  /**
   * What the check found.
   *
   * @param diagnostics the findings left after suppressions, in {@link Linter#ORDER}
   * @param errors files that could not be read or walked, and internal errors
   * @param rules the enabled rules' metadata, by code
   * @param missing path arguments that do not exist
   * @param fixed how many findings {@code --fix} fixed ({@code --diff}: would fix)
   * @param diffs with {@code --diff}, each changed file's unified diff, in file order
   * @param cached whether the findings came from the cache of an identical earlier run
   */
  public record Outcome(
      List<Diagnostic> diagnostics,
      List<LintResult.FileError> errors,
      List<RuleMetadata> rules,
      int filesChecked,
      List<Path> missing,
      int fixed,
      List<Fixer.FileDiff> diffs,
      boolean cached) {}

  private Check() {}

  /** Runs a check; bad configuration or unknown rule codes throw before any file is read. */
  public static Outcome run(Request request) {
    ConfigurationLoader loader = new ConfigurationLoader(RuleRegistry.all());
    Configuration config =
        request.configFile() != null
            ? loader.load(request.configFile())
            : loader.discover(request.paths(), request.workingDirectory());
    if (request.targetVersion() != null) {
      config = config.withTargetVersion(request.targetVersion());
    }
    RuleSelection selection = RuleSelection.resolve(config, request.overrides());
    DiscoveryResult discovered =
        FileDiscovery.discover(request.paths(), request.workingDirectory(), config);
    List<LintResult.FileError> errors = new ArrayList<>();
    for (String error : discovered.errors()) {
      errors.add(new LintResult.FileError(null, error));
    }
    Linter linter = new Linter(config.toSettings(), selection.enabled(), request.threads());
    Path root = projectRoot(config.root(), discovered.files());
    Configuration configuration = config;
    Fixer.Linting linting =
        sources -> {
          LintResult result = linter.run(discovered.files(), root, sources);
          List<LintResult.FileError> passErrors = new ArrayList<>(errors);
          passErrors.addAll(result.errors());
          List<Diagnostic> kept = suppress(result, discovered.files(), configuration, selection);
          return new Fixer.Pass(kept, passErrors, result.filesChecked());
        };
    List<RuleMetadata> rules = new ArrayList<>();
    for (Rule rule : selection.enabled()) {
      rules.add(rule.metadata());
    }
    if (request.fixMode() == FixMode.NONE) {
      Map<Path, String> texts = new HashMap<>();
      Optional<ResultCache> cache =
          request.cache() && errors.isEmpty() && discovered.missing().isEmpty()
              ? cache(root, config, request, selection, discovered.files(), texts)
              : Optional.empty();
      Optional<ResultCache.Entry> hit =
          cache.flatMap(results -> results.load(sources(discovered.files(), texts), Check::rule));
      if (hit.isPresent()) {
        return new Outcome(
            hit.get().diagnostics(),
            List.of(),
            rules,
            hit.get().filesChecked(),
            discovered.missing(),
            0,
            List.of(),
            true);
      }
      Fixer.Pass pass = linting.run(texts);
      if (cache.isPresent() && pass.errors().isEmpty()) {
        cache.get().store(new ResultCache.Entry(pass.diagnostics(), pass.filesChecked()));
      }
      return new Outcome(
          pass.diagnostics(),
          pass.errors(),
          rules,
          pass.filesChecked(),
          discovered.missing(),
          0,
          List.of(),
          false);
    }
    Fixer.Result fixed =
        new Fixer(request.fixMode(), request.unsafeFixes(), config.targetVersion())
            .run(discovered.files(), linting);
    List<LintResult.FileError> allErrors = new ArrayList<>(fixed.last().errors());
    allErrors.addAll(fixed.errors());
    return new Outcome(
        fixed.last().diagnostics(),
        allErrors,
        rules,
        fixed.last().filesChecked(),
        discovered.missing(),
        fixed.fixed(),
        fixed.diffs(),
        false);
  }

  /** The classes whose jars or folders hold the code and data that decide the findings. */
  private static final List<Class<?>> CODE =
      List.of(
          Check.class,
          RuleRegistry.class,
          RuleRunner.class,
          Project.class,
          Parser.class,
          SourceDecoder.class);

  private static Optional<ResultCache> cache(
      Path root,
      Configuration config,
      Request request,
      RuleSelection selection,
      List<InputFile> files,
      Map<Path, String> texts) {
    StringBuilder configuration = new StringBuilder();
    configuration.append(config).append('\n').append(request.overrides()).append('\n');
    configuration.append(root).append('\n');
    for (Rule rule : selection.enabled()) {
      configuration.append(rule.metadata().code()).append(' ');
    }
    return CacheKey.of(configuration.toString(), files, CODE, texts)
        .map(key -> new ResultCache(root, key));
  }

  /**
   * A checked file's text by display path, for the findings of a cache hit: the text read for the
   * key, or for a file that does not decode, its bytes read leniently as the run would.
   */
  private static Function<String, String> sources(List<InputFile> files, Map<Path, String> texts) {
    Map<String, Path> byDisplayPath = new HashMap<>();
    for (InputFile file : files) {
      byDisplayPath.put(file.displayPath(), file.path());
    }
    return displayPath -> {
      Path path = byDisplayPath.get(displayPath);
      if (path == null || texts.containsKey(path)) {
        return path == null ? null : texts.get(path);
      }
      try {
        return Linter.text(Files.readAllBytes(path), path);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }

  private static RuleMetadata rule(String code) {
    return RuleRegistry.byCode(code).map(Rule::metadata).orElse(null);
  }

  /**
   * Where module names start: the configuration's root when it holds every file, else the deepest
   * directory holding them all (files checked from elsewhere are still named by their packages and
   * folders, so that two {@code app.py} of different folders do not collide).
   */
  static Path projectRoot(Path configRoot, List<InputFile> files) {
    Path common = null;
    for (InputFile file : files) {
      Path directory = file.path().getParent();
      if (common == null) {
        common = directory;
      }
      while (common != null && !directory.startsWith(common)) {
        common = common.getParent();
      }
    }
    if (common == null || common.startsWith(configRoot)) {
      return configRoot;
    }
    return common;
  }

  /** Applies per-file ignores and the files' suppression comments. */
  private static List<Diagnostic> suppress(
      LintResult result, List<InputFile> files, Configuration config, RuleSelection selection) {
    Map<String, List<Diagnostic>> byFile = new LinkedHashMap<>();
    for (Diagnostic diagnostic : result.diagnostics()) {
      byFile.computeIfAbsent(diagnostic.path(), path -> new ArrayList<>()).add(diagnostic);
    }
    boolean reportUnused = selection.isEnabled("ASY002");
    List<Diagnostic> kept = new ArrayList<>();
    for (InputFile file : files) {
      String path = file.displayPath();
      String relative = config.relativePath(file.path());
      List<Diagnostic> diagnostics = new ArrayList<>();
      for (Diagnostic diagnostic : byFile.getOrDefault(path, List.of())) {
        if (!selection.ignored(relative, diagnostic.rule().code())) {
          diagnostics.add(diagnostic);
        }
      }
      Suppressions suppressions = result.suppressions().get(path);
      if (suppressions == null) {
        kept.addAll(diagnostics);
        continue;
      }
      Suppressions.Result filtered = suppressions.filter(diagnostics, path, reportUnused);
      kept.addAll(filtered.kept());
      for (Diagnostic unused : filtered.unusedNoqa()) {
        if (!selection.ignored(relative, unused.rule().code())) {
          kept.add(unused);
        }
      }
    }
    kept.sort(Linter.ORDER);
    return kept;
  }
}
