package dev.asynclint.syntax.parser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a snippet corpus: a text resource where each case starts with a header line {@code ### name
 * [flag, flag=value] -- note} (flags and note optional) and runs to the next header. Lines before
 * the first header describe the file.
 *
 * <p>A case's source is its lines with trailing blank lines dropped, joined by newlines and ended
 * by one (unless flagged {@code no-newline}). Characters a reader could not see are written as
 * Unicode control pictures: U+2409 for a tab, U+240B for a vertical tab, U+240C for a form feed,
 * U+240D for a carriage return and U+2400 for a null character. The flags {@code crlf} and {@code
 * cr} turn every line ending into CRLF or CR, so that whole snippets can be written with other line
 * endings.
 */
final class SnippetCorpus {
  /** Flags every corpus understands, on top of each test's own. */
  private static final Set<String> SOURCE_FLAGS = Set.of("crlf", "cr", "no-newline");

  private static final Pattern HEADER =
      Pattern.compile("### (\\S+)(?: \\[([^\\]]*)\\])?(?: -- (.+))?");

  private SnippetCorpus() {}

  /**
   * The cases of {@code resource} (next to this class). Fails on a malformed header, a repeated
   * name or a flag outside {@link #SOURCE_FLAGS} and {@code testFlags}, so that a typo cannot
   * silently turn a check off.
   */
  static List<SnippetCase> load(String resource, Set<String> testFlags) {
    List<SnippetCase> cases = new ArrayList<>();
    Set<String> names = new HashSet<>();
    String name = null;
    Map<String, String> flags = null;
    String note = null;
    List<String> lines = new ArrayList<>();
    for (String line : read(resource).split("\n", -1)) {
      if (!line.startsWith("### ")) {
        lines.add(line);
        continue;
      }
      if (name != null) {
        cases.add(new SnippetCase(name, source(lines, flags), flags, note));
      }
      Matcher header = HEADER.matcher(line);
      if (!header.matches()) {
        throw new IllegalStateException(resource + ": malformed header: " + line);
      }
      name = header.group(1);
      if (!names.add(name)) {
        throw new IllegalStateException(resource + ": repeated case name " + name);
      }
      flags = flags(resource, header.group(2), testFlags);
      note = header.group(3) == null ? "" : header.group(3);
      lines.clear();
    }
    if (name != null) {
      cases.add(new SnippetCase(name, source(lines, flags), flags, note));
    }
    return cases;
  }

  private static String read(String resource) {
    try (InputStream in = SnippetCorpus.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, String> flags(String resource, String text, Set<String> testFlags) {
    Map<String, String> flags = new LinkedHashMap<>();
    if (text == null) {
      return flags;
    }
    for (String flag : text.split(",")) {
      String trimmed = flag.strip();
      int equals = trimmed.indexOf('=');
      String key = equals < 0 ? trimmed : trimmed.substring(0, equals);
      if (!SOURCE_FLAGS.contains(key) && !testFlags.contains(key)) {
        throw new IllegalStateException(resource + ": unknown flag " + key);
      }
      flags.put(key, equals < 0 ? "" : trimmed.substring(equals + 1));
    }
    return flags;
  }

  private static String source(List<String> lines, Map<String, String> flags) {
    int end = lines.size();
    while (end > 0 && lines.get(end - 1).isBlank()) {
      end--;
    }
    String text = String.join("\n", lines.subList(0, end));
    if (!flags.containsKey("no-newline")) {
      text += "\n";
    }
    text =
        text.replace('\u2409', '\t')
            .replace('\u240B', '\u000B')
            .replace('\u240C', '\f')
            .replace('\u240D', '\r')
            .replace('\u2400', '\0');
    if (flags.containsKey("crlf")) {
      text = text.replace("\n", "\r\n");
    } else if (flags.containsKey("cr")) {
      text = text.replace("\n", "\r");
    }
    return text;
  }
}
