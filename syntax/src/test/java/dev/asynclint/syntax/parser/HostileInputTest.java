package dev.asynclint.syntax.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.asynclint.syntax.PythonVersion;
import dev.asynclint.syntax.SyntaxError;
import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.syntax.ast.Stmt;
import dev.asynclint.text.DecodeResult;
import dev.asynclint.text.SourceDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Inputs built to break a parser — extreme nesting, huge lines and files, binary junk — each give a
 * result, with a clear syntax error where the input is too much, never an exception, a stack
 * overflow or a hang.
 */
class HostileInputTest {
  private static final int DEEP = 100_000;
  private static final int TEN_MB = 10 * 1024 * 1024;

  /** The JVM's default thread stack on 64-bit Linux: what a thread gets unless it asks for more. */
  private static final long DEFAULT_STACK = 1024 * 1024;

  private static final long LARGE_STACK = 256 * 1024 * 1024;

  @Test
  void deeplyNestedParenthesesAreTooManyNestedParentheses() {
    ParseResult result = parse("(".repeat(DEEP) + ")".repeat(DEEP));

    assertThat(messages(result)).anyMatch(m -> m.contains("too many nested parentheses"));
  }

  @Test
  void deeplyNestedMixedBracketsAreTooManyNestedParentheses() {
    ParseResult result =
        parse(repeated(DEEP, i -> String.valueOf("([{".charAt(i % 3))) + closing(DEEP));

    assertThat(messages(result)).anyMatch(m -> m.contains("too many nested parentheses"));
  }

  /**
   * Each level needs one more column, so the text grows with the square of the depth: 4,000 levels
   * (8 M characters) rather than 100,000 (5 G), still forty times CPython's limit of 100.
   */
  @Test
  void deeplyNestedBlocksAreTooManyLevelsOfIndentation() {
    int depth = 4_000;
    String blocks = repeated(depth, i -> " ".repeat(i) + "if x:\n");
    ParseResult result = parse(blocks + " ".repeat(depth) + "pass\n");

    assertThat(messages(result)).anyMatch(m -> m.contains("too many levels of indentation"));
  }

  @Test
  void longChainOfUnaryMinusIsAnErrorNotATruncatedTree() {
    assertReportsError(parse("- ".repeat(DEEP) + "1\n"));
  }

  @Test
  void longChainOfNotIsAnErrorNotATruncatedTree() {
    assertReportsError(parse("not ".repeat(DEEP) + "x\n"));
  }

  @Test
  void longChainOfLambdasIsAnErrorNotATruncatedTree() {
    assertReportsError(parse("lambda: ".repeat(DEEP) + "x\n"));
  }

  @Test
  void longChainOfConditionalExpressionsIsAnErrorNotATruncatedTree() {
    assertReportsError(parse("a if b else ".repeat(DEEP) + "a\n"));
  }

  @Test
  void longChainOfPowersIsAnErrorNotATruncatedTree() {
    assertReportsError(parse("2 ** ".repeat(DEEP) + "2\n"));
  }

  /** CPython gives up on this too (a MemoryError), so an error is the right answer. */
  @Test
  void longElifChainIsAnErrorNotATruncatedTree() {
    assertReportsError(parse("if x:\n  pass\n" + "elif x:\n  pass\n".repeat(DEEP)));
  }

  @Test
  void deeplyNestedFStringsAreTooManyNestedParentheses() {
    ParseResult result = parse("f'{".repeat(DEEP) + "x" + "}'".repeat(DEEP) + "\n");

    assertThat(messages(result)).anyMatch(m -> m.contains("too many nested parentheses"));
  }

  /** Parsed by loops, not recursion; only totality is asserted, though CPython rejects these. */
  @Test
  void longLeftNestedChainsGiveAResult() {
    parse("x = 1" + " + 1".repeat(DEEP) + "\n");
    parse("x = a" + ".b".repeat(DEEP) + "\n");
    parse("x = f" + "()".repeat(DEEP) + "\n");
    parse("x = a" + "[0]".repeat(DEEP) + "\n");
  }

  /**
   * Where the depth cap and not the thread's stack decides, the answer is the same on the JVM's
   * default stack as on a huge one.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("deepButFiniteInputs")
  void deepInputsParseTheSameOnTheDefaultStack(String name, String source) {
    ParseResult onDefaultStack = parseOn(DEFAULT_STACK, source, PythonVersion.LATEST);
    ParseResult onLargeStack = parseOn(LARGE_STACK, source, PythonVersion.LATEST);

    assertThat(onDefaultStack.errors())
        .as("errors on a 1 MB stack, compared with a 256 MB one")
        .isEqualTo(onLargeStack.errors());
    assertThat(onDefaultStack.module()).isEqualTo(onLargeStack.module());
  }

  static Stream<Arguments> deepButFiniteInputs() {
    return Stream.of(
        Arguments.of("199 nested lists", "[".repeat(199) + "x" + "]".repeat(199) + "\n"),
        Arguments.of("199 nested f-strings", "f'{".repeat(199) + "x" + "}'".repeat(199) + "\n"),
        Arguments.of(
            "199 nested lambdas in parentheses",
            "(lambda: ".repeat(199) + "x" + ")".repeat(199) + "\n"),
        Arguments.of("999 unary minus", "- ".repeat(999) + "1\n"),
        Arguments.of("100,000 unary minus", "- ".repeat(DEEP) + "1\n"),
        Arguments.of("5,000 elif clauses", "if x:\n  pass\n" + "elif x:\n  pass\n".repeat(5_000)));
  }

  /** What an editor holds while an f-string is being typed: the end of the file in a field. */
  @ParameterizedTest
  @ValueSource(strings = {"f'{x", "x = f'{x=", "f'{x for x in y", "print(f'{x}', f'{y:{z="})
  void halfTypedFStringsAreSyntaxErrors(String source) {
    for (PythonVersion version : PythonVersion.values()) {
      assertThat(parse(source, version).errors()).as("Python %s", version).isNotEmpty();
    }
  }

