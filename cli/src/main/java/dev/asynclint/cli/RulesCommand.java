package dev.asynclint.cli;

import dev.asynclint.lint.FixAvailability;
import dev.asynclint.lint.Rule;
import dev.asynclint.lint.RuleMetadata;
import dev.asynclint.rules.RuleRegistry;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code asynclint rules}: the catalog, as a table or as JSON. */
@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    description = "List every rule: code, name, severity, fix, summary.")
final class RulesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "text (default) or json.",
      defaultValue = "text")
  String format;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (format.equals("json")) {
      out.println(json());
    } else if (format.equals("text")) {
      for (Rule rule : RuleRegistry.all()) {
        RuleMetadata metadata = rule.metadata();
        String fix =
            metadata.fix() == FixAvailability.NONE ? "" : "[" + metadata.fix().label() + " fix] ";
        out.printf(
            "%s  %-36s %-8s %s%s%n",
            metadata.code(), metadata.name(), metadata.severity().label(), fix, metadata.summary());
      }
    } else {
      spec.commandLine()
          .getErr()
          .println("asynclint: unknown format '" + format + "' (text, json)");
      return ExitStatus.ERROR;
    }
    out.flush();
    return ExitStatus.CLEAN;
  }

  private static String json() {
    StringBuilder json = new StringBuilder("[");
    boolean first = true;
    for (Rule rule : RuleRegistry.all()) {
      RuleMetadata metadata = rule.metadata();
      json.append(first ? "\n" : ",\n").append("  {\"code\": ");
      first = false;
      Json.string(json, metadata.code());
      json.append(", \"name\": ");
      Json.string(json, metadata.name());
      json.append(", \"severity\": ");
      Json.string(json, metadata.severity().label());
      json.append(", \"fix\": ");
      Json.string(json, metadata.fix().label());
      json.append(", \"equivalents\": [");
      for (int i = 0; i < metadata.equivalents().size(); i++) {
        if (i > 0) {
          json.append(", ");
        }
        Json.string(json, metadata.equivalents().get(i));
      }
      json.append("], \"summary\": ");
      Json.string(json, metadata.summary());
      json.append(", \"url\": ");
      Json.string(json, metadata.url());
      json.append('}');
    }
    return json.append("\n]").toString();
  }
}
