package dev.asynclint.engine.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.asynclint.lint.RuleMetadata;
import dev.asynclint.syntax.PythonVersion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns the asynclint table of a configuration file into a {@link Configuration}, checking every
 * key and value. Keys are kebab-case only, as in ruff: one spelling keeps configurations
 * searchable, and a snake_case key gets a "did you mean" with the kebab-case one.
 */
final class ConfigurationParser {
  static final List<String> KEYS =
      List.of(
          "select",
          "ignore",
          "extend-select",
          "per-file-ignores",
          "exclude",
          "extend-exclude",
          "target-version",
          "blocking-calls",
          "async-clients",
          "request-handler-decorators");

  private static final Pattern QUALIFIED_NAME =
      Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_]*(\\.[\\p{L}_][\\p{L}\\p{N}_]*)*");

  private final List<RuleMetadata> catalog;
  private final Path file;
  private final String keyPrefix;

  /**
   * @param keyPrefix how the table is named in messages: {@code tool.asynclint.} in {@code
   *     pyproject.toml}, empty in the other files
   */
  ConfigurationParser(List<RuleMetadata> catalog, Path file, String keyPrefix) {
    this.catalog = catalog;
    this.file = file;
    this.keyPrefix = keyPrefix;
  }

  Configuration parse(ObjectNode table) {
    for (Map.Entry<String, JsonNode> entry : table.properties()) {
      checkKnown(entry.getKey());
    }
    List<String> exclude = globs(table, "exclude");
    return new Configuration(
        file,
        file.toAbsolutePath().normalize().getParent(),
        table.has("select") ? selectors(table, "select") : null,
        selectors(table, "ignore"),
        selectors(table, "extend-select"),
        perFileIgnores(table),
        table.has("exclude") ? exclude : Configuration.DEFAULT_EXCLUDE,
        globs(table, "extend-exclude"),
        targetVersion(table),
        qualifiedNames(table, "blocking-calls"),
        qualifiedNames(table, "async-clients"),
        qualifiedNames(table, "request-handler-decorators"));
  }

  private void checkKnown(String key) {
    if (KEYS.contains(key)) {
      return;
    }
    String message = "unknown key `" + keyPrefix + key + "`";
    if (key.equals("tool") && keyPrefix.isEmpty()) {
      message += "; " + file.getFileName() + " takes its keys at the top level, without a table";
    } else {
      String suggestion = KEYS.contains(kebab(key)) ? kebab(key) : null;
      if (suggestion == null) {
        suggestion = ClosestMatch.among(key, KEYS).orElse(null);
      }
      if (suggestion != null) {
        message += "; did you mean `" + keyPrefix + suggestion + "`?";
      } else {
        message += "; the keys are " + String.join(", ", KEYS);
      }
    }
    throw error(message);
  }

  private static String kebab(String key) {
    return key.replace('_', '-').toLowerCase(Locale.ROOT);
  }

  private List<String> selectors(ObjectNode table, String key) {
    List<String> codes = strings(table, key);
    for (String code : codes) {
      checkSelector(code, key);
    }
    return codes;
  }

  private void checkSelector(String code, String key) {
    if (RuleSelector.parse(code, catalog).isEmpty()) {
      throw error("`" + keyPrefix + key + "`: unknown rule code or prefix `" + code + "`");
    }
  }

  private List<String> globs(ObjectNode table, String key) {
    List<String> patterns = strings(table, key);
    for (String pattern : patterns) {
      checkGlob(pattern, key);
    }
    return patterns;
  }

  private void checkGlob(String pattern, String key) {
    try {
      PathGlob.compile(pattern.startsWith("!") ? pattern.substring(1) : pattern);
    } catch (IllegalArgumentException e) {
      throw error(
          "`" + keyPrefix + key + "`: bad file pattern `" + pattern + "`: " + e.getMessage());
    }
  }

  private Map<String, List<String>> perFileIgnores(ObjectNode table) {
    String key = "per-file-ignores";
    JsonNode node = table.get(key);
    Map<String, List<String>> ignores = new LinkedHashMap<>();
    if (node == null) {
      return ignores;
    }
    if (!node.isObject()) {
      throw error(
          "`" + keyPrefix + key + "` must be a table of file patterns, not " + describe(node));
    }
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      String entryKey = key + ".\"" + entry.getKey() + "\"";
      checkGlob(entry.getKey(), key);
      List<String> codes = stringArray(entry.getValue(), entryKey);
      for (String code : codes) {
        checkSelector(code, entryKey);
      }
      ignores.put(entry.getKey(), codes);
    }
    return ignores;
  }

  private PythonVersion targetVersion(ObjectNode table) {
    String key = "target-version";
    JsonNode node = table.get(key);
    if (node == null) {
      return PythonVersion.LATEST;
    }
    if (!node.isTextual()) {
      throw error("`" + keyPrefix + key + "` must be a string, not " + describe(node));
    }
    PythonVersion version = PythonVersion.fromName(node.textValue());
    if (version == null) {
      PythonVersion[] versions = PythonVersion.values();
      throw error(
          "`"
              + keyPrefix
              + key
              + "`: unknown Python version `"
              + node.textValue()
              + "` (expected "
              + name(versions[0])
              + " to "
              + name(versions[versions.length - 1])
              + ")");
    }
    return version;
  }

  private static String name(PythonVersion version) {
    return version.name().toLowerCase(Locale.ROOT);
  }

  private List<String> qualifiedNames(ObjectNode table, String key) {
    List<String> names = strings(table, key);
    for (String name : names) {
      if (!QUALIFIED_NAME.matcher(name).matches()) {
        throw error(
            "`"
                + keyPrefix
                + key
                + "`: `"
                + name
                + "` is not a qualified name such as `package.module.function`");
      }
    }
    return names;
  }

  private List<String> strings(ObjectNode table, String key) {
    JsonNode node = table.get(key);
    return node == null ? List.of() : stringArray(node, key);
  }

  private List<String> stringArray(JsonNode node, String key) {
    if (!node.isArray()) {
      throw error("`" + keyPrefix + key + "` must be an array of strings, not " + describe(node));
    }
    List<String> values = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      JsonNode element = node.get(i);
      if (!element.isTextual()) {
        throw error(
            "`"
                + keyPrefix
                + key
                + "` must be an array of strings, but element "
                + (i + 1)
                + " is "
                + describe(element));
      }
      values.add(element.textValue());
    }
    return values;
  }

  /** How a TOML value is named in messages. */
  private static String describe(JsonNode node) {
    if (node.isTextual()) {
      return "a string";
    }
    if (node.isBoolean()) {
      return "a boolean";
    }
    if (node.isIntegralNumber()) {
      return "an integer";
    }
    if (node.isNumber()) {
      return "a float";
    }
    if (node.isArray()) {
      return "an array";
    }
    if (node.isObject()) {
      return "a table";
    }
    return "a " + node.getNodeType().name().toLowerCase(Locale.ROOT);
  }

  private ConfigurationException error(String message) {
    return new ConfigurationException(file + ": " + message);
  }
}
