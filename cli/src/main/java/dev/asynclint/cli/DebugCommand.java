package dev.asynclint.cli;

import picocli.CommandLine.Command;

/** {@code asynclint debug}: views of the tool's internals, for checking it against CPython. */
@Command(
    name = "debug",
    mixinStandardHelpOptions = true,
    description = "Show what asynclint sees in Python files.",
    subcommands = {DebugAstCommand.class, DebugCallsCommand.class})
final class DebugCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