  @Test
  void tenMegabyteListLiteralParsesWithoutErrors() {
    StringBuilder source = new StringBuilder("x = [");
    int count = 0;
    while (source.length() < TEN_MB) {
      source.append(count++).append(", ");
    }
    ParseResult result = parse(source.append("]\n").toString());

    assertThat(result.errors()).isEmpty();
    Stmt.Assign assign = (Stmt.Assign) result.module().body().get(0);
    assertThat(((Expr.ListDisplay) assign.value()).elts()).hasSize(count);
  }

  @Test
  void tenMegabyteStringLiteralParsesWithoutErrors() {
    ParseResult result = parse("x = '" + "a".repeat(TEN_MB) + "'\n");

    assertThat(result.errors()).isEmpty();
    Stmt.Assign assign = (Stmt.Assign) result.module().body().get(0);
    assertThat((String) ((Expr.Constant) assign.value()).value()).hasSize(TEN_MB);
  }

  /** Names, not numbers, so that this measures statements; number literals are tested above. */
  @Test
  void millionLineFileParsesToAMillionStatements() {
    int lines = 1_000_000;
    ParseResult result = parse(repeated(lines, i -> "x" + i + " = y\n"));

    assertThat(result.errors()).isEmpty();
    assertThat(result.module().body()).hasSize(lines);
  }

  @Test
  void nulBytesAreASyntaxError() {
    ParseResult result = parse("\0".repeat(DEEP));

    assertThat(messages(result)).anyMatch(m -> m.contains("null bytes"));
  }

  @Test
  void randomBytesDecodedAsLatin1GiveAResult() {
    byte[] junk = new byte[1024 * 1024];
    new Random(7).nextBytes(junk);
    byte[] cookie = "# -*- coding: latin-1 -*-\n".getBytes(StandardCharsets.US_ASCII);
    byte[] file = new byte[cookie.length + junk.length];
    System.arraycopy(cookie, 0, file, 0, cookie.length);
    System.arraycopy(junk, 0, file, cookie.length, junk.length);

    DecodeResult decoded = SourceDecoder.decode(file, "junk.py");

    assertThat(decoded).isInstanceOf(DecodeResult.Decoded.class);
    parse(((DecodeResult.Decoded) decoded).text());
  }

  @Test
  void emptyFileIsAnEmptyModule() {
    ParseResult result = parse("");

    assertThat(result.errors()).isEmpty();
    assertThat(result.module().body()).isEmpty();
  }

  @Test
  void oldMacLineEndingsSeparateStatementsAndBlocks() {
    ParseResult result = parse("import os\rif os.sep:\r    x = 1\relse:\r    x = 2\rprint(x)\r");

    assertThat(result.errors()).isEmpty();
    assertThat(result.module().body()).hasSize(3);
  }

  private static void assertReportsError(ParseResult result) {
    assertThat(result.errors())
        .as("a depth beyond any cap must be reported, not silently cut short")
        .isNotEmpty();
  }

  private static List<String> messages(ParseResult result) {
    return result.errors().stream().map(SyntaxError::message).collect(Collectors.toList());
  }

  private static String repeated(int count, IntFunction<String> piece) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < count; i++) {
      text.append(piece.apply(i));
    }
    return text.toString();
  }

  /** The closing brackets, innermost first, of {@code count} brackets opened in "([{" order. */
  private static String closing(int count) {
    StringBuilder text = new StringBuilder(count);
    for (int i = count - 1; i >= 0; i--) {
      text.append(")]}".charAt(i % 3));
    }
    return text.toString();
  }

  private static ParseResult parse(String source) {
    return parse(source, PythonVersion.LATEST);
  }

  private static ParseResult parse(String source, PythonVersion version) {
    return parseOn(0, source, version);
  }

  /**
   * Parses on a fresh thread with the given stack size (0: the JVM's default), giving up after 2 s
   * plus 1 s per 100 KB, so that a hang fails the test rather than hanging the build.
   */
  private static ParseResult parseOn(long stackSize, String source, PythonVersion version) {
    long timeoutMillis = 2_000 + source.length() / 100;
    FutureTask<ParseResult> task = new FutureTask<>(() -> Parser.parse(source, version));
    Thread thread = new Thread(null, task, "hostile-parse", stackSize);
    // A hung parse must not keep the test JVM alive after the test has failed.
    thread.setDaemon(true);
    thread.start();
    try {
      ParseResult result = task.get(timeoutMillis, TimeUnit.MILLISECONDS);
      assertThat(result).isNotNull();
      assertThat(result.module()).isNotNull();
      for (SyntaxError error : result.errors()) {
        assertThat(error.range().end()).isLessThanOrEqualTo(source.length());
      }
      return result;
    } catch (TimeoutException e) {
      task.cancel(true);
      return fail("no result within %d ms for %d chars", timeoutMillis, source.length());
    } catch (ExecutionException e) {
      // Surefire trims the cause's stack to this class's frames, so the message names the parser's.
      Throwable cause = e.getCause();
      String top =
          Arrays.stream(cause.getStackTrace())
              .limit(8)
              .map(String::valueOf)
              .collect(Collectors.joining("\n    at "));
      return fail("the parser threw %s\n    at %s", cause, top);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fail("interrupted", e);
    }
  }
}
