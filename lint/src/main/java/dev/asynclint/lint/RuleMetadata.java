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

  /** Read once per rule class: rules ask for their metadata with every finding they report. */
  private static final ClassValue<RuleMetadata> DECLARED =
      new ClassValue<>() {
        @Override
        protected RuleMetadata computeValue(Class<?> ruleClass) {
          return read(ruleClass);
        }
      };

  /** The metadata declared on a rule class. */
  public static RuleMetadata of(Class<? extends Rule> ruleClass) {
    return DECLARED.get(ruleClass);
  }

  private static RuleMetadata read(Class<?> ruleClass) {
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
