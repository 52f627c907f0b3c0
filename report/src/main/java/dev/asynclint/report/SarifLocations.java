package dev.asynclint.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.asynclint.text.TextRange;

/**
 * SARIF artifact locations, regions and locations. Regions count columns in Unicode code points, as
 * the run's {@code columnKind} declares, from 1, the end column exclusive.
 */
final class SarifLocations {
  static final String SOURCE_ROOT = "%SRCROOT%";

  private final Locator locator = new Locator();
  private final char separator;

  SarifLocations(char separator) {
    this.separator = separator;
  }

  /** {@code {"uri", "uriBaseId": "%SRCROOT%"}}, without the base for an absolute path. */
  ObjectNode artifactLocation(String path) {
    String uri = SarifUri.of(path, separator);
    ObjectNode node = JsonOutput.object().put("uri", uri);
    if (!uri.startsWith("file:")) {
      node.put("uriBaseId", SOURCE_ROOT);
    }
    return node;
  }

  ObjectNode region(String source, TextRange range) {
    Span span = locator.span(source, range);
    return JsonOutput.object()
        .put("startLine", span.line())
        .put("startColumn", span.column())
        .put("endLine", span.endLine())
        .put("endColumn", span.endColumn());
  }

  ObjectNode physicalLocation(String path, String source, TextRange range) {
    ObjectNode node = JsonOutput.object();
    node.set("artifactLocation", artifactLocation(path));
    node.set("region", region(source, range));
    return node;
  }

  /** A location with a message, or without one when {@code message} is null. */
  ObjectNode location(String path, String source, TextRange range, String message) {
    ObjectNode node = JsonOutput.object();
    node.set("physicalLocation", physicalLocation(path, source, range));
    if (message != null) {
      node.set("message", message(message));
    }
    return node;
  }

  static ObjectNode message(String text) {
    return JsonOutput.object().put("text", text);
  }
}
