package dev.asynclint.syntax.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.asynclint.syntax.PythonVersion;
import dev.asynclint.syntax.SyntaxError;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Invalid Python, one kind of mistake per snippet (invalid-snippets.txt): CPython 3.11's {@code
 * ast.parse} rejects each, and our parser must report an error inside the source without throwing.
 * For cases flagged {@code line}, where the place of the mistake is unambiguous, our first error
 * must be on CPython's line; for the others a different line is only printed.
 */
class SyntaxErrorTest {
  private static final String CORPUS = "invalid-snippets.txt";

  private static List<SnippetCase> corpus() {
    return SnippetCorpus.load(CORPUS, Set.of("line", "known-bug"));
  }

  @Test
  void corpusHasAtLeast120Snippets() {
    assertThat(corpus()).hasSizeGreaterThanOrEqualTo(120);
  }

  @TestFactory
  Stream<DynamicTest> snippetsAreRejectedLikeCpython311() {
    SnippetOracle oracle = SnippetOracle.forVersion(PythonVersion.PY311).orElse(null);
    Assumptions.assumeTrue(
        oracle != null, "no CPython 3.11 (python3 or pyenv): syntax errors are not compared");
    List<SnippetCase> cases = corpus();
    List<CpythonVerdict> verdicts =
        oracle.verdicts(cases.stream().map(SnippetCase::source).toList());
    return IntStream.range(0, cases.size())
        .mapToObj(
            i ->
                DynamicTest.dynamicTest(
                    cases.get(i).name(), () -> check(cases.get(i), verdicts.get(i))));
  }

  private static void check(SnippetCase snippet, CpythonVerdict cpython) {
    assertThat(cpython.accepted())
        .as("CPython must reject %s (else it belongs in valid-snippets.txt)", snippet)
        .isFalse();
    if (snippet.has("line")) {
      assertThat(cpython.errorLine()).as("CPython reports no line for %s", snippet).isPositive();
    }
    OurVerdict ours = OurVerdict.parse(snippet.source(), PythonVersion.PY311);
    String problem = problem(snippet, ours, cpython);
    if (snippet.has("known-bug")) {
      assertThat(problem)
          .as(
              "known bug in %s (%s) no longer shows: remove its known-bug flag",
              snippet, snippet.note())
          .isNotNull();
    } else if (problem != null) {
      fail(snippet + ":\n" + snippet.source() + "\n" + problem);
    } else if (cpython.errorLine() > 0 && cpython.errorLine() != ours.errorLine()) {
      System.out.printf(
          "SyntaxErrorTest: %s: error line differs (not asserted): CPython line %d (%s), ours %s%n",
          snippet, cpython.errorLine(), cpython.error(), ours.describe());
    }
  }

  /** What is wrong with our verdict, or null when nothing is. */
  private static String problem(SnippetCase snippet, OurVerdict ours, CpythonVerdict cpython) {
    if (ours.crashed()) {
      return "our parser threw instead of reporting an error: " + ours.crash();
    }
    if (ours.accepted()) {
      return "CPython rejects it (" + cpython.error() + ") but our parser accepts it";
    }
    for (SyntaxError error : ours.result().errors()) {
      if (error.range().start() < 0
          || error.range().start() > error.range().end()
          || error.range().end() > snippet.source().length()) {
        return "error range " + error.range() + " lies outside the source: " + error.message();
      }
    }
    if (snippet.has("line") && ours.errorLine() != cpython.errorLine()) {
      return String.format(
          "CPython reports line %d (%s) but our parser %s",
          cpython.errorLine(), cpython.error(), ours.describe());
    }
    return null;
  }
}
