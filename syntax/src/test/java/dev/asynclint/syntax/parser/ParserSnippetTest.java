package dev.asynclint.syntax.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.asynclint.syntax.PythonVersion;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every construct of the grammar, one snippet each (valid-snippets.txt): CPython 3.11 accepts the
 * snippet and our dump in 3.11's style is exactly its {@code ast.dump}. A case flagged {@code
 * known-bug} must still differ, so that fixing the bug shows up here.
 */
class ParserSnippetTest {
  private static final String CORPUS = "valid-snippets.txt";

  private static List<SnippetCase> corpus() {
    return SnippetCorpus.load(CORPUS, Set.of("known-bug", "jdk-unicode"));
  }

  @Test
  void corpusCoversTheGrammarWithAtLeast250Snippets() {
    assertThat(corpus()).hasSizeGreaterThanOrEqualTo(250);
  }

  @TestFactory
  Stream<DynamicTest> snippetsDumpLikeCpython311() {
    SnippetOracle oracle = SnippetOracle.forVersion(PythonVersion.PY311).orElse(null);
    Assumptions.assumeTrue(
        oracle != null, "no CPython 3.11 (python3 or pyenv): snippet dumps are not compared");
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
        .as(
            "CPython must accept %s (else it belongs in invalid-snippets.txt): %s",
            snippet, cpython.error())
        .isTrue();
    // NFKC normalization comes from the JDK: Java 17 follows Unicode 13, newer JDKs newer ones.
    Assumptions.assumeTrue(
        !snippet.has("jdk-unicode") || Runtime.version().feature() == 17,
        "depends on Java 17's Unicode 13 normalization data");
    OurVerdict ours = OurVerdict.parse(snippet.source(), PythonVersion.PY311);
    String problem = problem(ours, cpython);
    if (snippet.has("known-bug")) {
      assertThat(problem)
          .as(
              "known bug in %s (%s) no longer shows: remove its known-bug flag",
              snippet, snippet.note())
          .isNotNull();
    } else if (problem != null) {
      fail(snippet + ":\n" + snippet.source() + "\n" + problem);
    }
  }

  /** How our result differs from CPython's accepted dump, or null when it does not. */
  private static String problem(OurVerdict ours, CpythonVerdict cpython) {
    if (!ours.accepted()) {
      return "CPython accepts it but our parser " + ours.describe();
    }
    String dump = ours.dump(PythonVersion.PY311);
    return dump.equals(cpython.dump()) ? null : DumpDiff.describe(cpython.dump(), dump);
  }
}
