package dev.asynclint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asynclint.lint.Rule;
import dev.asynclint.testkit.Expectation;
import dev.asynclint.testkit.Fixture;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Runs every rule on its fixture: exactly the announced findings, and enough negatives. */
class FixtureTest {
  @TestFactory
  Stream<DynamicTest> everyFixtureProducesExactlyItsAnnotations() {
    return RuleRegistry.all().stream()
        .filter(rule -> !RulesUnderTest.isEngineRule(rule.metadata().code()))
        .map(rule -> DynamicTest.dynamicTest(rule.metadata().code(), () -> verify(rule)));
  }

  private static void verify(Rule rule) {
    Fixture fixture = Fixture.load(RulesUnderTest.fixture(rule.metadata().code()));
    fixture.verify(List.of(rule), fixture.settings());
    long positives =
        fixture.expectations().stream()
            .map(Expectation::code)
            .filter(rule.metadata().code()::equals)
            .count();
    assertThat(positives).as(rule.metadata().code() + " positive cases").isPositive();
    assertThat(fixture.negativeCount())
        .as(rule.metadata().code() + " near-miss negatives (# ok:) at least as many as positives")
        .isGreaterThanOrEqualTo(positives);
  }
}
