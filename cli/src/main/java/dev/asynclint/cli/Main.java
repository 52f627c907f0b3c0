package dev.asynclint.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code asynclint} command. */
@Command(
    name = "asynclint",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Finds, explains and fixes misuse of Python's asyncio.",
    subcommands = {CheckCommand.class, RulesCommand.class, RuleCommand.class, DebugCommand.class})
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    PrintWriter out = utf8(System.out);
    PrintWriter err = utf8(System.err);
    int status = run(out, err, args);
    out.flush();
    err.flush();
    System.exit(status);
  }

  private static PrintWriter utf8(PrintStream stream) {
    return new PrintWriter(
        new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16));
  }

  /** Runs the command line and returns its exit status (0 clean, 1 findings, 2 error). */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine commandLine = new CommandLine(new Main());
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExecutionExceptionHandler(
        (exception, cmd, parseResult) -> {
          if (outOfMemory(exception)) {
            cmd.getErr()
                .println(
                    "asynclint: out of memory: the project needs a larger heap than the Java"
                        + " runtime allows ("
                        + Runtime.getRuntime().maxMemory() / (1 << 20)
                        + " MB); raise it with JAVA_TOOL_OPTIONS=-Xmx8g, or check fewer files"
                        + " at a time");
          } else {
            cmd.getErr().println("asynclint: internal error: " + exception);
          }
          return ExitStatus.ERROR;
        });
    commandLine.setParameterExceptionHandler(
        (exception, strings) -> {
          CommandLine cmd = exception.getCommandLine();
          cmd.getErr().println("asynclint: " + exception.getMessage());
          cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
          return ExitStatus.ERROR;
        });
    return commandLine.execute(args);
  }

  private static boolean outOfMemory(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof OutOfMemoryError) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
