package dev.asynclint.engine.suppress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asynclint.engine.config.TestCatalog;
import dev.asynclint.lint.Diagnostic;
import dev.asynclint.lint.Rule;
import dev.asynclint.syntax.lexer.Lexer;
import dev.asynclint.text.LineIndex;
import dev.asynclint.text.TextRange;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SuppressionsTest {
  private static final String PATH = "app.py";

  /** A finding of rule {@code code} at the first occurrence of {@code at} in the source. */
  private static Diagnostic finding(String source, String code, String at) {
    int start = source.indexOf(at);
    if (start < 0) {
      throw new IllegalArgumentException(at);
    }
    Rule rule =
        TestCatalog.rules().stream()
            .filter(candidate -> candidate.metadata().code().equals(code))
            .findFirst()
            .orElseThrow();
    return new Diagnostic(
        rule.metadata(),
        "message",
        PATH,
        source,
        new TextRange(start, start + at.length()),
        List.of(),
        null);
  }

  private static Suppressions.Result filter(String source, Diagnostic... diagnostics) {
    return Suppressions.of(source, Lexer.tokenize(source), TestCatalog.rules())
        .filter(List.of(diagnostics), PATH, true);
  }

  /** The findings kept, as {@code line:code}. */
  private static List<String> kept(String source, Diagnostic... diagnostics) {
    return describe(filter(source, diagnostics).kept());
  }

  private static List<String> unused(String source, Diagnostic... diagnostics) {
    return filter(source, diagnostics).unusedNoqa().stream()
        .map(Diagnostic::message)
        .collect(Collectors.toList());
  }

  private static List<String> describe(List<Diagnostic> diagnostics) {
    List<String> out = new ArrayList<>();
    for (Diagnostic diagnostic : diagnostics) {
      int line = LineIndex.of(diagnostic.source()).line(diagnostic.range().start());
      out.add(line + ":" + diagnostic.rule().code());
    }
    return out;
  }

  @Test
  void bareNoqaSilencesEveryFindingOfItsLine() {
    String source = "async def f():\n    time.sleep(1)  # noqa\n    time.sleep(2)\n";
    assertThat(
            kept(
                source,
                finding(source, "ASY200", "time.sleep(1)"),
                finding(source, "ASY300", "time.sleep(1)"),
                finding(source, "ASY200", "time.sleep(2)")))
        .containsExactly("3:ASY200");
  }

  @Test
  void noqaWithCodesSilencesOnlyThoseRules() {
    String source = "x = time.sleep(1)  # noqa: ASY200,ASY301 ASY100\n";
    assertThat(
            kept(
                source,
                finding(source, "ASY200", "time"),
                finding(source, "ASY301", "x"),
                finding(source, "ASY100", "x"),
                finding(source, "ASY300", "x")))
        .containsExactly("1:ASY300");
  }

  @Test
  void noqaSpellings() {
    for (String comment :
        List.of(
            "#noqa:ASY200",
            "# NOQA: ASY200",
            "# NoQA:ASY200",
            "# noqa: ASY300, ASY200 because sleeping is fine here",
            "# type: ignore  # noqa: ASY200",
            "# noqa:ASY300,ASY200,")) {
      String source = "time.sleep(1)  " + comment + "\n";
      assertThat(kept(source, finding(source, "ASY200", "time"))).as(comment).isEmpty();
    }
  }

  @Test
  void codesAreCaseSensitiveAndAMalformedListIsNoDirective() {
    String lower = "time.sleep(1)  # noqa: asy200\n";
    assertThat(kept(lower, finding(lower, "ASY200", "time"))).containsExactly("1:ASY200");
    String empty = "time.sleep(1)  # noqa:\n";
    assertThat(kept(empty, finding(empty, "ASY200", "time"))).containsExactly("1:ASY200");
    String word = "time.sleep(1)  # noqa-ish\n";
    assertThat(kept(word, finding(word, "ASY200", "time"))).containsExactly("1:ASY200");
  }

  @Test
  void noqaInAStringIsNotAComment() {
    String source = "time.sleep('# noqa')\n";
    assertThat(kept(source, finding(source, "ASY200", "time"))).containsExactly("1:ASY200");
  }

  @Test
  void theFirstLineOfAMultiLineStatementCounts() {
    String source =
        String.join(
            "\n",
            "async def f():",
            "    result = await asyncio.gather(  # noqa: ASY200",
            "        time.sleep(1),",
            "        other(),",
            "    )",
            "    x = (1 +",
            "         time.sleep(2))",
            "");
    assertThat(
            kept(
                source,
                finding(source, "ASY200", "time.sleep(1)"),
                finding(source, "ASY300", "other()"),
                finding(source, "ASY200", "time.sleep(2)")))
        .containsExactly("4:ASY300", "7:ASY200");
  }

  @Test
  void aNoqaOnALaterLineOfAStatementCoversOnlyThatLine() {
    String source = "x = 1 + \\\n    time.sleep(1)  # noqa: ASY300\n";
    assertThat(kept(source, finding(source, "ASY200", "time"), finding(source, "ASY300", "x")))
        .containsExactly("2:ASY200", "1:ASY300");
  }

  @Test
  void aFindingInsideATripleQuotedStringIsCoveredByTheStatementsFirstLine() {
    String source = "run(  # noqa: ASY300\n    '''\n    SELECT 1\n    '''\n)\n";
    assertThat(kept(source, finding(source, "ASY300", "SELECT"))).isEmpty();
  }

  @Test
  void aCompoundStatementsHeaderDoesNotCoverItsBody() {
    String source = "async def f():  # noqa: ASY200\n    time.sleep(1)\n";
    assertThat(kept(source, finding(source, "ASY200", "time"))).containsExactly("2:ASY200");
  }

  @Test
  void equivalentCodesOfOtherLintersSilenceTheRule() {
    String source = "time.sleep(1)  # noqa: ASYNC251\nasyncio.create_task(f())  # noqa: RUF006\n";
    assertThat(
            kept(source, finding(source, "ASY200", "time"), finding(source, "ASY301", "asyncio")))
        .isEmpty();
    assertThat(
            unused(source, finding(source, "ASY200", "time"), finding(source, "ASY301", "asyncio")))
        .isEmpty();
  }

  @Test
  void fileIgnoreSilencesRulesByPrefixAnywhereInTheFile() {
    String source =
        String.join(
            "\n",
            "import time",
            "async def f():",
            "    time.sleep(1)",
            "    open('x')",
            "    asyncio.create_task(g())",
            "# asynclint: file-ignore[ASY20, ASY1]",
            "");
    assertThat(
            kept(
                source,
                finding(source, "ASY200", "time.sleep"),
                finding(source, "ASY203", "open"),
                finding(source, "ASY301", "asyncio"),
                finding(source, "ASY100", "import")))
        .containsExactly("5:ASY301");
  }

  @Test
  void fileIgnoreFormsAndEquivalents() {
    String source = "async def f():  # asynclint: file-ignore[ASY6]\n    pass\n";
    assertThat(kept(source, finding(source, "ASY600", "async"), finding(source, "ASY601", "pass")))
        .isEmpty();
    String equivalent = "# asynclint: file-ignore[RUF029]\nasync def f(): pass\n";
    assertThat(kept(equivalent, finding(equivalent, "ASY600", "async"))).isEmpty();
    String inString = "x = '# asynclint: file-ignore[ASY6]'\nasync def f(): pass\n";
    assertThat(kept(inString, finding(inString, "ASY600", "async def")))
        .containsExactly("2:ASY600");
    assertThat(Suppressions.of(source, Lexer.tokenize(source)).fileIgnores())
        .containsExactly("ASY6");
  }

  @Test
  void syntaxErrorsAreNeverSilenced() {
    String source = "x = (  # noqa\n# asynclint: file-ignore[ASY0]\n";
    assertThat(kept(source, finding(source, "ASY001", "("))).containsExactly("1:ASY001");
  }

  @Test
  void unusedNoqaCodesAreReportedWhereTheyAreWritten() {
    String source = "time.sleep(1)  # noqa: ASY300, ASY200\n";
    Suppressions.Result result = filter(source, finding(source, "ASY200", "time"));
    assertThat(result.kept()).isEmpty();
    assertThat(result.unusedNoqa()).hasSize(1);
    Diagnostic unused = result.unusedNoqa().get(0);
    assertThat(unused.rule().code()).isEqualTo("ASY002");
    assertThat(unused.message())
        .isEqualTo("Unused `noqa` code `ASY300` (no `ASY300` finding on this line)");
    assertThat(unused.path()).isEqualTo(PATH);
    assertThat(source.substring(unused.range().start(), unused.range().end())).isEqualTo("ASY300");
  }

  @Test
  void unusedEquivalentAndUnknownCodesAreReportedOtherLintersCodesAreNot() {
    String source = "x = 1  # noqa: ASYNC251, ASY999, E501\n";
    assertThat(unused(source))
        .containsExactly(
            "Unused `noqa` code `ASYNC251` (no `ASY200` finding on this line)",
            "Unused `noqa` code `ASY999` (no rule has this code)");
  }

  @Test
  void bareNoqaIsNeverReported() {
    String source = "x = 1  # noqa\n";
    assertThat(unused(source)).isEmpty();
  }

  @Test
  void unusedCodesAreReportedOnlyWhenAsked() {
    String source = "x = 1  # noqa: ASY200\n";
    assertThat(
            Suppressions.of(source, Lexer.tokenize(source), TestCatalog.rules())
                .filter(List.of(), PATH, false)
                .unusedNoqa())
        .isEmpty();
  }

  @Test
  void unusedNoqaCanItselfBeSilenced() {
    String named = "x = 1  # noqa: ASY200, ASY002\n";
    assertThat(unused(named)).isEmpty();
    String equivalent = "x = 1  # noqa: ASY200, RUF100\n";
    assertThat(unused(equivalent)).isEmpty();
    String fileIgnore = "x = 1  # noqa: ASY200\n# asynclint: file-ignore[ASY002]\n";
    assertThat(unused(fileIgnore)).isEmpty();
  }

  @Test
  void aNoqaCodeSilencingAFindingOnALaterLineOfItsStatementIsUsed() {
    String source = "x = f(  # noqa: ASY200\n    time.sleep(1),\n)\n";
    assertThat(unused(source, finding(source, "ASY200", "time"))).isEmpty();
  }

  @Test
  void aCodeWhoseFindingWasFileIgnoredIsUnused() {
    String source = "time.sleep(1)  # noqa: ASY200\n# asynclint: file-ignore[ASY2]\n";
    assertThat(unused(source, finding(source, "ASY200", "time")))
        .containsExactly("Unused `noqa` code `ASY200` (no `ASY200` finding on this line)");
  }

  @Test
  void directivesAreExposedWithTheirLinesAndCodes() {
    String source = "a = 1\nb = 2  # noqa: ASY200 ASY301\nc = 3  # noqa\n";
    List<NoqaDirective> directives =
        Suppressions.of(source, Lexer.tokenize(source)).noqaDirectives();
    assertThat(directives).extracting(NoqaDirective::line).containsExactly(2, 3);
    assertThat(directives.get(0).codes())
        .extracting(NoqaCode::code)
        .containsExactly("ASY200", "ASY301");
    assertThat(directives.get(1).isBare()).isTrue();
  }
}
