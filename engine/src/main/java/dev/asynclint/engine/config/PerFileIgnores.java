package dev.asynclint.engine.config;

import dev.asynclint.lint.RuleMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code per-file-ignores} of a configuration: rules turned off in the files a pattern matches.
 * A pattern matches a file when it matches the file's path relative to the configuration root or
 * one of the directories above it (so {@code tests} and {@code tests/} cover every file under any
 * {@code tests} directory); a pattern starting with {@code !} applies to the files it does not
 * match, as in ruff.
 */
final class PerFileIgnores {
  private record Entry(PathGlob glob, boolean negated, List<RuleSelector> selectors) {}

  private final List<Entry> entries = new ArrayList<>();

  /**
   * Compiles the patterns and selectors of a configuration.
   *
   * @throws ConfigurationException on a bad pattern or an unknown rule code
   */
  PerFileIgnores(Map<String, List<String>> perFileIgnores, List<RuleMetadata> catalog) {
    perFileIgnores.forEach(
        (pattern, codes) -> {
          boolean negated = pattern.startsWith("!");
          PathGlob glob;
          try {
            glob = PathGlob.compile(negated ? pattern.substring(1) : pattern);
          } catch (IllegalArgumentException e) {
            throw new ConfigurationException(
                "`per-file-ignores`: bad file pattern `" + pattern + "`: " + e.getMessage());
          }
          List<RuleSelector> selectors = new ArrayList<>();
          for (String code : codes) {
            selectors.add(RuleSelection.selector(code, "per-file-ignores", catalog));
          }
          entries.add(new Entry(glob, negated, selectors));
        });
  }

  /** Whether the rule {@code code} is turned off in the file at {@code relativePath}. */
  boolean ignored(String relativePath, String code) {
    for (Entry entry : entries) {
      if (entry.glob.matchesFileOrParent(relativePath) != entry.negated) {
        for (RuleSelector selector : entry.selectors) {
          if (selector.matches(code)) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
