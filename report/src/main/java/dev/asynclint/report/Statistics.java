package dev.asynclint.report;

import dev.asynclint.lint.Diagnostic;
import dev.asynclint.lint.RuleMetadata;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The counts of {@code --statistics}: findings per rule, most frequent first, then by code. */
final class Statistics {
  /**
   * One rule's count.
   *
   * @param fixable whether {@code --fix} would repair at least one of its findings
   */
  record Row(RuleMetadata rule, int count, boolean fixable) {}

  private Statistics() {}

  static List<Row> of(List<Diagnostic> diagnostics, ReportOptions options) {
    Map<String, Row> byCode = new LinkedHashMap<>();
    for (Diagnostic diagnostic : diagnostics) {
      boolean fixable = options.applies(diagnostic.fix());
      byCode.merge(
          diagnostic.rule().code(),
          new Row(diagnostic.rule(), 1, fixable),
          (old, one) -> new Row(old.rule(), old.count() + 1, old.fixable() || fixable));
    }
    List<Row> rows = new ArrayList<>(byCode.values());
    rows.sort(
        Comparator.comparingInt(Row::count).reversed().thenComparing(row -> row.rule().code()));
    return rows;
  }
}
