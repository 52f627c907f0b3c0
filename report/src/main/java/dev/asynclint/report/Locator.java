package dev.asynclint.report;

import dev.asynclint.text.LineIndex;
import dev.asynclint.text.TextRange;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns offsets into {@link Span}s, indexing each source text once however many findings it has.
 * Offsets past the end of a text are read as its end, so a stale range never fails a report.
 */
final class Locator {
  private final Map<String, LineIndex> indexes = new HashMap<>();

  LineIndex index(String source) {
    return indexes.computeIfAbsent(source, LineIndex::of);
  }

  Span span(String source, TextRange range) {
    LineIndex index = index(source);
    int start = clamp(source, range.start());
    int end = clamp(source, range.end());
    return new Span(
        index.line(start),
        index.codePointColumn(start) + 1,
        index.line(end),
        index.codePointColumn(end) + 1);
  }

  static int clamp(String source, int offset) {
    return Math.min(offset, source.length());
  }
}
