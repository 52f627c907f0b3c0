package dev.asynclint.rules;

import dev.asynclint.lint.FixAvailability;
import dev.asynclint.lint.Rule;
import dev.asynclint.lint.RuleMetadata;
import java.util.List;

/**
 * The pages of {@code docs/rules/}, generated from each rule's metadata and documentation so that
 * the catalog reads the same on the repository host as in {@code asynclint rule CODE}.
 */
public final class RuleDocs {
  private RuleDocs() {}

  /** The page of one rule: title, metadata, summary, then its documentation. */
  public static String page(Rule rule) {
    RuleMetadata metadata = rule.metadata();
    StringBuilder page = new StringBuilder();
    page.append("# ").append(metadata.code()).append(": ").append(metadata.name()).append("\n\n");
    page.append("| Severity | Fix | Equivalent rules |\n|---|---|---|\n");
    page.append("| ").append(metadata.severity().label());
    page.append(" | ").append(fixLabel(metadata.fix()));
    page.append(" | ").append(equivalents(metadata.equivalents())).append(" |\n\n");
    page.append(metadata.summary()).append("\n\n");
    page.append(RuleRegistry.documentation(rule).strip()).append('\n');
    return page.toString();
  }

  /** The catalog page: every rule with its severity, fix and summary. */
  public static String index(List<Rule> rules) {
    StringBuilder page = new StringBuilder("# Rules\n\n");
    page.append("Generated from the rules' metadata and documentation; do not edit by hand.\n\n");
    page.append("| Code | Name | Severity | Fix | Summary |\n|---|---|---|---|---|\n");
    for (Rule rule : rules) {
      RuleMetadata metadata = rule.metadata();
      page.append("| [").append(metadata.code()).append("](").append(metadata.code());
      page.append(".md) | ").append(metadata.name());
      page.append(" | ").append(metadata.severity().label());
      page.append(" | ").append(fixLabel(metadata.fix()));
      page.append(" | ").append(metadata.summary().replace("|", "\\|")).append(" |\n");
    }
    return page.toString();
  }

  private static String fixLabel(FixAvailability fix) {
    return fix == FixAvailability.NONE ? "—" : fix.label();
  }

  private static String equivalents(List<String> codes) {
    return codes.isEmpty() ? "—" : "`" + String.join("`, `", codes) + "`";
  }
}
