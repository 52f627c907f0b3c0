package dev.asynclint.cli;

import dev.asynclint.syntax.PythonVersion;
import dev.asynclint.syntax.SyntaxError;
import dev.asynclint.syntax.dump.AstDump;
import dev.asynclint.syntax.parser.ParseResult;
import dev.asynclint.syntax.parser.Parser;
import dev.asynclint.text.DecodeResult;
import dev.asynclint.text.LineIndex;
import dev.asynclint.text.SourceDecoder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code asynclint debug ast FILE...}: one JSON line per file holding CPython's {@code
 * ast.dump(ast.parse(source), include_attributes=True)} as asynclint computes it, or the syntax
 * error.
 */
@Command(
    name = "ast",
    mixinStandardHelpOptions = true,
    description = {
      "Print each file's syntax tree as CPython's ast.dump(..., include_attributes=True) would,",
      "one JSON object per line: {\"path\": ..., \"dump\": ...} or {\"path\": ..., \"error\": ...}."
    })
final class DebugAstCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Python files to parse.")
  List<Path> files;

  @Option(
      names = "--target-version",
      paramLabel = "VERSION",
      converter = PythonVersionConverter.class,
      description = {
        "Accept only the syntax of this Python version (py38..py314) and dump in its style.",
        "Default: accept the newest syntax, dump positions as CPython 3.11 does."
      })
  PythonVersion targetVersion;

  @Override
  public Integer call() throws IOException {
    PythonVersion parseVersion = targetVersion == null ? PythonVersion.LATEST : targetVersion;
    PythonVersion dumpStyle = targetVersion == null ? PythonVersion.PY311 : targetVersion;
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    boolean internalError = false;
    for (Path file : files) {
      try {
        out.println(describe(file, parseVersion, dumpStyle));
      } catch (RuntimeException | StackOverflowError e) {
        // A bug of ours on one file must not hide the results for the others.
        internalError = true;
        StringBuilder json = new StringBuilder("{\"path\": ");
        Json.string(json, file.toString());
        out.println(error(json, 0, 0, "internal error: " + e));
        err.println("asynclint: internal error on " + file + ": " + e);
        for (StackTraceElement frame : e.getStackTrace()) {
          err.println("\tat " + frame);
        }
      }
    }
    out.flush();
    return internalError ? ExitStatus.ERROR : ExitStatus.CLEAN;
  }

  private static String describe(Path file, PythonVersion parseVersion, PythonVersion dumpStyle) {
    StringBuilder json = new StringBuilder("{\"path\": ");
    Json.string(json, file.toString());
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException | RuntimeException e) {
      return error(json, 0, 0, "cannot read file: " + describe(e));
    }
    DecodeResult decoded = SourceDecoder.decode(bytes, file.toString());
    if (decoded instanceof DecodeResult.Failed) {
      DecodeResult.Failed failed = (DecodeResult.Failed) decoded;
      return error(json, failed.line(), 1, failed.message());
    }
    String source = ((DecodeResult.Decoded) decoded).text();
    ParseResult result = Parser.parse(source, parseVersion);
    if (result.hasErrors()) {
      SyntaxError first = result.errors().get(0);
      LineIndex lines = LineIndex.of(source);
      int offset = first.range().start();
      return error(json, lines.line(offset), lines.codePointColumn(offset) + 1, first.message());
    }
    json.append(", \"dump\": ");
    Json.string(json, AstDump.dump(result.module(), source, dumpStyle));
    return json.append('}').toString();
  }

  private static String describe(Exception e) {
    String message = e.getMessage();
    return message == null ? e.getClass().getSimpleName() : message;
  }

  private static String error(StringBuilder json, int line, int column, String message) {
    json.append(", \"error\": {\"line\": ").append(line);
    json.append(", \"column\": ").append(column);
    json.append(", \"message\": ");
    Json.string(json, message);
    return json.append("}}").toString();
  }
}
