package dev.asynclint.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.asynclint.lint.Diagnostic;
import dev.asynclint.lint.Related;
import dev.asynclint.lint.RuleMetadata;
import dev.asynclint.rules.RuleRegistry;
import dev.asynclint.text.LineIndex;
import dev.asynclint.text.TextRange;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The report as one self-contained HTML page: a summary, charts, a sortable and filterable table of
 * the findings, and per finding its code frame, its rule's documentation and its related locations
 * drawn as a graph.
 *
 * <p>The page is a fixed skeleton, one stylesheet and one script (resources next to this class) and
 * the data of the run as JSON in a {@code <script type="application/json">} element. Nothing taken
 * from the analysed code (paths, source lines, messages) is written as markup: it is only in that
 * JSON, written by {@link ScriptSafeJson} so that it cannot close the element, and the script puts
 * it into the page as text nodes. A Content-Security-Policy allows only the page's own stylesheet
 * and script, by hash, and no fetches at all.
 */
final class HtmlReporter implements Reporter {
  /** Lines of code shown before and after a finding's span. */
  static final int CONTEXT_LINES = 2;

  /** Lines of a span over several lines that are shown; the rest is cut. */
  static final int MAX_SPAN_LINES = 6;

  /** Characters of one source line that are kept; longer lines (minified code) are cut. */
  static final int MAX_LINE_LENGTH = 400;

  static final String STYLE = resource("html/report.css");
  static final String SCRIPT = resource("html/report.js");

  @Override
  public void write(ReportInput input, PrintWriter out) {
    out.print(page(ScriptSafeJson.write(new Data(input).toJson())));
    out.flush();
  }

  /** The policy of the page: its own style and script by hash, nothing else. */
  static String contentSecurityPolicy() {
    return "default-src 'none'; script-src '"
        + sha256(SCRIPT)
        + "'; style-src '"
        + sha256(STYLE)
        + "'; base-uri 'none'; form-action 'none'";
  }

