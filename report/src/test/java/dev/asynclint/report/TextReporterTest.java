package dev.asynclint.report;

import static dev.asynclint.report.Findings.APP;
import static dev.asynclint.report.Findings.BLOCKING_CALL_CHAIN;
import static dev.asynclint.report.Findings.BLOCKING_FILE_IO;
import static dev.asynclint.report.Findings.BLOCKING_SLEEP;
import static dev.asynclint.report.Findings.SEQUENTIAL_AWAIT;
import static dev.asynclint.report.Findings.SYNTAX_ERROR;
import static dev.asynclint.report.Findings.blockingSleep;
import static dev.asynclint.report.Findings.finding;
import static dev.asynclint.report.Findings.input;
import static dev.asynclint.report.Findings.range;
import static org.assertj.core.api.Assertions.assertThat;

import dev.asynclint.lint.Diagnostic;
import dev.asynclint.lint.Related;
import dev.asynclint.text.TextRange;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextReporterTest {
  private static String text(Diagnostic... diagnostics) {
    return Findings.render(Format.TEXT, ReportOptions.DEFAULT, input(List.of(diagnostics)));
  }

  @Test
  void findingWithSafeFixHasStarFrameAndHelp() {
    assertThat(text(blockingSleep()))
        .isEqualTo(
            """
            app.py:5:5: ASY200 [*] `time.sleep` blocks the event loop
              |
            5 |     time.sleep(1)
              |     ^^^^^^^^^^^^^
              |
              = help: Use `await asyncio.sleep(...)`

            Found 1 finding (1 error).
            [*] 1 fixable with the `--fix` option.
            """);
  }

  @Test
  void aLongLineIsShownAroundTheSpan() {
    String head = "x = [" + "1, ".repeat(300);
    String source = "import time\n" + head + "time.sleep(1), " + "2, ".repeat(300) + "3]\n";
    String out =
        Findings.render(
            Format.TEXT,
            ReportOptions.DEFAULT,
            input(
                List.of(
                    finding(
                        BLOCKING_FILE_IO,
                        "`time.sleep` blocks",
                        "a.py",
                        source,
                        "time.sleep(1)"))));
    String shown = "1, ".repeat(20) + "time.sleep(1), " + "2, ".repeat(28) + "2";
    assertThat(shown).hasSize(CodeFrame.MAX_WIDTH);
    assertThat(out)
        .contains("2 | ..." + shown + "...\n")
        .contains("  |    " + " ".repeat(60) + "^^^^^^^^^^^^^\n");
  }

  /** Replaces the tags {@code <b> <red> <yellow> <blue> <cyan> </>} by terminal escapes. */
  private static String ansi(String tagged) {
    return tagged
        .replace("<b>", "\u001b[1m")
        .replace("<red>", "\u001b[1;31m")
        .replace("<yellow>", "\u001b[1;33m")
        .replace("<blue>", "\u001b[1;34m")
        .replace("<cyan>", "\u001b[36m")
        .replace("</>", "\u001b[0m");
  }

  @Test
  void colourMarksPathCodeByStarGutterAndCarets() {
    assertThat(
            Findings.render(
                Format.TEXT,
                ReportOptions.DEFAULT.withColor(true),
                input(List.of(blockingSleep()))))
        .isEqualTo(
            ansi(
                """
                <b>app.py</>:5:5: <red>ASY200</> <cyan>[*]</> `time.sleep` blocks the event loop
                  <blue>|</>
                <blue>5 |</>     time.sleep(1)
                  <blue>|</>     <red>^^^^^^^^^^^^^</>
                  <blue>|</>
                  = help: Use `await asyncio.sleep(...)`

                Found 1 finding (1 error).
                <cyan>[*]</> 1 fixable with the `--fix` option.
                """));
  }

  @Test
  void severitiesHaveTheirColours() {
    String source = "async def f():\n    open(p)\n    await g(x)\n";
    String out =
        Findings.render(
            Format.TEXT,
            ReportOptions.DEFAULT.withColor(true),
            input(
                List.of(
                    finding(BLOCKING_FILE_IO, "`open` blocks", "a.py", source, "open(p)"),
                    finding(SEQUENTIAL_AWAIT, "one by one", "a.py", source, "await g(x)"))));
    assertThat(out)
        .contains(ansi("<yellow>ASY203</>"))
        .contains(ansi("<yellow>^^^^^^^</>"))
        .contains(ansi("<blue>ASY303</>"))
        .contains(ansi("<blue>^^^^^^^^^^</>"))
        .doesNotContain("[*]");
  }

  @Test
  void withoutColourThereAreNoEscapes() {
    assertThat(text(blockingSleep())).doesNotContain("\u001b");
  }

  @Test
  void tabsExpandToFourColumnStops() {
    String source = "async def f():\n\tx = 1;\ttime.sleep(1)\n";
    assertThat(text(finding(BLOCKING_SLEEP, "blocks", "tabs.py", source, "time.sleep(1)")))
        .startsWith(
            """
            tabs.py:2:9: ASY200 blocks
              |
            2 |     x = 1;  time.sleep(1)
              |             ^^^^^^^^^^^^^
              |

            """);
  }

  @Test
  void wideAndCombiningCharactersAreMeasuredAsTheyShow() {
    // The emoji is one code point of two UTF-16 units, two columns wide; the accent combines.
    String source = "msg = \"\uD83C\uDF89 e\u0301 日本\"; time.sleep(1)\n";
    assertThat(
            text(
                finding(BLOCKING_SLEEP, "wide", "wide.py", source, "日本"),
                finding(BLOCKING_SLEEP, "after", "wide.py", source, "time.sleep(1)")))
        .startsWith(
            """
            wide.py:1:13: ASY200 wide
              |
            1 | msg = "\uD83C\uDF89 e\u0301 日本"; time.sleep(1)
              |             ^^^^
              |

            wide.py:1:18: ASY200 after
              |
            1 | msg = "\uD83C\uDF89 e\u0301 日本"; time.sleep(1)
              |                    ^^^^^^^^^^^^^
              |

            """);
  }

  @Test
  void controlAndBidiCharactersAreMadeVisible() {
    String source = "x = '\u001b[31m\u202e'; time.sleep(1)\n";
    assertThat(text(finding(BLOCKING_SLEEP, "m", "c.py", source, "time.sleep(1)")))
        .contains("1 | x = '\u241b[31m\uFFFD'; time.sleep(1)\n")
        .contains("  |" + " ".repeat(15) + "^^^^^^^^^^^^^\n");
  }

  @Test
  void multiLineSpanIsUnderlinedToTheEndOfItsFirstLineAndCut() {
    String source =
        "async def main():\n"
            + "    await asyncio.gather(\n"
            + "        fetch(a),\n"
            + "        fetch(b),\n"
            + "        fetch(c),\n"
            + "    )\n";
    int start = source.indexOf("asyncio.gather");
    int end = source.lastIndexOf(')') + 1;
    Diagnostic gather =
        finding(
            BLOCKING_FILE_IO,
            "unbounded",
            "fan.py",
            source,
            new TextRange(start, end),
            List.of(),
            null);
    assertThat(text(gather))
        .startsWith(
            """
            fan.py:2:11: ASY203 unbounded
              |
            2 |     await asyncio.gather(
              |           ^^^^^^^^^^^^^^^
            3 |         fetch(a),
            4 |         fetch(b),
              | ...
              |

            """);
  }

  @Test
  void shortMultiLineSpanShowsAllItsLines() {
    String source = "x = call(\n    a)\n";
    Diagnostic call =
        finding(
            BLOCKING_FILE_IO,
            "m",
            "two.py",
            source,
            new TextRange(4, source.length() - 1),
            List.of(),
            null);
    assertThat(text(call))
        .startsWith(
            """
            two.py:1:5: ASY203 m
              |
            1 | x = call(
              |     ^^^^^
            2 |     a)
              |

            """);
  }

  @Test
  void spanEndingWithItsLineBreakShowsOneLine() {
    String line = "    time.sleep(1)\n";
    Diagnostic whole =
        finding(BLOCKING_SLEEP, "m", "app.py", APP, range(APP, line), List.of(), null);
    assertThat(text(whole))
        .startsWith(
            """
            app.py:5:1: ASY200 m
              |
            5 |     time.sleep(1)
              | ^^^^^^^^^^^^^^^^^
              |

            """);
  }

  @Test
  void gutterWidensForLongLineNumbers() {
    String source = "\n".repeat(99) + "time.sleep(1)\n";
    assertThat(text(finding(BLOCKING_SLEEP, "m", "long.py", source, "time.sleep")))
        .startsWith(
            """
            long.py:100:1: ASY200 m
                |
            100 | time.sleep(1)
                | ^^^^^^^^^^
                |

            """);
  }

  @Test
  void spanAtEndOfFileAfterTheLastLineBreak() {
    String source = "x = (\n";
    Diagnostic eof =
        finding(
            SYNTAX_ERROR,
            "unexpected end of file",
            "bad.py",
            source,
            new TextRange(6, 6),
            List.of(),
            null);
    assertThat(text(eof))
        .startsWith(
            """
            bad.py:2:1: ASY001 unexpected end of file
              |
            2 |
              | ^
              |

            """);
  }

  @Test
  void spanAtEndOfFileWithoutLineBreak() {
    String source = "x = (";
    Diagnostic eof =
        finding(
            SYNTAX_ERROR,
            "unexpected end of file",
            "bad.py",
            source,
            new TextRange(5, 5),
            List.of(),
            null);
    assertThat(text(eof))
        .startsWith(
            """
            bad.py:1:6: ASY001 unexpected end of file
              |
            1 | x = (
              |      ^
              |

            """);
  }

  @Test
  void rangesPastTheEndAreReadAsTheEnd() {
    Diagnostic stale =
        finding(SYNTAX_ERROR, "stale", "s.py", "x\n", new TextRange(1, 50), List.of(), null);
    assertThat(text(stale)).startsWith("s.py:1:2: ASY001 stale\n  |\n1 | x\n  |  ^\n  |\n\n");
  }

  @Test
  void crlfLineEndsAreNotShown() {
    String source = "async def f():\r\n    time.sleep(1)\r\n";
    assertThat(text(finding(BLOCKING_SLEEP, "m", "w.py", source, "time.sleep(1)")))
        .contains("2 |     time.sleep(1)\n  |     ^^^^^^^^^^^^^\n");
  }

  @Test
  void relatedLocationsAreNotes() {
    String util = "import time\n\n\ndef helper():\n    time.sleep(1)\n";
    String app = "async def handler():\n    helper()\n";
    Diagnostic chain =
        finding(
            BLOCKING_CALL_CHAIN,
            "`helper()` blocks the event loop through `time.sleep`",
            "app.py",
            app,
            range(app, "helper()"),
            List.of(
                new Related("util.py", util, range(util, "def helper"), "`helper` is defined here"),
                new Related(
                    "util.py", util, range(util, "time.sleep(1)"), "`helper` calls `time.sleep`")),
            null);
    assertThat(text(chain))
        .isEqualTo(
            """
            app.py:2:5: ASY208 `helper()` blocks the event loop through `time.sleep`
              |
            2 |     helper()
              |     ^^^^^^^^
              |
              = note: util.py:4:1: `helper` is defined here
              = note: util.py:5:5: `helper` calls `time.sleep`

            Found 1 finding (1 error).
            """);
  }
}
