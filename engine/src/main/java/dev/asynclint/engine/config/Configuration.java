package dev.asynclint.engine.config;

import dev.asynclint.lint.Settings;
import dev.asynclint.syntax.PythonVersion;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The settings of a run read from {@code [tool.asynclint]} of {@code pyproject.toml}, {@code
 * asynclint.toml} or {@code .asynclint.toml}, already validated; the defaults where a key is not
 * set.
 *
 * @param file the configuration file, or null when none was found
 * @param root the directory globs and per-file ignores are relative to: the file's directory, or
 *     the working directory when there is no file; absolute and normalized
 * @param select {@code select}: the rule selectors replacing the default selection, or null when
 *     not set (every rule whose severity is not {@code info})
 * @param ignore {@code ignore}: rule selectors to turn off
 * @param extendSelect {@code extend-select}: rule selectors to add to the selection
 * @param perFileIgnores {@code per-file-ignores}: file pattern (a {@link PathGlob}, {@code !}
 *     negates it) to rule selectors turned off in the files it matches
 * @param exclude {@code exclude}: patterns of files and directories not to check; setting it
 *     replaces {@link #DEFAULT_EXCLUDE}
 * @param extendExclude {@code extend-exclude}: patterns excluded on top of {@code exclude}
 * @param targetVersion {@code target-version}: the oldest Python the code must run on
 * @param blockingCalls {@code blocking-calls}: qualified names of the user's blocking functions
 * @param asyncClients {@code async-clients}: qualified names of the user's async client classes
 * @param requestHandlerDecorators {@code request-handler-decorators}: qualified names of decorators
 *     that register request handlers
 */
public record Configuration(
    Path file,
    Path root,
    List<String> select,
    List<String> ignore,
    List<String> extendSelect,
    Map<String, List<String>> perFileIgnores,
    List<String> exclude,
    List<String> extendExclude,
    PythonVersion targetVersion,
    List<String> blockingCalls,
    List<String> asyncClients,
    List<String> requestHandlerDecorators) {

  /**
   * Directory names not checked unless {@code exclude} says otherwise: ruff's default excludes that
   * are not hidden directories (hidden directories, {@code __pycache__} and virtual environments
   * are never walked into).
   */
  public static final List<String> DEFAULT_EXCLUDE =
      List.of(
          "__pypackages__",
          "_build",
          "buck-out",
          "build",
          "dist",
          "node_modules",
          "site-packages",
          "venv");

  public Configuration {
    root = root.toAbsolutePath().normalize();
    select = select == null ? null : List.copyOf(select);
    ignore = List.copyOf(ignore);
    extendSelect = List.copyOf(extendSelect);
    Map<String, List<String>> ignores = new LinkedHashMap<>();
    perFileIgnores.forEach((pattern, codes) -> ignores.put(pattern, List.copyOf(codes)));
    perFileIgnores = Collections.unmodifiableMap(ignores);
    exclude = List.copyOf(exclude);
    extendExclude = List.copyOf(extendExclude);
    blockingCalls = List.copyOf(blockingCalls);
    asyncClients = List.copyOf(asyncClients);
    requestHandlerDecorators = List.copyOf(requestHandlerDecorators);
  }

  /** The configuration of a run without a configuration file, rooted at {@code root}. */
  public static Configuration defaults(Path root) {
    return new Configuration(
        null,
        root,
        null,
        List.of(),
        List.of(),
        Map.of(),
        DEFAULT_EXCLUDE,
        List.of(),
        PythonVersion.LATEST,
        List.of(),
        List.of(),
        List.of());
  }

  /** This configuration with another target version ({@code --target-version}). */
  public Configuration withTargetVersion(PythonVersion version) {
    return new Configuration(
        file,
        root,
        select,
        ignore,
        extendSelect,
        perFileIgnores,
        exclude,
        extendExclude,
        version,
        blockingCalls,
        asyncClients,
        requestHandlerDecorators);
  }

  /** What the rules see of this configuration. */
  public Settings toSettings() {
    return new Settings(
        targetVersion,
        new LinkedHashSet<>(blockingCalls),
        new LinkedHashSet<>(asyncClients),
        new LinkedHashSet<>(requestHandlerDecorators));
  }

  /**
   * The path of {@code path} relative to {@link #root()} with {@code /} separators, as globs and
   * per-file ignores see it; a path outside the root keeps its {@code ..} segments.
   */
  public String relativePath(Path path) {
    Path relative = root.relativize(path.toAbsolutePath().normalize());
    StringBuilder out = new StringBuilder();
    for (Path segment : relative) {
      if (out.length() > 0) {
        out.append('/');
      }
      out.append(segment);
    }
    return out.toString();
  }
}
