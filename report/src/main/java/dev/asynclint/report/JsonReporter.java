package dev.asynclint.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.asynclint.lint.Diagnostic;
import dev.asynclint.lint.Edit;
import dev.asynclint.lint.Fix;
import dev.asynclint.lint.Related;
import java.io.PrintWriter;

/**
 * The findings as the JSON array of the product specification, one object per finding with the keys
 * {@code code, name, severity, message, path, line, column, endLine, endColumn, fix, related, url}
 * in that order. Lines and columns count from 1, columns in characters, end columns exclusive. File
 * errors are not part of the array.
 */
final class JsonReporter implements Reporter {

  @Override
  public void write(ReportInput input, PrintWriter out) {
    Locator locator = new Locator();
    ArrayNode findings = JsonOutput.array();
    for (Diagnostic diagnostic : input.diagnostics()) {
      findings.add(finding(diagnostic, locator));
    }
    JsonOutput.write(findings, out);
  }

  private static ObjectNode finding(Diagnostic diagnostic, Locator locator) {
    Span span = locator.span(diagnostic.source(), diagnostic.range());
    ObjectNode finding =
        JsonOutput.object()
            .put("code", diagnostic.rule().code())
            .put("name", diagnostic.rule().name())
            .put("severity", diagnostic.rule().severity().label())
            .put("message", diagnostic.message())
            .put("path", diagnostic.path())
            .put("line", span.line())
            .put("column", span.column())
            .put("endLine", span.endLine())
            .put("endColumn", span.endColumn());
    if (diagnostic.fix() == null) {
      finding.putNull("fix");
    } else {
      finding.set("fix", fix(diagnostic.fix(), diagnostic.source(), locator));
    }
    ArrayNode related = finding.putArray("related");
    for (Related link : diagnostic.related()) {
      Span at = locator.span(link.source(), link.range());
      related
          .addObject()
          .put("path", link.path())
          .put("line", at.line())
          .put("column", at.column())
          .put("message", link.message());
    }
    finding.put("url", diagnostic.rule().url());
    return finding;
  }

  private static ObjectNode fix(Fix fix, String source, Locator locator) {
    ObjectNode node = JsonOutput.object().put("applicability", fix.applicability().label());
    ArrayNode edits = node.putArray("edits");
    for (Edit edit : fix.edits()) {
      Span span = locator.span(source, edit.range());
      edits
          .addObject()
          .put("line", span.line())
          .put("column", span.column())
          .put("endLine", span.endLine())
          .put("endColumn", span.endColumn())
          .put("content", edit.replacement());
    }
    return node;
  }
}
