package dev.asynclint.cli;

import dev.asynclint.lint.Rule;
import dev.asynclint.rules.RuleDocs;
import dev.asynclint.rules.RuleRegistry;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code asynclint rule CODE}: one rule's documentation page. */
@Command(
    name = "rule",
    mixinStandardHelpOptions = true,
    description = "Print the documentation of a rule.")
final class RuleCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "CODE", description = "A rule code such as ASY100, or its name.")
  String code;

  @Override
  public Integer call() {
    String wanted = code.trim();
    Optional<Rule> rule =
        RuleRegistry.all().stream()
            .filter(
                candidate ->
                    candidate.metadata().code().equalsIgnoreCase(wanted)
                        || candidate.metadata().name().equals(wanted.toLowerCase(Locale.ROOT)))
            .findFirst();
    if (rule.isEmpty()) {
      spec.commandLine()
          .getErr()
          .println("asynclint: unknown rule '" + wanted + "' (see 'asynclint rules')");
      return ExitStatus.ERROR;
    }
    spec.commandLine().getOut().print(RuleDocs.page(rule.get()));
    spec.commandLine().getOut().flush();
    return ExitStatus.CLEAN;
  }
}
