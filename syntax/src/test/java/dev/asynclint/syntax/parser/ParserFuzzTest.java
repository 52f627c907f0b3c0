package dev.asynclint.syntax.parser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asynclint.syntax.PythonVersion;
import dev.asynclint.syntax.SyntaxError;
import dev.asynclint.syntax.ast.Located;
import dev.asynclint.syntax.ast.Node;
import dev.asynclint.syntax.ast.Walker;
import dev.asynclint.syntax.lexer.Tokens;
import dev.asynclint.text.DecodeResult;
import dev.asynclint.text.SourceDecoder;
import dev.asynclint.text.TextRange;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Mutates real Python files thousands of times, and strings random tokens together, and requires
 * every input to parse totally: a module and in-bounds errors and tokens, no exception, no hang.
 * Seeded, so a failure replays with the same {@code -Dfuzz.seed}; each failing input is also saved
 * under {@code target/fuzz-failures/}.
 */
class ParserFuzzTest {
  private static final long SEED = Long.getLong("fuzz.seed", 20240917L);
  private static final int MUTANTS = Integer.getInteger("fuzz.mutants", 10_000);
  private static final int TOKEN_SEQUENCES = Integer.getInteger("fuzz.sequences", 50_000);

  /** Enough failures to see a pattern; past that the rest are likely the same bug. */
  private static final int MAX_FAILURES = 10;

  private static final Path FAILURE_DIR = Path.of("target", "fuzz-failures");
  private static final PythonVersion[] VERSIONS = PythonVersion.values();

  @Test
  void mutatedStandardLibraryFilesParseTotally() throws Exception {
    Corpus corpus = Corpus.discover();
    fuzz(
        "mutant",
        MUTANTS,
        random -> {
          Path file = corpus.pick(random);
          Mutator mutator = new Mutator(random);
          String mutant = mutator.mutate(corpus.text(file));
          String log = String.join("; ", mutator.log());
          return new FuzzCase(mutant, version(random), file + ": " + log);
        });
  }

  /** Short programs that no real file contains, where the rarer error paths are. */
  @Test
  void randomTokenSequencesParseTotally() throws Exception {
    fuzz(
        "sequence",
        TOKEN_SEQUENCES,
        random -> {
          String source = TokenSoup.make(random);
          return new FuzzCase(source, version(random), "tokens \"" + escape(source) + "\"");
        });
  }

  private static PythonVersion version(Random random) {
    return VERSIONS[random.nextInt(VERSIONS.length)];
  }

  /** One input to parse, and how to tell a reader where it came from. */
  private record FuzzCase(String source, PythonVersion version, String description) {}

  /**
   * Parses {@code count} cases. Each case gets a random source seeded from one sequence, so the
   * description of a failure plus the seed is enough to replay it.
   */
  private static void fuzz(String kind, int count, Function<Random, FuzzCase> maker)
      throws Exception {
    Random master = new Random(SEED);
    List<String> failures = new ArrayList<>();
    ExecutorService executor = Executors.newSingleThreadExecutor(ParserFuzzTest::daemon);
    try {
      for (int i = 0; i < count && failures.size() < MAX_FAILURES; i++) {
        FuzzCase fuzzCase = maker.apply(new Random(master.nextLong()));
        Outcome outcome = parseWithin(executor, fuzzCase.source(), fuzzCase.version());
        if (outcome.problem() != null) {
          String where =
              "seed "
                  + SEED
                  + ", "
                  + kind
                  + " "
                  + i
                  + " (Python "
                  + fuzzCase.version()
                  + "), "
                  + fuzzCase.description();
          Path saved = save(kind + i, where, outcome.problem(), fuzzCase.source());
          failures.add(where + "\n  " + outcome.problem() + "\n  saved as " + saved);
          if (outcome.hung()) {
            // The executor's only thread is still busy with the hung parse.
            break;
          }
        }
      }
    } finally {
      executor.shutdownNow();
    }
    assertThat(failures)
        .as("inputs that broke the parser (rerun with -Dfuzz.seed=%d)", SEED)
        .isEmpty();
  }

  private static Thread daemon(Runnable task) {
    Thread thread = new Thread(task, "fuzz-parse");
    // A hung parse must not keep the test JVM alive after the test has failed.
    thread.setDaemon(true);
    return thread;
  }