  private static String page(String json) {
    StringBuilder html = new StringBuilder(json.length() + STYLE.length() + SCRIPT.length() + 4096);
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"")
        .append(contentSecurityPolicy())
        .append("\">\n")
        .append("<meta name=\"referrer\" content=\"no-referrer\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>asynclint report</title>\n")
        .append("<style>")
        .append(STYLE)
        .append("</style>\n</head>\n<body>\n")
        .append("<a class=\"skip\" href=\"#findings\">Skip to the findings</a>\n")
        .append("<header><h1>asynclint report</h1><p id=\"meta\"></p></header>\n")
        .append("<main>\n")
        .append(
            "<noscript><p>This report draws its tables and charts with JavaScript;"
                + " the findings are also in the JSON of the page source.</p></noscript>\n")
        .append("<section aria-labelledby=\"summary-title\">")
        .append("<h2 id=\"summary-title\">Summary</h2><div id=\"summary\"></div></section>\n")
        .append("<section aria-labelledby=\"charts-title\">")
        .append("<h2 id=\"charts-title\">Where the findings are</h2>")
        .append("<div id=\"charts\" class=\"charts\"></div></section>\n")
        .append("<section id=\"findings\" aria-labelledby=\"findings-title\">")
        .append("<h2 id=\"findings-title\">Findings</h2>")
        .append("<div id=\"filters\"></div><div id=\"table\"></div></section>\n")
        .append("<section id=\"errors\" aria-labelledby=\"errors-title\" hidden>")
        .append("<h2 id=\"errors-title\">Files that could not be checked</h2>")
        .append("<ul id=\"error-list\"></ul></section>\n")
        .append("</main>\n")
        .append("<script type=\"application/json\" id=\"asynclint-data\">")
        .append(json)
        .append("</script>\n<script>")
        .append(SCRIPT)
        .append("</script>\n</body>\n</html>\n");
    return html.toString();
  }

  /** The run as the JSON the script reads. */
  private static final class Data {
    private final ReportInput input;
    private final Locator locator = new Locator();
    private final Map<String, Integer> fileIds = new HashMap<>();
    private final List<String> paths = new ArrayList<>();
    private final List<String> sources = new ArrayList<>();
    private final List<TreeSet<Integer>> shownLines = new ArrayList<>();

    Data(ReportInput input) {
      this.input = input;
    }

    ObjectNode toJson() {
      ObjectNode root =
          JsonOutput.object()
              .put("version", input.toolVersion())
              .put("filesChecked", input.filesChecked())
              .put("fixed", input.fixed());
      ObjectNode rules = root.putObject("rules");
      ArrayNode findings = root.putArray("findings");
      for (Diagnostic diagnostic : input.diagnostics()) {
        if (!rules.has(diagnostic.rule().code())) {
          rules.set(diagnostic.rule().code(), rule(diagnostic.rule()));
        }
        findings.add(finding(diagnostic));
      }
      ArrayNode files = root.putArray("files");
      paths.forEach(files::add);
      ArrayNode lines = root.putArray("lines");
      for (int file = 0; file < paths.size(); file++) {
        lines.add(lines(sources.get(file), shownLines.get(file)));
      }
      ArrayNode errors = root.putArray("errors");
      for (FileError error : input.errors()) {
        ObjectNode node = errors.addObject();
        if (error.path() == null) {
          node.putNull("path");
        } else {
          node.put("path", error.path());
        }
        node.put("message", error.message());
      }
      return root;
    }

    private ObjectNode finding(Diagnostic diagnostic) {
      int file = file(diagnostic.path(), diagnostic.source());
      Span span = locator.span(diagnostic.source(), diagnostic.range());
      ObjectNode node =
          JsonOutput.object()
              .put("code", diagnostic.rule().code())
              .put("message", diagnostic.message())
              .put("file", file)
              .put("line", span.line())
              .put("column", span.column())
              .put("endLine", span.endLine())
              .put("endColumn", span.endColumn());
      show(file, diagnostic.source(), diagnostic.range());
      if (diagnostic.fix() != null) {
        node.putObject("fix")
            .put("title", diagnostic.fix().title())
            .put("applicability", diagnostic.fix().applicability().label());
      }
      if (!diagnostic.related().isEmpty()) {
        ArrayNode related = node.putArray("related");
        for (Related link : diagnostic.related()) {
          int linkFile = file(link.path(), link.source());
          Span at = locator.span(link.source(), link.range());
          related
              .addObject()
              .put("file", linkFile)
              .put("line", at.line())
              .put("column", at.column())
              .put("message", link.message());
          show(linkFile, link.source(), new TextRange(link.range().start(), link.range().start()));
        }
      }
      return node;
    }

    private int file(String path, String source) {
      Integer id = fileIds.get(path);
      if (id == null) {
        id = paths.size();
        fileIds.put(path, id);
        paths.add(path);
        sources.add(source);
        shownLines.add(new TreeSet<>());
      }
      return id;
    }

    /** Marks the lines of the frame of {@code range} to be kept. */
    private void show(int file, String source, TextRange range) {
      if (!source.equals(sources.get(file))) {
        return;
      }
      LineIndex index = locator.index(source);
      int first = index.line(Locator.clamp(source, range.start()));
      int last = Math.min(index.line(Locator.clamp(source, range.end())), first + MAX_SPAN_LINES);
      int from = Math.max(1, first - CONTEXT_LINES);
      int to = Math.min(index.lineCount(), last + CONTEXT_LINES);
      TreeSet<Integer> lines = shownLines.get(file);
      for (int line = from; line <= to; line++) {
        lines.add(line);
      }
    }

    /** {@code {"12": "text of line 12", ...}} for the kept lines of one file. */
    private ObjectNode lines(String source, TreeSet<Integer> numbers) {
      ObjectNode node = JsonOutput.object();
      LineIndex index = locator.index(source);
      for (int line : numbers) {
        int start = index.lineStart(line);
        int end = line < index.lineCount() ? index.lineStart(line + 1) : source.length();
        while (end > start && (source.charAt(end - 1) == '\n' || source.charAt(end - 1) == '\r')) {
          end--;
        }
        if (end - start > MAX_LINE_LENGTH) {
          end = start + MAX_LINE_LENGTH;
          if (Character.isHighSurrogate(source.charAt(end - 1))) {
            end--;
          }
        }
        node.put(String.valueOf(line), source.substring(start, end));
      }
      return node;
    }
  }

  private static ObjectNode rule(RuleMetadata rule) {
    ObjectNode node =
        JsonOutput.object()
            .put("name", rule.name())
            .put("severity", rule.severity().label())
            .put("family", family(rule.code()))
            .put("summary", rule.summary())
            .put("url", rule.url());
    ArrayNode doc = node.putArray("doc");
    RuleRegistry.byCode(rule.code())
        .map(RuleRegistry::documentation)
        .map(HtmlReporter::whatItDoes)
        .ifPresent(paragraphs -> paragraphs.forEach(doc::add));
    return node;
  }

  /** The family of a code, as the catalog of the product specification names them. */
  static String family(String code) {
    char digit = code.length() > 3 ? code.charAt(3) : '?';
    switch (digit) {
      case '0':
        return "ASY0xx general";
      case '1':
        return "ASY1xx event-loop lifecycle";
      case '2':
        return "ASY2xx blocking the event loop";
      case '3':
        return "ASY3xx coroutine and task lifecycle";
      case '4':
        return "ASY4xx cancellation and errors";
      case '5':
        return "ASY5xx concurrency and resources";
      case '6':
        return "ASY6xx unnecessary or misplaced async";
      case '7':
        return "ASY7xx structured concurrency and API misuse";
      default:
        return "other";
    }
  }

  /**
   * The paragraphs of the "What it does" section of a rule's documentation page, each joined into
   * one line; the rest of the page (examples, equivalents) is behind the rule's link.
   */
  static List<String> whatItDoes(String markdown) {
    List<String> paragraphs = new ArrayList<>();
    boolean inSection = false;
    StringBuilder paragraph = new StringBuilder();
    for (String line : markdown.split("\n", -1)) {
      if (line.startsWith("## ")) {
        if (inSection) {
          break;
        }
        inSection = line.equals("## What it does");
        continue;
      }
      if (!inSection) {
        continue;
      }
      if (line.isBlank()) {
        flush(paragraph, paragraphs);
      } else {
        if (line.startsWith("- ") || line.startsWith("* ")) {
          flush(paragraph, paragraphs);
        }
        paragraph.append(paragraph.length() == 0 ? "" : " ").append(line.strip());
      }
    }
    flush(paragraph, paragraphs);
    return paragraphs;
  }

  private static void flush(StringBuilder paragraph, List<String> paragraphs) {
    if (paragraph.length() > 0) {
      paragraphs.add(paragraph.toString());
      paragraph.setLength(0);
    }
  }

  private static String resource(String name) {
    try (InputStream in = HtmlReporter.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The CSP source expression of {@code text}: {@code sha256-} and its base64 digest. */
  static String sha256(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return "sha256-" + Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
