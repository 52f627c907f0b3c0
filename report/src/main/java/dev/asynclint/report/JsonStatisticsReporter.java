package dev.asynclint.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.asynclint.report.Statistics.Row;
import java.io.PrintWriter;

/**
 * {@code --statistics} as JSON, as ruff prints it: {@code [{"code", "name", "count", "fixable"}]},
 * most frequent rule first.
 */
final class JsonStatisticsReporter implements Reporter {
  private final ReportOptions options;

  JsonStatisticsReporter(ReportOptions options) {
    this.options = options;
  }

  @Override
  public void write(ReportInput input, PrintWriter out) {
    ArrayNode rows = JsonOutput.array();
    for (Row row : Statistics.of(input.diagnostics(), options)) {
      rows.addObject()
          .put("code", row.rule().code())
          .put("name", row.rule().name())
          .put("count", row.count())
          .put("fixable", row.fixable());
    }
    JsonOutput.write(rows, out);
  }
}