  /** What went wrong with one input, or a null problem if nothing did. */
  private record Outcome(String problem, boolean hung) {}

  /** Generous: 2 s plus 1 s per 100 KB, so only a hang or a blow-up runs out of time. */
  private static Outcome parseWithin(ExecutorService executor, String source, PythonVersion version)
      throws InterruptedException {
    long timeoutMillis = 2_000 + source.length() / 100;
    Future<ParseResult> future = executor.submit(() -> Parser.parse(source, version));
    try {
      ParseResult result = future.get(timeoutMillis, TimeUnit.MILLISECONDS);
      return new Outcome(violation(source, result), false);
    } catch (TimeoutException e) {
      future.cancel(true);
      return new Outcome("no result within " + timeoutMillis + " ms", true);
    } catch (ExecutionException e) {
      StringWriter trace = new StringWriter();
      e.getCause().printStackTrace(new PrintWriter(trace));
      String top = trace.toString().lines().limit(12).collect(Collectors.joining("\n    "));
      return new Outcome("threw " + top, false);
    }
  }

  /** The first broken promise of a parse result, or null. */
  private static String violation(String source, ParseResult result) {
    if (result == null
        || result.module() == null
        || result.errors() == null
        || result.tokens() == null) {
      return "incomplete result " + result;
    }
    int length = source.length();
    for (SyntaxError error : result.errors()) {
      boolean described = error.message() != null && !error.message().isBlank();
      if (!described || !inBounds(error.range(), length)) {
        return "bad error " + error + " in a source of " + length + " chars";
      }
    }
    Tokens tokens = result.tokens();
    for (int i = 0; i < tokens.size(); i++) {
      int start = tokens.start(i);
      int end = tokens.end(i);
      if (tokens.kind(i) == null || start < 0 || end < start || end > length) {
        return "token "
            + i
            + " "
            + tokens.kind(i)
            + " ["
            + start
            + ", "
            + end
            + ") is outside"
            + " a source of "
            + length
            + " chars";
      }
    }
    OutOfBoundsNode finder = new OutOfBoundsNode(length);
    finder.walk(result.module());
    return finder.found == null
        ? null
        : "node "
            + finder.found.getClass().getSimpleName()
            + " "
            + finder.found.range()
            + " is outside a source of "
            + length
            + " chars";
  }

  private static boolean inBounds(TextRange range, int length) {
    return range != null && range.end() <= length;
  }

  /** Finds the first node whose range reaches past the end of the source. */
  private static final class OutOfBoundsNode extends Walker {
    private final int length;
    private Located found;

    OutOfBoundsNode(int length) {
      this.length = length;
    }

    @Override
    protected boolean enter(Node node) {
      if (found == null && node instanceof Located && !inBounds(((Located) node).range(), length)) {
        found = (Located) node;
      }
      return found == null;
    }
  }

  /**
   * Saves the input byte for byte: as UTF-8 ({@code .py}) when it is well-formed Unicode, else as
   * UTF-16BE, the only encoding that keeps lone surrogates.
   */
  private static Path save(String caseName, String where, String problem, String source)
      throws IOException {
    Files.createDirectories(FAILURE_DIR);
    String name = "seed" + SEED + "-" + caseName;
    boolean wellFormed = StandardCharsets.UTF_8.newEncoder().canEncode(source);
    Path file = FAILURE_DIR.resolve(name + (wellFormed ? ".py" : ".utf16be"));
    Files.write(
        file, source.getBytes(wellFormed ? StandardCharsets.UTF_8 : StandardCharsets.UTF_16BE));
    Files.writeString(FAILURE_DIR.resolve(name + ".txt"), where + "\n" + problem + "\n");
    return file.toAbsolutePath();
  }

