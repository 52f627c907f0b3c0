package dev.asynclint.engine.config;

import dev.asynclint.lint.Rule;
import dev.asynclint.lint.RuleMetadata;
import dev.asynclint.lint.Severity;
import dev.asynclint.rules.RuleRegistry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules a run enables, resolved as ruff resolves them.
 *
 * <p>The selection starts from the defaults (every rule whose severity is not {@code info}); then
 * the configuration file and then the command line each apply their selectors. Within one of these
 * layers, selectors apply from the least specific ({@code ALL}) to the most specific (a full code),
 * {@code select} and {@code extend-select} turning rules on and {@code ignore} turning them off,
 * {@code ignore} winning between selectors of the same specificity: {@code select = ["ASY2"],
 * ignore = ["ASY200"]} keeps the other {@code ASY2} rules and {@code ignore = ["ASY2"], select =
 * ["ASY200"]} keeps only {@code ASY200}. A layer with {@code select} replaces the selection so far
 * ({@code --select ASY200} enables {@code ASY200} even if the file ignores it); a layer without
 * changes it. An {@code info} rule is enabled only by a selector that names it ({@code ALL}, {@code
 * ASY6} or {@code ASY600} for {@code ASY600}).
 */
public final class RuleSelection {
  private final List<Rule> enabled;
  private final Set<String> enabledCodes;
  private final PerFileIgnores perFileIgnores;

  private RuleSelection(List<Rule> enabled, PerFileIgnores perFileIgnores) {
    this.enabled = List.copyOf(enabled);
    this.enabledCodes =
        enabled.stream().map(rule -> rule.metadata().code()).collect(Collectors.toSet());
    this.perFileIgnores = perFileIgnores;
  }

  /**
   * Resolves the selection among asynclint's rules.
   *
   * @throws ConfigurationException on an unknown rule code or prefix
   */
  public static RuleSelection resolve(Configuration config, SelectionOverrides commandLine) {
    return resolve(config, commandLine, RuleRegistry.all());
  }

  /**
   * Resolves the selection among the rules of {@code catalog}.
   *
   * @throws ConfigurationException on an unknown rule code or prefix
   */
  public static RuleSelection resolve(
      Configuration config, SelectionOverrides commandLine, List<? extends Rule> catalog) {
    List<RuleMetadata> metadata =
        catalog.stream().map(Rule::metadata).collect(Collectors.toUnmodifiableList());
    Set<String> selected = new LinkedHashSet<>();
    for (RuleMetadata rule : metadata) {
      if (rule.severity() != Severity.INFO) {
        selected.add(rule.code());
      }
    }
    List<RuleSelector> carriedIgnores =
        apply(
            selected,
            layer(config.select(), config.extendSelect(), config.ignore(), "", metadata),
            List.of(),
            metadata);
    apply(
        selected,
        layer(
            commandLine.select(), commandLine.extendSelect(), commandLine.ignore(), "--", metadata),
        carriedIgnores,
        metadata);
    List<Rule> enabled = new ArrayList<>();
    for (Rule rule : catalog) {
      if (selected.contains(rule.metadata().code())) {
        enabled.add(rule);
      }
    }
    return new RuleSelection(enabled, new PerFileIgnores(config.perFileIgnores(), metadata));
  }

  /** The selectors of one layer: the configuration file or the command line. */
  private record Layer(
      List<RuleSelector> select, List<RuleSelector> extendSelect, List<RuleSelector> ignore) {}

  private static Layer layer(
      List<String> select,
      List<String> extendSelect,
      List<String> ignore,
      String optionPrefix,
      List<RuleMetadata> catalog) {
    return new Layer(
        select == null ? null : selectors(select, optionPrefix + "select", catalog),
        selectors(extendSelect, optionPrefix + "extend-select", catalog),
        selectors(ignore, optionPrefix + "ignore", catalog));
  }

  private static List<RuleSelector> selectors(
      List<String> codes, String option, List<RuleMetadata> catalog) {
    List<RuleSelector> selectors = new ArrayList<>();
    for (String code : codes) {
      selectors.add(selector(code, option, catalog));
    }
    return selectors;
  }

  static RuleSelector selector(String code, String option, List<RuleMetadata> catalog) {
    return RuleSelector.parse(code, catalog)
        .orElseThrow(
            () ->
                new ConfigurationException(
                    "unknown rule code or prefix `" + code + "` in `" + option + "`"));
  }

  /** A selector turning the rules it matches on or off. */
  private record Toggle(RuleSelector selector, boolean on) {}

  /**
   * Applies a layer to the selection and returns the ignores it hands to the next layer: as in
   * ruff, a layer selecting nothing ({@code select = []}) but ignoring rules carries its ignores
   * over.
   */
  private static List<RuleSelector> apply(
      Set<String> selected,
      Layer layer,
      List<RuleSelector> carriedIgnores,
      List<RuleMetadata> catalog) {
    List<Toggle> toggles = new ArrayList<>();
    if (layer.select != null) {
      layer.select.forEach(selector -> toggles.add(new Toggle(selector, true)));
    }
    layer.extendSelect.forEach(selector -> toggles.add(new Toggle(selector, true)));
    layer.ignore.forEach(selector -> toggles.add(new Toggle(selector, false)));
    carriedIgnores.forEach(selector -> toggles.add(new Toggle(selector, false)));
    // Least specific first, and at equal specificity ignores last: later toggles win.
    toggles.sort(
        Comparator.comparingInt((Toggle toggle) -> toggle.selector.specificity())
            .thenComparing(toggle -> !toggle.on));
    Map<String, Boolean> updates = new HashMap<>();
    for (Toggle toggle : toggles) {
      for (RuleMetadata rule : catalog) {
        if (toggle.selector.matches(rule.code())) {
          updates.put(rule.code(), toggle.on);
        }
      }
    }
    if (layer.select != null) {
      selected.clear();
      for (RuleMetadata rule : catalog) {
        if (updates.getOrDefault(rule.code(), false)) {
          selected.add(rule.code());
        }
      }
      boolean selectsNothing = layer.select.isEmpty() && layer.extendSelect.isEmpty();
      return selectsNothing ? layer.ignore : List.of();
    }
    updates.forEach(
        (code, on) -> {
          if (on) {
            selected.add(code);
          } else {
            selected.remove(code);
          }
        });
    return List.of();
  }

  /** The enabled rules, in the order of the catalog. */
  public List<Rule> enabled() {
    return enabled;
  }

  public boolean isEnabled(String code) {
    return enabledCodes.contains(code);
  }

  /**
   * Whether {@code per-file-ignores} turns the rule {@code code} off in the file at {@code
   * relativePath} (relative to the configuration root, {@code /}-separated: see {@link
   * Configuration#relativePath}).
   */
  public boolean ignored(String relativePath, String code) {
    return perFileIgnores.ignored(relativePath, code);
  }

  /** The enabled rules that are not turned off in the file at {@code relativePath}. */
  public List<Rule> enabledFor(String relativePath) {
    List<Rule> rules = new ArrayList<>();
    for (Rule rule : enabled) {
      if (!ignored(relativePath, rule.metadata().code())) {
        rules.add(rule);
      }
    }
    return rules;
  }
}
