package dev.asynclint.lint;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The declarative metadata of a rule class. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleInfo {
  /** The stable code, such as {@code ASY100}. */
  String code();

  /** The kebab-case name of the pattern found, such as {@code loop-per-call}. */
  String name();

  Severity severity();

  FixAvailability fix() default FixAvailability.NONE;

  /** Codes of other linters that report the same problem, honoured in {@code # noqa}. */
  String[] equivalents() default {};

  /** One paragraph: what the rule finds and why it matters. */
  String summary();
}