  /** The text with everything but printable ASCII escaped as in Java, for one-line messages. */
  private static String escape(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (c >= ' ' && c < 0x7f && c != '\\' && c != '"') {
        out.append(c);
      } else {
        out.append(String.format("\\u%04x", (int) c));
      }
    }
    return out.toString();
  }

  /** Random runs of Python tokens and token fragments, with and without spaces between them. */
  private static final class TokenSoup {
    private static final String[] VOCABULARY = {
      "x",
      "y",
      "1",
      "1.5",
      "1j",
      "0x1",
      "1_0",
      "'s'",
      "\"s\"",
      "b'b'",
      "rb'",
      "u'",
      "fr'",
      "t'",
      "f'",
      "f\"",
      "'",
      "\"",
      "'''",
      "{",
      "}",
      "{x}",
      "{x=}",
      "{x!r:>{y}}",
      "(",
      ")",
      "[",
      "]",
      "[T]",
      ":",
      "=",
      "=x",
      "==",
      ":=",
      ",",
      ";",
      ".",
      "...",
      "*",
      "**",
      "+",
      "-",
      "~",
      "|",
      "&",
      "@",
      "->",
      "!",
      "!r",
      "!s",
      "not",
      "and",
      "or",
      "is",
      "if",
      "else",
      "elif",
      "for",
      "in",
      "while",
      "def",
      "class",
      "lambda",
      "return",
      "yield",
      "from",
      "import",
      "as",
      "with",
      "async",
      "await",
      "try",
      "except",
      "except*",
      "finally",
      "raise",
      "del",
      "global",
      "nonlocal",
      "pass",
      "match",
      "case",
      "type",
      "_",
      "None",
      "True",
      "print",
      "\n",
      "\n    ",
      "\n  ",
      "\\\n",
      "#c\n",
      "\t",
      "\r",
      "\r\n",
      "\f",
      "\\N{DASH}",
      "\\x00",
      "\\"
    };

    private TokenSoup() {}

    static String make(Random random) {
      StringBuilder source = new StringBuilder();
      for (int n = 1 + random.nextInt(16); n > 0; n--) {
        source.append(VOCABULARY[random.nextInt(VOCABULARY.length)]);
        if (random.nextInt(3) > 0) {
          source.append(' ');
        }
      }
      return source.toString();
    }
  }

  /** The files to mutate: the interpreter's standard library, else the repository's examples. */
  private static final class Corpus {
    /** Larger files only slow the run down; the mutations are local. */
    private static final long MAX_FILE_BYTES = 100_000;

    private final List<Path> files;
    private final Map<Path, String> texts = new HashMap<>();

    private Corpus(List<Path> files) {
      this.files = files;
    }

    static Corpus discover() throws IOException {
      Path stdlib = standardLibrary();
      List<Path> files = stdlib == null ? List.of() : pythonFiles(stdlib);
      if (files.isEmpty()) {
        System.out.println(
            "ParserFuzzTest: no python3 standard library found; fuzzing the repository's examples/"
                + " and test resources instead");
        files = new ArrayList<>(pythonFiles(Path.of("..", "examples")));
        files.addAll(pythonFiles(Path.of("src", "test", "resources")));
      }
      assertThat(files).as("Python files to mutate").isNotEmpty();
      return new Corpus(files);
    }

    /** Asks python3 where its standard library is; null if there is no working python3. */
    private static Path standardLibrary() {
      try {
        Process process =
            new ProcessBuilder(
                    "python3", "-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])")
                .redirectErrorStream(true)
                .start();
        // The one line of output fits in the pipe, so waiting before reading cannot deadlock.
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
          process.destroy();
          return null;
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Path dir = Path.of(out.trim());
        return Files.isDirectory(dir) ? dir : null;
      } catch (IOException e) {
        return null;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
    }

    /** Sorted, so that a seed picks the same files on every run on one machine. */
    private static List<Path> pythonFiles(Path dir) throws IOException {
      if (!Files.isDirectory(dir)) {
        return List.of();
      }
      try (Stream<Path> walk = Files.walk(dir)) {
        return walk.filter(p -> p.toString().endsWith(".py"))
            .filter(p -> !p.toString().contains("site-packages"))
            .filter(p -> Files.isRegularFile(p) && size(p) <= MAX_FILE_BYTES)
            .sorted()
            .collect(Collectors.toList());
      }
    }

    private static long size(Path file) {
      try {
        return Files.size(file);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    Path pick(Random random) {
      return files.get(random.nextInt(files.size()));
    }

    /** The decoded file; undecodable ones (a few stdlib tests) are mutated as Latin-1 text. */
    String text(Path file) {
      return texts.computeIfAbsent(file, Corpus::decode);
    }

    private static String decode(Path file) {
      try {
        byte[] bytes = Files.readAllBytes(file);
        DecodeResult result = SourceDecoder.decode(bytes, file.toString());
        return result instanceof DecodeResult.Decoded
            ? ((DecodeResult.Decoded) result).text()
            : new String(bytes, StandardCharsets.ISO_8859_1);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Damages source text the ways editors, merges and bad encodings do, logging each change. */
  private static final class Mutator {
    private static final String[] FRAGMENTS = {
      "(",
      ")",
      "[",
      "]",
      "{",
      "}",
      "\"",
      "'",
      "\"\"\"",
      "'''",
      ":",
      "\\",
      "\\\n",
      "f\"{",
      "f'{",
      "f\"{x!r:{y}}\"",
      "rb'",
      "}}",
      "{{",
      "=",
      ":=",
      ",",
      ";",
      "...",
      "@",
      "*",
      "**",
      "#",
      "\n",
      "    ",
      "\t",
      "lambda",
      "lambda:",
      "async ",
      "await ",
      "yield ",
      "def ",
      "class ",
      "if x:\n",
      "else:",
      "match x:\n case ",
      "case _:",
      "type X = ",
      "0x",
      "1_",
      "1e",
      "0b2",
      "\\N{",
      "\\x",
      "u'",
      "print(",
      "not ",
      " if ",
      " else ",
      "from . import ",
      "global ",
      "except* ",
      "finally:",
      "with (a as b, ",
      "->",
      "<>",
      "!",
      "$",
      "?",
      "`"
    };

    private final Random random;
    private final List<String> log = new ArrayList<>();

    Mutator(Random random) {
      this.random = random;
    }

    /** What was done, in order, with offsets into the text as it was at that step. */
    List<String> log() {
      return log;
    }

    String mutate(String source) {
      String text = source;
      int count = 1 + random.nextInt(3);
      for (int i = 0; i < count; i++) {
        text = mutateOnce(text);
      }
      return text;
    }

    private String mutateOnce(String text) {
      int at = random.nextInt(text.length() + 1);
      switch (random.nextInt(10)) {
        case 0:
          log.add("truncate at " + at);
          return text.substring(0, at);
        case 1:
          return deleteLines(text, at);
        case 2:
          return duplicateLines(text, at);
        case 3:
          return insert(text, at, randomChars());
        case 4:
          return insert(text, at, FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
        case 5:
          return unbalanceQuote(text, at);
        case 6:
          return swapIndentation(text, at);
        case 7:
          return joinLines(text, at);
        case 8:
          return deleteNext(text, at, "()[]{}:");
        default:
          return splice(text, at);
      }
    }

    private String insert(String text, int at, String inserted) {
      log.add("insert \"" + escape(inserted) + "\" at " + at);
      return text.substring(0, at) + inserted + text.substring(at);
    }

    /** NUL, controls, high Unicode, lone surrogates, odd line and space characters. */
    private String randomChars() {
      StringBuilder chars = new StringBuilder();
      for (int n = 1 + random.nextInt(4); n > 0; n--) {
        switch (random.nextInt(8)) {
          case 0:
            chars.append('\0');
            break;
          case 1:
            chars.append((char) random.nextInt(0x20));
            break;
          case 2:
            chars.append("\r\f\u000b\u0085\u00a0\u2028\ufeff\u007f".charAt(random.nextInt(8)));
            break;
          case 3:
            chars.append((char) (Character.MIN_HIGH_SURROGATE + random.nextInt(0x400)));
            break;
          case 4:
            chars.append((char) (Character.MIN_LOW_SURROGATE + random.nextInt(0x400)));
            break;
          case 5:
            chars.appendCodePoint(
                Character.MIN_SUPPLEMENTARY_CODE_POINT + random.nextInt(0x100000));
            break;
          case 6:
            chars.append((char) (0x80 + random.nextInt(Character.MIN_SURROGATE - 0x80)));
            break;
          default:
            chars.append((char) (' ' + random.nextInt(0x5F)));
            break;
        }
      }
      return chars.toString();
    }

    private String deleteLines(String text, int at) {
      int start = lineStart(text, at);
      int end = lineEndAfter(text, start, 1 + random.nextInt(5));
      log.add("delete lines [" + start + ", " + end + ")");
      return text.substring(0, start) + text.substring(end);
    }

    private String duplicateLines(String text, int at) {
      int start = lineStart(text, at);
      int end = lineEndAfter(text, start, 1 + random.nextInt(5));
      log.add("duplicate lines [" + start + ", " + end + ")");
      return text.substring(0, end) + text.substring(start, end) + text.substring(end);
    }

    /** Removes the line breaks (and the next lines' indentation) after {@code at}. */
    private String joinLines(String text, int at) {
      String glue = random.nextBoolean() ? " " : "";
      StringBuilder joined = new StringBuilder(text.length());
      joined.append(text, 0, at);
      int p = at;
      for (int n = 1 + random.nextInt(4); n > 0; n--) {
        int newline = text.indexOf('\n', p);
        if (newline < 0) {
          break;
        }
        int next = newline + 1;
        while (next < text.length() && (text.charAt(next) == ' ' || text.charAt(next) == '\t')) {
          next++;
        }
        joined.append(text, p, newline).append(glue);
        p = next;
      }
      log.add("join lines after " + at + " with \"" + glue + "\"");
      return joined.append(text, p, text.length()).toString();
    }

    /** Re-indents a run of lines: tabs for spaces, spaces for tabs, or one space more. */
    private String swapIndentation(String text, int at) {
      int start = lineStart(text, at);
      int end = lineEndAfter(text, start, 1 + random.nextInt(40));
      int style = random.nextInt(3);
      StringBuilder lines = new StringBuilder();
      for (String line : text.substring(start, end).split("(?<=\n)")) {
        int bodyStart = 0;
        while (bodyStart < line.length() && " \t".indexOf(line.charAt(bodyStart)) >= 0) {
          bodyStart++;
        }
        String indent = line.substring(0, bodyStart);
        if (style == 0) {
          indent = indent.replace("        ", "\t").replace("    ", "\t");
        } else if (style == 1) {
          indent = indent.replace("\t", "        ");
        } else {
          indent = indent + " ";
        }
        lines.append(indent).append(line, bodyStart, line.length());
      }
      log.add(
          new String[] {"tabs for spaces", "spaces for tabs", "one more space"}[style]
              + " in the indentation of ["
              + start
              + ", "
              + end
              + ")");
      return text.substring(0, start) + lines + text.substring(end);
    }

    private String unbalanceQuote(String text, int at) {
      int quote = indexOfAny(text, at, "\"'");
      if (quote < 0) {
        return insert(text, at, "\"");
      }
      String replacement = new String[] {"", "\"\"", "''", "'", "\"", "\\\""}[random.nextInt(6)];
      log.add("replace the quote at " + quote + " with \"" + escape(replacement) + "\"");
      return text.substring(0, quote) + replacement + text.substring(quote + 1);
    }

    private String deleteNext(String text, int at, String candidates) {
      int found = indexOfAny(text, at, candidates);
      if (found < 0) {
        return text;
      }
      log.add("delete '" + text.charAt(found) + "' at " + found);
      return text.substring(0, found) + text.substring(found + 1);
    }

    /** Copies a random stretch of the text to {@code at}, as a bad merge or paste would. */
    private String splice(String text, int at) {
      int from = random.nextInt(text.length() + 1);
      int to = Math.min(text.length(), from + random.nextInt(300));
      log.add("copy [" + from + ", " + to + ") to " + at);
      return text.substring(0, at) + text.substring(from, to) + text.substring(at);
    }

    private static int lineStart(String text, int at) {
      return text.lastIndexOf('\n', at - 1) + 1;
    }

    private static int lineEndAfter(String text, int start, int lines) {
      int end = start;
      for (int n = lines; n > 0 && end < text.length(); n--) {
        int newline = text.indexOf('\n', end);
        end = newline < 0 ? text.length() : newline + 1;
      }
      return end;
    }

    private static int indexOfAny(String text, int from, String chars) {
      for (int i = from; i < text.length(); i++) {
        if (chars.indexOf(text.charAt(i)) >= 0) {
          return i;
        }
      }
      return -1;
    }
  }
}
