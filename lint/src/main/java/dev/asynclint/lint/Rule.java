package dev.asynclint.lint;

/**
 * A rule. A class implements the subscription interfaces for what it inspects ({@link CallRule},
 * {@link FunctionRule}, {@link ProjectRule}); the engine walks each file once and hands every rule
 * what it subscribed to. Its metadata is the class's {@link RuleInfo}.
 */
public interface Rule {
  default RuleMetadata metadata() {
    return RuleMetadata.of(getClass());
  }
}
