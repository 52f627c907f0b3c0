package dev.asynclint.engine.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.asynclint.lint.Rule;
import dev.asynclint.lint.RuleMetadata;
import dev.asynclint.rules.RuleRegistry;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Finds and reads the configuration file: the one given with {@code --config}, or the closest one
 * above the checked paths.
 *
 * <p>Discovery mirrors ruff's: starting from the common ancestor directory of the checked paths and
 * going up to the file system root, the first directory holding a configuration file wins; within
 * one directory {@code .asynclint.toml} comes before {@code asynclint.toml}, which comes before
 * {@code pyproject.toml}, and a {@code pyproject.toml} counts only if it has a {@code
 * [tool.asynclint]} table. There is no user-wide configuration file.
 *
 * <p>Keys are spelled in kebab-case only, as in ruff ({@code extend-select}, not {@code
 * extend_select}): one spelling keeps configurations easy to search, and a misspelled or snake_case
 * key is an error naming the key meant. Any error is a {@link ConfigurationException} whose
 * one-line message names the file and the key.
 */
public final class ConfigurationLoader {
  /** The configuration file names, in their precedence within one directory. */
  public static final List<String> FILE_NAMES =
      List.of(".asynclint.toml", "asynclint.toml", "pyproject.toml");

  private static final String PYPROJECT = "pyproject.toml";

  /** Made on first use: most runs have no configuration file, and making one costs 20 ms. */
  private static final class Toml {
    static final TomlMapper MAPPER = new TomlMapper();
  }

  private final List<RuleMetadata> catalog;

  /** A loader checking rule codes against the registry of asynclint's rules. */
  public ConfigurationLoader() {
    this(RuleRegistry.all());
  }

  /** A loader checking rule codes against {@code catalog}. */
  public ConfigurationLoader(List<? extends Rule> catalog) {
    this.catalog = catalog.stream().map(Rule::metadata).collect(Collectors.toUnmodifiableList());
  }

  /**
   * Reads the file given with {@code --config}. A {@code pyproject.toml} must have a {@code
   * [tool.asynclint]} table; any other file holds the keys at its top level.
   *
   * @throws ConfigurationException if the file cannot be read or is not a valid configuration
   */
  public Configuration load(Path explicitFile) {
    JsonNode document = read(explicitFile);
    if (isPyproject(explicitFile)) {
      JsonNode table = document.path("tool").path("asynclint");
      if (table.isMissingNode()) {
        throw new ConfigurationException(explicitFile + ": no [tool.asynclint] table");
      }
      return parse(explicitFile, table, "tool.asynclint");
    }
    return parse(explicitFile, document, "");
  }

  /**
   * The configuration of the closest configuration file above the checked paths, or the defaults
   * rooted at the working directory when there is none.
   *
   * @param checkedPaths the paths to check, relative to {@code workingDirectory} or absolute
   * @throws ConfigurationException if the file found is not a valid configuration
   */
  public Configuration discover(List<Path> checkedPaths, Path workingDirectory) {
    Path base = workingDirectory.toAbsolutePath().normalize();
    for (Path directory = commonDirectory(checkedPaths, base);
        directory != null;
        directory = directory.getParent()) {
      for (String name : FILE_NAMES) {
        Path candidate = directory.resolve(name);
        if (!Files.isRegularFile(candidate)) {
          continue;
        }
        if (!name.equals(PYPROJECT)) {
          return parse(candidate, read(candidate), "");
        }
        // Most pyproject.toml files are not ours: only parse those that mention asynclint.
        if (text(candidate).contains("asynclint")) {
          JsonNode table = read(candidate).path("tool").path("asynclint");
          if (!table.isMissingNode()) {
            return parse(candidate, table, "tool.asynclint");
          }
        }
      }
    }
    return Configuration.defaults(base);
  }

  /** The deepest directory holding every checked path (the working directory if none). */
  static Path commonDirectory(List<Path> checkedPaths, Path workingDirectory) {
    Path common = null;
    for (Path path : checkedPaths) {
      Path absolute = workingDirectory.resolve(path).normalize();
      Path directory = Files.isDirectory(absolute) ? absolute : absolute.getParent();
      if (directory == null) {
        directory = absolute;
      }
      if (common == null) {
        common = directory;
      }
      while (common != null && !directory.startsWith(common)) {
        common = common.getParent();
      }
      if (common == null) {
        return workingDirectory;
      }
    }
    return common == null ? workingDirectory : common;
  }

  private static boolean isPyproject(Path file) {
    Path name = file.getFileName();
    return name != null && name.toString().equals(PYPROJECT);
  }

  private Configuration parse(Path file, JsonNode table, String tableName) {
    if (!table.isObject()) {
      throw new ConfigurationException(file + ": `" + tableName + "` must be a table");
    }
    String prefix = tableName.isEmpty() ? "" : tableName + ".";
    return new ConfigurationParser(catalog, file, prefix).parse((ObjectNode) table);
  }

  private static JsonNode read(Path file) {
    String text = text(file);
    try {
      JsonNode document = Toml.MAPPER.readTree(text);
      return document == null || document.isMissingNode()
          ? Toml.MAPPER.createObjectNode()
          : document;
    } catch (JacksonException e) {
      JsonLocation location = e.getLocation();
      String line = location != null && location.getLineNr() > 0 ? ":" + location.getLineNr() : "";
      throw new ConfigurationException(
          file + line + ": invalid TOML: " + e.getOriginalMessage().replaceAll("\\s+", " "));
    }
  }

  private static String text(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (MalformedInputException e) {
      throw new ConfigurationException(file + ": invalid TOML: not UTF-8");
    } catch (IOException e) {
      throw new ConfigurationException(file + ": cannot read the configuration file: " + reason(e));
    }
  }

  private static String reason(IOException e) {
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
