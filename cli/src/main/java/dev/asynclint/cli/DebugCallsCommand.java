package dev.asynclint.cli;

import dev.asynclint.semantic.project.CallSite;
import dev.asynclint.semantic.project.ModuleNames;
import dev.asynclint.semantic.project.Project;
import dev.asynclint.semantic.project.SourceModule;
import dev.asynclint.syntax.parser.ParseResult;
import dev.asynclint.syntax.parser.Parser;
import dev.asynclint.text.DecodeResult;
import dev.asynclint.text.LineIndex;
import dev.asynclint.text.SourceDecoder;
import dev.asynclint.text.TextRange;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code asynclint debug calls FILE...}: every call site of the files, taken as one project, with
 * what it resolves to.
 */
@Command(
    name = "calls",
    mixinStandardHelpOptions = true,
    description = {
      "Print every call site of the files, which form one project:",
      "path:line:column<TAB>callee<TAB>qualified name or ?<TAB>sync|async|unknown"
    })
final class DebugCallsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Python files of one project.")
  List<Path> files;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Set<Path> absolute = new HashSet<>();
    for (Path file : files) {
      absolute.add(file.toAbsolutePath().normalize());
    }
    ModuleNames names = new ModuleNames(commonDirectory(absolute), absolute);
    List<SourceModule> modules = new ArrayList<>();
    boolean failed = false;
    for (Path file : files) {
      SourceModule module = load(file, names, err);
      if (module == null) {
        failed = true;
      } else {
        modules.add(module);
      }
    }
    Project project = Project.build(modules, Set.of());
    StringBuilder line = new StringBuilder();
    for (SourceModule module : modules) {
      LineIndex lines = LineIndex.of(module.source());
      for (CallSite site : project.callSites(module)) {
        int start = site.call().range().start();
        line.setLength(0);
        line.append(module.path()).append(':').append(lines.line(start)).append(':');
        line.append(lines.codePointColumn(start) + 1).append('\t');
        appendCollapsed(line, module.source(), site.call().func().range());
        String name = site.target().qualifiedName();
        line.append('\t').append(name == null ? "?" : name);
        line.append('\t').append(site.target().synchrony().label());
        out.println(line);
      }
    }
    out.flush();
    return failed ? ExitStatus.ERROR : ExitStatus.CLEAN;
  }

  private static SourceModule load(Path file, ModuleNames names, PrintWriter err) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException | RuntimeException e) {
      err.println("asynclint: " + file + ": cannot read file: " + e.getMessage());
      return null;
    }
    DecodeResult decoded = SourceDecoder.decode(bytes, file.toString());
    if (decoded instanceof DecodeResult.Failed) {
      DecodeResult.Failed failed = (DecodeResult.Failed) decoded;
      err.println("asynclint: " + file + ":" + failed.line() + ": " + failed.message());
      return null;
    }
    String source = ((DecodeResult.Decoded) decoded).text();
    ParseResult result = Parser.parse(source);
    if (result.hasErrors()) {
      LineIndex lines = LineIndex.of(source);
      int offset = result.errors().get(0).range().start();
      err.println(
          "asynclint: "
              + file
              + ":"
              + lines.line(offset)
              + ":"
              + (lines.codePointColumn(offset) + 1)
              + ": "
              + result.errors().get(0).message());
      return null;
    }
    return SourceModule.of(
        file, names.moduleName(file), ModuleNames.isPackageInit(file), source, result.module());
  }

  /** The deepest directory holding all the files. */
  private static Path commonDirectory(Set<Path> files) {
    Path common = null;
    for (Path file : files) {
      Path directory = file.getParent();
      if (common == null) {
        common = directory;
      } else {
        while (!directory.startsWith(common)) {
          common = common.getParent();
        }
      }
    }
    return common == null ? Path.of("").toAbsolutePath() : common;
  }

  /** The callee's text on one line: runs of white space (and line continuations) become a space. */
  private static void appendCollapsed(StringBuilder line, String source, TextRange range) {
    boolean blank = false;
    for (int i = range.start(); i < range.end(); i++) {
      char c = source.charAt(i);
      boolean continuation =
          c == '\\'
              && i + 1 < range.end()
              && (source.charAt(i + 1) == '\n' || source.charAt(i + 1) == '\r');
      boolean white = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || continuation;
      if (white) {
        blank = true;
        continue;
      }
      if (blank && line.charAt(line.length() - 1) != '\t') {
        line.append(' ');
      }
      blank = false;
      line.append(c);
    }
  }
}
