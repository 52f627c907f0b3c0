package dev.asynclint.engine.config;

import dev.asynclint.lint.RuleMetadata;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One entry of {@code select}, {@code ignore}, {@code extend-select} or a per-file ignore list:
 * {@code ALL}, a code prefix such as {@code ASY} or {@code ASY30}, or a full code such as {@code
 * ASY301}. Codes are case-sensitive, as in ruff.
 */
final class RuleSelector {
  /** Selects every rule. */
  static final String ALL = "ALL";

  private static final Pattern SHAPE = Pattern.compile("ASY[0-9]*");

  private final String text;

  private RuleSelector(String text) {
    this.text = text;
  }

  /**
   * The selector written as {@code text}, if it is {@code ALL} or a prefix of the code of at least
   * one rule of {@code catalog} ({@code ASY9} selects nothing and is refused).
   */
  static Optional<RuleSelector> parse(String text, List<RuleMetadata> catalog) {
    if (text.equals(ALL)) {
      return Optional.of(new RuleSelector(text));
    }
    if (!SHAPE.matcher(text).matches()) {
      return Optional.empty();
    }
    for (RuleMetadata rule : catalog) {
      if (rule.code().startsWith(text)) {
        return Optional.of(new RuleSelector(text));
      }
    }
    return Optional.empty();
  }

  /** Whether the selector selects the rule with this code. */
  boolean matches(String code) {
    return text.equals(ALL) || code.startsWith(text);
  }

  /**
   * How specific the selector is: {@code ALL} least, then longer prefixes, a full code most. When
   * selectors disagree about a rule, the more specific one decides.
   */
  int specificity() {
    return text.equals(ALL) ? 0 : text.length();
  }

  @Override
  public String toString() {
    return text;
  }
}
