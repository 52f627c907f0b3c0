package dev.asynclint.syntax.lexer;

import static dev.asynclint.syntax.lexer.TokenKind.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LexerTest {
  private static List<TokenKind> kinds(String source) {
    Tokens tokens = Lexer.tokenize(source);
    List<TokenKind> kinds = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      kinds.add(tokens.kind(i));
    }
    return kinds;
  }

  private static List<String> texts(String source) {
    Tokens tokens = Lexer.tokenize(source);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      texts.add(source.substring(tokens.start(i), tokens.end(i)));
    }
    return texts;
  }

  @Test
  void indentationProducesIndentAndDedent() {
    assertThat(kinds("if x:\n    y\nz\n"))
        .containsExactly(
            IF, NAME, COLON, NEWLINE, INDENT, NAME, NEWLINE, DEDENT, NAME, NEWLINE, ENDMARKER);
  }

  @Test
  void blankAndCommentLinesAreNotLogicalLines() {
    Tokens ok = Lexer.tokenize("x = 1\n\n   # note\ny = 2  # trailing\n");
    assertThat(ok.error()).isNull();
    assertThat(ok.commentCount()).isEqualTo(2);
    assertThat(ok.comment(0).start()).isEqualTo("x = 1\n\n   ".length());
  }

  @Test
  void bracketsJoinLinesImplicitly() {
    assertThat(kinds("f(a,\n  b)\n"))
        .containsExactly(NAME, LPAR, NAME, COMMA, NAME, RPAR, NEWLINE, ENDMARKER);
  }

  @Test
  void backslashJoinsLines() {
    assertThat(kinds("x = 1 + \\\n    2\n"))
        .containsExactly(NAME, EQUAL, NUMBER, PLUS, NUMBER, NEWLINE, ENDMARKER);
  }

  @Test
  void missingFinalNewlineIsAdded() {
    assertThat(kinds("pass")).containsExactly(PASS, NEWLINE, ENDMARKER);
  }

  @Test
  void crAndCrlfEndLines() {
    assertThat(kinds("a\r\nb\rc"))
        .containsExactly(NAME, NEWLINE, NAME, NEWLINE, NAME, NEWLINE, ENDMARKER);
  }

  @Test
  void keywordsAndSoftKeywords() {
    assertThat(kinds("async await match case type _ None"))
        .containsExactly(ASYNC, AWAIT, NAME, NAME, NAME, NAME, NONE, NEWLINE, ENDMARKER);
  }

  @Test
  void operatorsTakeTheLongestMatch() {
    assertThat(texts("a **= b // c -> d := e ... f != g >>= h"))
        .containsSubsequence("**=", "//", "->", ":=", "...", "!=", ">>=");
  }

  @ParameterizedTest
  @CsvSource({
    "0x_ff",
    "0o777",
    "0b1010",
    "1_000_000",
    "3.14",
    "10.",
    ".001",
    "1e10",
    "1E-5",
    "1_0.0_1e+1_0",
    "2j",
    "1.5J",
    "0",
    "00",
    "0_0",
    "0e0",
    "09.5",
    "09j"
  })
  void numbers(String literal) {
    Tokens tokens = Lexer.tokenize(literal);
    assertThat(tokens.error()).isNull();
    assertThat(tokens.kind(0)).isEqualTo(NUMBER);
    assertThat(tokens.end(0)).isEqualTo(literal.length());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "01|leading zeros in decimal integer literals",
        "1__0|invalid decimal literal",
        "1_|invalid decimal literal",
        "0x|invalid hexadecimal literal",
        "0b2|invalid digit '2' in binary literal",
        "0o8|invalid digit '8' in octal literal",
        "1e|invalid decimal literal",
        "1abc|invalid decimal literal",
        "x = $|invalid character '$' (U+0024)",
        "'abc|unterminated string literal (detected at line 1)",
        "'''abc\\n\\n|unterminated triple-quoted string literal (detected at line 3)",
        "(]|closing parenthesis ']' does not match opening parenthesis '('",
        ")|unmatched ')'",
        "(\\n|'(' was never closed",
        "x = 1 \\ 2|unexpected character after line continuation character",
        "f'{x}}'|f-string: single '}' is not allowed",
      })
  void errors(String source, String message) {
    Tokens tokens = Lexer.tokenize(source.replace("\\n", "\n"));
    assertThat(tokens.error()).isNotNull();
    assertThat(tokens.error().message()).startsWith(message);
    assertThat(tokens.kind(tokens.size() - 1)).isEqualTo(ENDMARKER);
  }

  @Test
  void numberFollowedByKeywordIsAccepted() {
    assertThat(kinds("1if x else 2")).startsWith(NUMBER, IF, NAME, ELSE, NUMBER);
  }

  @Test
  void inconsistentTabsAreRejected() {
    Tokens tokens = Lexer.tokenize("if x:\n\ty\n        z\n");
    assertThat(tokens.error().message())
        .isEqualTo("inconsistent use of tabs and spaces in indentation");
  }

  @Test
  void unindentMustMatchAnOuterLevel() {
    Tokens tokens = Lexer.tokenize("if x:\n    y\n  z\n");
    assertThat(tokens.error().message())
        .isEqualTo("unindent does not match any outer indentation level");
  }

  @Test
  void tooManyNestedParentheses() {
    Tokens tokens = Lexer.tokenize("(".repeat(201) + ")".repeat(201));
    assertThat(tokens.error().message()).isEqualTo("too many nested parentheses");
    assertThat(Lexer.tokenize("(".repeat(200) + ")".repeat(200)).error()).isNull();
  }

  @Test
  void stringPrefixes() {
    for (String prefix :
        new String[] {"", "r", "u", "R", "b", "B", "br", "Rb", "bR", "f", "rf", "FR"}) {
      Tokens tokens = Lexer.tokenize(prefix + "'x'");
      assertThat(tokens.error()).as(prefix).isNull();
      TokenKind expected = prefix.toLowerCase().contains("f") ? FSTRING_START : STRING;
      assertThat(tokens.kind(0)).as(prefix).isEqualTo(expected);
    }
    assertThat(kinds("ub'x'").get(0)).isEqualTo(NAME);
  }

  @Test
  void fstringsAreTokenizedInPlace() {
    assertThat(kinds("f'a{x!r:>{w}}b'"))
        .containsExactly(
            FSTRING_START,
            FSTRING_MIDDLE,
            LBRACE,
            NAME,
            EXCLAMATION,
            NAME,
            COLON,
            FSTRING_MIDDLE,
            LBRACE,
            NAME,
            RBRACE,
            RBRACE,
            FSTRING_MIDDLE,
            FSTRING_END,
            NEWLINE,
            ENDMARKER);
  }

  @Test
  void fstringFieldsMayNestStringsAndBrackets() {
    Tokens tokens = Lexer.tokenize("f\"{d['}']}\" f'{x:>{w}}'\n");
    assertThat(tokens.error()).isNull();
  }

  @Test
  void doubledBracesStayInTheMiddleToken() {
    assertThat(texts("f'{{a}}'")).containsExactly("f'", "{{a}}", "'", "", "");
  }

  @Test
  void tooManyIndentationLevels() {
    StringBuilder source = new StringBuilder();
    for (int i = 0; i < 101; i++) {
      source.append(" ".repeat(i)).append("if x:\n");
    }
    source.append(" ".repeat(101)).append("pass\n");
    assertThat(Lexer.tokenize(source.toString()).error().message())
        .isEqualTo("too many levels of indentation");
  }

  @Test
  void nonAsciiIdentifiers() {
    Tokens tokens = Lexer.tokenize("café = naïve + ﬁle");
    assertThat(tokens.error()).isNull();
    assertThat(tokens.kind(0)).isEqualTo(NAME);
    assertThat(Lexer.tokenize("x = a\u00a0").error().message())
        .isEqualTo("invalid non-printable character U+00A0");
    assertThat(Lexer.tokenize("x€ = 1").error().message())
        .isEqualTo("invalid character '€' (U+20AC)");
  }

  @Test
  void nullBytesAreRejected() {
    assertThat(Lexer.tokenize("x = 1\0").error().message())
        .isEqualTo("source code cannot contain null bytes");
  }
}
