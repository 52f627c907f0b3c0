package dev.asynclint.syntax.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.asynclint.syntax.PythonVersion;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code --target-version}: for each Python version, our parser accepts a version-sensitive snippet
 * (version-snippets.txt) exactly when that version's CPython does, and from 3.12 on it dumps what
 * CPython dumps, apart from the positions of f-string parts (see {@link FStringPartPositions}).
 * Versions without an interpreter here (3.14) are held to the {@code valid=} expectations of the
 * corpus, which every interpreter present checks in turn.
 */
class TargetVersionTest {
  private static final String CORPUS = "version-snippets.txt";

  private static List<SnippetCase> corpus() {
    return SnippetCorpus.load(CORPUS, Set.of("valid", "known-bug"));
  }

  @Test
  void everySnippetStatesWhereItIsValid() {
    for (SnippetCase snippet : corpus()) {
      assertThat(snippet.has("valid")).as("%s needs valid=", snippet).isTrue();
      validVersions(snippet);
      knownBugVersions(snippet);
    }
  }

  @TestFactory
  Stream<DynamicContainer> acceptanceMatchesEachVersion() {
    List<SnippetCase> cases = corpus();
    return Stream.of(PythonVersion.values()).map(version -> forVersion(version, cases));
  }

  /**
   * The 3.11 corpus of ParserSnippetTest, dumped in the style of each interpreter from 3.12 on. Its
   * known bugs are ParserSnippetTest's to track, so they are skipped here.
   */
  @TestFactory
  Stream<DynamicContainer> validSnippetsDumpLikeLaterVersions() {
    List<SnippetCase> cases =
        SnippetCorpus.load("valid-snippets.txt", Set.of("known-bug", "jdk-unicode"));
    List<DynamicContainer> containers = new ArrayList<>();
    for (PythonVersion version : PythonVersion.values()) {
      Optional<SnippetOracle> oracle = SnippetOracle.forVersion(version);
      if (version.atLeast(PythonVersion.PY312) && oracle.isPresent()) {
        List<CpythonVerdict> verdicts =
            oracle.get().verdicts(cases.stream().map(SnippetCase::source).toList());
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
          SnippetCase snippet = cases.get(i);
          CpythonVerdict verdict = verdicts.get(i);
          tests.add(
              DynamicTest.dynamicTest(
                  snippet.name() + " @ " + version, () -> checkDump(snippet, version, verdict)));
        }
        containers.add(
            DynamicContainer.dynamicContainer(
                version + " (CPython " + oracle.get().version() + ")", tests));
      }
    }
    Assumptions.assumeFalse(containers.isEmpty(), "no CPython 3.12 or later: dumps not compared");
    return containers.stream();
  }

  private static void checkDump(
      SnippetCase snippet, PythonVersion version, CpythonVerdict cpython) {
    Assumptions.assumeFalse(
        snippet.has("known-bug"), "known bug, tracked by ParserSnippetTest: " + snippet.note());
    assertThat(cpython.accepted())
        .as("CPython %s must accept %s: %s", version, snippet, cpython.error())
        .isTrue();
    assertThat(DumpTree.print(DumpTree.parse(cpython.dump())))
        .as("DumpTree, which the f-string normalization relies on, reads back CPython's dump")
        .isEqualTo(cpython.dump());
    OurVerdict ours = OurVerdict.parse(snippet.source(), version);
    if (!ours.accepted()) {
      fail(snippet + " @ " + version + ": CPython accepts it but our parser " + ours.describe());
    }
    String problem = dumpProblem(snippet, version, cpython.dump(), ours.dump(version));
    if (problem != null) {
      fail(snippet + " @ " + version + ":\n" + snippet.source() + "\n" + problem);
    }
  }

  private static DynamicContainer forVersion(PythonVersion version, List<SnippetCase> cases) {
    Optional<SnippetOracle> oracle = SnippetOracle.forVersion(version);
    List<CpythonVerdict> verdicts =
        oracle.map(o -> o.verdicts(cases.stream().map(SnippetCase::source).toList())).orElse(null);
    String title =
        oracle
            .map(o -> version + " (CPython " + o.version() + ")")
            .orElse(version + " (no interpreter: the corpus's valid= expectations)");
    List<DynamicTest> tests = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      SnippetCase snippet = cases.get(i);
      CpythonVerdict verdict = verdicts == null ? null : verdicts.get(i);
      tests.add(
          DynamicTest.dynamicTest(
              snippet.name() + " @ " + version, () -> check(snippet, version, verdict)));
    }
    return DynamicContainer.dynamicContainer(title, tests);
  }

  /** Checks one snippet under one version; {@code cpython} is null without an interpreter. */
  private static void check(SnippetCase snippet, PythonVersion version, CpythonVerdict cpython) {
    boolean declared = validVersions(snippet).contains(version);
    if (cpython != null) {
      assertThat(cpython.accepted())
          .as(
              "the corpus says %s is %s in %s, but CPython %s",
              snippet, declared ? "valid" : "invalid", version, cpython.describe())
          .isEqualTo(declared);
    }
    String problem = problem(snippet, version, cpython, declared);
    if (!knownBugVersions(snippet).contains(version)) {
      if (problem != null) {
        fail(snippet + " @ " + version + ":\n" + snippet.source() + "\n" + problem);
      }
      return;
    }
    // Without an interpreter the dump of a valid snippet cannot be compared, so a known bug that
    // shows only in the dump cannot be confirmed.
    boolean complete = cpython != null || !declared || !version.atLeast(PythonVersion.PY312);
    Assumptions.assumeTrue(
        problem != null || complete,
        "the known bug of " + snippet + " shows only against CPython " + version);
    assertThat(problem)
        .as(
            "known bug of %s @ %s (%s) no longer shows: remove %s from its known-bug flag",
            snippet, version, snippet.note(), version)
        .isNotNull();
  }

  /** How our verdict differs from CPython's (or the declared one), or null when it does not. */
  private static String problem(
      SnippetCase snippet, PythonVersion version, CpythonVerdict cpython, boolean declared) {
    OurVerdict ours = OurVerdict.parse(snippet.source(), version);
    boolean expected = cpython == null ? declared : cpython.accepted();
    String reference = cpython == null ? "the corpus" : "CPython " + version;
    if (ours.crashed() || ours.accepted() != expected) {
      return String.format(
          "%s %s it, but with --target-version %s our parser %s",
          reference, expected ? "accepts" : "rejects", version, ours.describe());
    }
    if (!expected || cpython == null || !version.atLeast(PythonVersion.PY312)) {
      return null;
    }
    return dumpProblem(snippet, version, cpython.dump(), ours.dump(version));
  }

  /**
   * How our dump differs from CPython's apart from f-string part positions, or null. A difference
   * in those positions alone is printed, not failed.
   */
  private static String dumpProblem(
      SnippetCase snippet, PythonVersion version, String theirs, String dump) {
    if (theirs.equals(dump)) {
      return null;
    }
    String normalizedTheirs = FStringPartPositions.normalize(theirs);
    String normalizedOurs = FStringPartPositions.normalize(dump);
    if (normalizedTheirs.equals(normalizedOurs)) {
      System.out.printf(
          "TargetVersionTest: %s @ %s: differs only in f-string part positions or empty parts"
              + " (not asserted):%n%s",
          snippet, version, DumpDiff.describe(theirs, dump));
      return null;
    }
    return DumpDiff.describe(normalizedTheirs, normalizedOurs);
  }

  /** The versions of {@code valid=}: "none", or versions and open ranges like "3.8/3.12+". */
  private static Set<PythonVersion> validVersions(SnippetCase snippet) {
    Set<PythonVersion> versions = EnumSet.noneOf(PythonVersion.class);
    String valid = snippet.flag("valid");
    if (valid == null || valid.equals("none")) {
      return versions;
    }
    for (String part : valid.split("/")) {
      boolean onwards = part.endsWith("+");
      PythonVersion first = version(snippet, onwards ? part.substring(0, part.length() - 1) : part);
      for (PythonVersion version : PythonVersion.values()) {
        if (version == first || (onwards && version.atLeast(first))) {
          versions.add(version);
        }
      }
    }
    return versions;
  }

  private static Set<PythonVersion> knownBugVersions(SnippetCase snippet) {
    Set<PythonVersion> versions = EnumSet.noneOf(PythonVersion.class);
    if (snippet.has("known-bug")) {
      for (String name : snippet.flag("known-bug").split("/")) {
        versions.add(version(snippet, name));
      }
    }
    return versions;
  }

  /** The version written like {@code 3.12}; fails on anything else. */
  private static PythonVersion version(SnippetCase snippet, String name) {
    PythonVersion version =
        name.startsWith("3.") ? PythonVersion.fromName("py3" + name.substring(2)) : null;
    if (version == null) {
      throw new IllegalStateException(snippet + ": not a Python version: " + name);
    }
    return version;
  }
}
