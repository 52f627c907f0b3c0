package dev.asynclint.rules;

import dev.asynclint.semantic.project.SourceModule;

/**
 * Test modules: {@code test_*.py}, {@code *_test.py}, {@code conftest.py} and modules of {@code
 * tests}/{@code test}/{@code testing} packages, where rules that judge repetition stay silent: a
 * fresh event loop or lock per test (or per parametrized case) is the isolation test runners
 * themselves provide.
 */
public final class TestCode {
  private TestCode() {}

  public static boolean isTest(SourceModule module) {
    String[] parts = module.name().split("\\.");
    String last = parts[parts.length - 1];
    if (last.startsWith("test_") || last.endsWith("_test") || last.equals("conftest")) {
      return true;
    }
    for (String part : parts) {
      if (part.equals("tests") || part.equals("test") || part.equals("testing")) {
        return true;
      }
    }
    return false;
  }
}
