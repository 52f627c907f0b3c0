package dev.asynclint.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.asynclint.lint.Diagnostic;
import dev.asynclint.lint.Edit;
import dev.asynclint.lint.Fix;
import dev.asynclint.lint.Related;
import java.io.File;
import java.io.PrintWriter;

/**
 * The findings as a SARIF 2.1.0 log with one run: the enabled rules in {@code tool.driver.rules},
 * one result per finding with its related locations, a code flow from the finding through its
 * related locations (the links of a call chain, the other lock path), its fix as replacements, and
 * the files that could not be checked as tool execution notifications. Columns count Unicode code
 * points ({@code run.columnKind}), as in every other report.
 */
final class SarifReporter implements Reporter {
  static final String SCHEMA =
      "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
  static final String INFORMATION_URI = "https://github.com/asynclint/asynclint";

  private final char separator;

  SarifReporter() {
    this(File.separatorChar);
  }

  /** A reporter for paths whose names are separated by {@code separator} (for tests). */
  SarifReporter(char separator) {
    this.separator = separator;
  }

  @Override
  public void write(ReportInput input, PrintWriter out) {
    SarifLocations locations = new SarifLocations(separator);
    SarifRules rules = new SarifRules(input.rules(), input.diagnostics());

    ObjectNode log = JsonOutput.object().put("$schema", SCHEMA).put("version", "2.1.0");
    ObjectNode run = log.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver
        .put("name", "asynclint")
        .put("version", input.toolVersion())
        .put("informationUri", INFORMATION_URI);
    driver.set("rules", rules.toJson());
    run.set("invocations", JsonOutput.array().add(invocation(input, locations)));
    run.put("columnKind", "unicodeCodePoints");
    ArrayNode results = run.putArray("results");
    for (Diagnostic diagnostic : input.diagnostics()) {
      results.add(result(diagnostic, rules, locations));
    }
    JsonOutput.write(log, out);
  }

  private static ObjectNode invocation(ReportInput input, SarifLocations locations) {
    ObjectNode invocation =
        JsonOutput.object().put("executionSuccessful", input.errors().isEmpty());
    if (!input.errors().isEmpty()) {
      ArrayNode notifications = invocation.putArray("toolExecutionNotifications");
      for (FileError error : input.errors()) {
        ObjectNode notification = notifications.addObject().put("level", "error");
        notification.set("message", SarifLocations.message(error.message()));
        if (error.path() != null) {
          notification
              .putArray("locations")
              .addObject()
              .putObject("physicalLocation")
              .set("artifactLocation", locations.artifactLocation(error.path()));
        }
      }
    }
    invocation
        .putObject("properties")
        .put("filesChecked", input.filesChecked())
        .put("fixed", input.fixed());
    return invocation;
  }

  private static ObjectNode result(
      Diagnostic diagnostic, SarifRules rules, SarifLocations locations) {
    ObjectNode result =
        JsonOutput.object()
            .put("ruleId", diagnostic.rule().code())
            .put("ruleIndex", rules.index(diagnostic.rule()))
            .put("level", SarifRules.level(diagnostic.rule().severity()));
    result.set("message", SarifLocations.message(diagnostic.message()));
    result
        .putArray("locations")
        .add(locations.location(diagnostic.path(), diagnostic.source(), diagnostic.range(), null));
    if (!diagnostic.related().isEmpty()) {
      ArrayNode related = result.putArray("relatedLocations");
      int id = 1;
      for (Related link : diagnostic.related()) {
        related.add(
            locations
                .location(link.path(), link.source(), link.range(), link.message())
                .put("id", id++));
      }
      result.putArray("codeFlows").add(codeFlow(diagnostic, locations));
    }
    if (diagnostic.fix() != null) {
      result.putArray("fixes").add(fix(diagnostic, diagnostic.fix(), locations));
    }
    return result;
  }

  /** One thread flow: the finding, then each related location in order. */
  private static ObjectNode codeFlow(Diagnostic diagnostic, SarifLocations locations) {
    ObjectNode codeFlow = JsonOutput.object();
    ArrayNode steps = codeFlow.putArray("threadFlows").addObject().putArray("locations");
    steps
        .addObject()
        .set(
            "location",
            locations.location(
                diagnostic.path(), diagnostic.source(), diagnostic.range(), diagnostic.message()));
    for (Related link : diagnostic.related()) {
      steps
          .addObject()
          .set(
              "location",
              locations.location(link.path(), link.source(), link.range(), link.message()));
    }
    return codeFlow;
  }

  private static ObjectNode fix(Diagnostic diagnostic, Fix fix, SarifLocations locations) {
    ObjectNode node = JsonOutput.object();
    node.set("description", SarifLocations.message(fix.title()));
    ObjectNode change = node.putArray("artifactChanges").addObject();
    change.set("artifactLocation", locations.artifactLocation(diagnostic.path()));
    ArrayNode replacements = change.putArray("replacements");
    for (Edit edit : fix.edits()) {
      ObjectNode replacement = replacements.addObject();
      replacement.set("deletedRegion", locations.region(diagnostic.source(), edit.range()));
      if (!edit.replacement().isEmpty()) {
        replacement.putObject("insertedContent").put("text", edit.replacement());
      }
    }
    node.putObject("properties").put("applicability", fix.applicability().label());
    return node;
  }
}
