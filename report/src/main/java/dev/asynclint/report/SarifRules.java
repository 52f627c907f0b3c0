package dev.asynclint.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.asynclint.lint.Diagnostic;
import dev.asynclint.lint.RuleMetadata;
import dev.asynclint.lint.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code tool.driver.rules} of a SARIF run: the enabled rules in catalog order, then any rule
 * that reported a finding without being in the catalog (such as a syntax error), so that every
 * result's {@code ruleIndex} points at its rule.
 */
final class SarifRules {
  private final List<RuleMetadata> rules = new ArrayList<>();
  private final Map<String, Integer> indexes = new HashMap<>();

  SarifRules(List<RuleMetadata> catalog, List<Diagnostic> diagnostics) {
    catalog.forEach(this::add);
    diagnostics.forEach(diagnostic -> add(diagnostic.rule()));
  }

  private void add(RuleMetadata rule) {
    if (!indexes.containsKey(rule.code())) {
      indexes.put(rule.code(), rules.size());
      rules.add(rule);
    }
  }

  int index(RuleMetadata rule) {
    return indexes.get(rule.code());
  }

  /** SARIF's level for a severity: {@code error}, {@code warning} or {@code note}. */
  static String level(Severity severity) {
    switch (severity) {
      case ERROR:
        return "error";
      case WARNING:
        return "warning";
      default:
        return "note";
    }
  }

  ArrayNode toJson() {
    ArrayNode array = JsonOutput.array();
    for (RuleMetadata rule : rules) {
      ObjectNode descriptor = array.addObject().put("id", rule.code()).put("name", rule.name());
      descriptor.set("shortDescription", SarifLocations.message(firstSentence(rule.summary())));
      descriptor.set("fullDescription", SarifLocations.message(rule.summary()));
      descriptor.put("helpUri", rule.url());
      descriptor.putObject("defaultConfiguration").put("level", level(rule.severity()));
      ObjectNode properties = descriptor.putObject("properties").put("fix", rule.fix().label());
      ArrayNode equivalents = properties.putArray("equivalents");
      rule.equivalents().forEach(equivalents::add);
    }
    return array;
  }

  /** The summary up to the first full stop that ends a sentence, or all of it. */
  static String firstSentence(String summary) {
    for (int i = 0; i < summary.length(); i++) {
      if (summary.charAt(i) == '.'
          && (i + 1 == summary.length() || Character.isWhitespace(summary.charAt(i + 1)))) {
        return summary.substring(0, i + 1);
      }
    }
    return summary;
  }
}
