package dev.asynclint.engine.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.asynclint.lint.Diagnostic;
import dev.asynclint.lint.Edit;
import dev.asynclint.lint.Fix;
import dev.asynclint.lint.FixAvailability;
import dev.asynclint.lint.Related;
import dev.asynclint.lint.RuleMetadata;
import dev.asynclint.text.TextRange;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The findings of the last run, kept in {@code .asynclint_cache/} under the project root and reused
 * when nothing that decides them changed: the same tool build, the same effective configuration,
 * the same files with the same contents (the {@link CacheKey}). A cache file that cannot be read,
 * is damaged, or belongs to another key is ignored and replaced; files are written whole under a
 * temporary name and renamed, so runs side by side never see half a file. Nothing about the cache
 * ever fails a run.
 */
public final class ResultCache {
  /** The folder, in the project root. */
  public static final String FOLDER = ".asynclint_cache";

  private static final int FORMAT = 1;
  private static final String FILE = "results-v" + FORMAT + ".json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path folder;
  private final String key;

  /** A run's findings as the cache keeps them. */
  public record Entry(List<Diagnostic> diagnostics, int filesChecked) {}

  public ResultCache(Path root, CacheKey key) {
    this.folder = root.resolve(FOLDER);
    this.key = key.value();
  }

  /**
   * The cached findings for this key, or empty.
   *
   * @param sources the text of each checked file by display path, for the findings' code frames
   * @param rules the rules by code
   */
  public Optional<Entry> load(
      Function<String, String> sources, Function<String, RuleMetadata> rules) {
    try {
      JsonNode root = JSON.readTree(folder.resolve(FILE).toFile());
      if (root == null
          || root.path("format").asInt() != FORMAT
          || !key.equals(root.path("key").asText())) {
        return Optional.empty();
      }
      List<Diagnostic> diagnostics = new ArrayList<>();
      for (JsonNode node : root.path("diagnostics")) {
        diagnostics.add(diagnostic(node, sources, rules));
      }
      return Optional.of(new Entry(diagnostics, root.path("filesChecked").asInt()));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Keeps a run's findings for this key, replacing what was kept before. */
  public void store(Entry entry) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("key", key);
    root.put("filesChecked", entry.filesChecked());
    ArrayNode diagnostics = root.putArray("diagnostics");
    for (Diagnostic diagnostic : entry.diagnostics()) {
      diagnostics.add(json(diagnostic));
    }
    Path temporary = null;
    try {
      Files.createDirectories(folder);
      Path ignore = folder.resolve(".gitignore");
      if (!Files.exists(ignore)) {
        Files.writeString(ignore, "# Made by asynclint: its cache, not for version control.\n*\n");
      }
      temporary = Files.createTempFile(folder, "results-", ".tmp");
      Files.write(temporary, JSON.writeValueAsBytes(root));
      move(temporary, folder.resolve(FILE));
      temporary = null;
    } catch (IOException | RuntimeException e) {
      // An unwritable project folder only means no cache.
    } finally {
      if (temporary != null) {
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException e) {
          // Left behind in the cache folder; the next store replaces the results file anyway.
        }
      }
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static ObjectNode json(Diagnostic diagnostic) {
    ObjectNode node = JSON.createObjectNode();
    node.put("code", diagnostic.rule().code());
    node.put("message", diagnostic.message());
    node.put("path", diagnostic.path());
    range(node, diagnostic.range());
    ArrayNode related = node.putArray("related");
    for (Related location : diagnostic.related()) {
      ObjectNode item = related.addObject();
      item.put("path", location.path());
      item.put("message", location.message());
      range(item, location.range());
    }
    Fix fix = diagnostic.fix();
    if (fix != null) {
      ObjectNode fixNode = node.putObject("fix");
      fixNode.put("title", fix.title());
      fixNode.put("applicability", fix.applicability().name());
      ArrayNode edits = fixNode.putArray("edits");
      for (Edit edit : fix.edits()) {
        ObjectNode item = edits.addObject();
        item.put("replacement", edit.replacement());
        range(item, edit.range());
      }
    }
    return node;
  }

  private static Diagnostic diagnostic(
      JsonNode node, Function<String, String> sources, Function<String, RuleMetadata> rules) {
    String path = text(node, "path");
    RuleMetadata rule = rules.apply(text(node, "code"));
    if (rule == null) {
      throw new IllegalStateException("unknown rule in the cache");
    }
    List<Related> related = new ArrayList<>();
    for (JsonNode item : node.path("related")) {
      String relatedPath = text(item, "path");
      related.add(
          new Related(
              relatedPath, source(sources, relatedPath), range(item), text(item, "message")));
    }
    Fix fix = null;
    JsonNode fixNode = node.get("fix");
    if (fixNode != null) {
      List<Edit> edits = new ArrayList<>();
      for (JsonNode item : fixNode.path("edits")) {
        edits.add(new Edit(range(item), text(item, "replacement")));
      }
      fix =
          new Fix(
              text(fixNode, "title"),
              FixAvailability.valueOf(text(fixNode, "applicability")),
              edits);
    }
    return new Diagnostic(
        rule, text(node, "message"), path, source(sources, path), range(node), related, fix);
  }

  private static String source(Function<String, String> sources, String path) {
    String source = sources.apply(path);
    if (source == null) {
      throw new IllegalStateException("a finding in a file that is not checked");
    }
    return source;
  }

  private static void range(ObjectNode node, TextRange range) {
    node.put("start", range.start());
    node.put("end", range.end());
  }

  private static TextRange range(JsonNode node) {
    return new TextRange(node.path("start").asInt(), node.path("end").asInt());
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new IllegalStateException("a damaged cache entry");
    }
    return value.asText();
  }
}
