package dev.asynclint.rules;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** What the generic rule tests share. */
final class RulesUnderTest {
  /** Rules the engine reports itself (parsing, suppressions): tested end to end there. */
  private static final Set<String> ENGINE_RULES = Set.of("ASY001", "ASY002");

  static final Path FIXTURES = Path.of("src/test/resources/fixtures");

  private RulesUnderTest() {}

  static boolean isEngineRule(String code) {
    return ENGINE_RULES.contains(code);
  }

  /** The fixture of a rule: {@code CODE.py} or the folder {@code CODE/}. */
  static Path fixture(String code) {
    Path folder = FIXTURES.resolve(code);
    return Files.isDirectory(folder) ? folder : FIXTURES.resolve(code + ".py");
  }
}
