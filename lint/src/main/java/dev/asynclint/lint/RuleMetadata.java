package dev.asynclint.lint;

import java.util.List;

/** A rule's metadata, read from its {@link RuleInfo}. */
public record RuleMetadata(
    String code,
    String name,
    Severity severity,
    FixAvailability fix,
    List<String> equivalents,
    String summary) {

  public RuleMetadata {
    equivalents = List.copyOf(equivalents);
  }

  /** The metadata declared on a rule class. */
  public static RuleMetadata of(Class<? extends Rule> ruleClass) {
    RuleInfo info = ruleClass.getAnnotation(RuleInfo.class);
    if (info == null) {
      throw new IllegalArgumentException(ruleClass.getName() + " has no @RuleInfo");
    }
    return new RuleMetadata(
        info.code(),
        info.name(),
        info.severity(),
        info.fix(),
        List.of(info.equivalents()),
        info.summary());
  }

  /** The address of the rule's documentation page in the repository. */
  public String url() {
    return "https://github.com/asynclint/asynclint/blob/main/docs/rules/" + code + ".md";
  }
}
