package dev.asynclint.testkit;

import dev.asynclint.lint.Diagnostic;
import dev.asynclint.lint.Rule;
import dev.asynclint.lint.RuleRunner;
import dev.asynclint.lint.Settings;
import dev.asynclint.semantic.project.ModuleNames;
import dev.asynclint.semantic.project.Project;
import dev.asynclint.semantic.project.SourceModule;
import dev.asynclint.syntax.parser.ParseResult;
import dev.asynclint.syntax.parser.Parser;
import dev.asynclint.text.LineIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A rule fixture: a Python file, or a folder of them forming one project, whose comments announce
 * every finding the rules must produce. {@code # error: ASY100} (or {@code warning:}, {@code
 * info:}: the rule's severity) at the end of a line expects a finding of that code starting on that
 * line; several codes are separated by commas; a quoted fragment must appear in the message. {@code
 * # ok: why} documents a deliberate negative, {@code # known-fp:} and {@code # known-fn:} record
 * limitations where they live; none of them expects anything. Any finding on a line without an
 * expectation fails.
 */
public final class Fixture {
  private static final Pattern ANNOTATION =
      Pattern.compile(
          "#\\s*(error|warning|info):\\s*(ASY\\d{3}(?:\\s*,\\s*ASY\\d{3})*)(?:\\s+\"([^\"]*)\")?");

  private static final Pattern NEGATIVE = Pattern.compile("#\\s*ok:");
  private static final Pattern SETTING =
      Pattern.compile("#\\s*asynclint-settings:\\s*([a-z-]+)\\s*=\\s*(.*)");

  private final Path root;
  private final List<SourceModule> modules = new ArrayList<>();
  private final Map<SourceModule, String> paths = new IdentityHashMap<>();

  private Fixture(Path fixture) {
    List<Path> files = files(fixture);
    root = Files.isDirectory(fixture) ? fixture : fixture.getParent();
    ModuleNames names = new ModuleNames(root, new HashSet<>(files));
    for (Path file : files) {
      String source = read(file);
      ParseResult result = Parser.parse(source);
      if (result.hasErrors()) {
        throw new AssertionError(file + ": fixture does not parse: " + result.errors().get(0));
      }
      SourceModule module =
          SourceModule.of(
              file,
              names.moduleName(file),
              ModuleNames.isPackageInit(file),
              source,
              result.module());
      modules.add(module);
      paths.put(module, root.relativize(file).toString());
    }
  }

  /** Loads a fixture file or folder. */
  public static Fixture load(Path fixture) {
    return new Fixture(fixture.toAbsolutePath().normalize());
  }

  /** The findings the fixture's comments announce, in file and line order. */
  public List<Expectation> expectations() {
    List<Expectation> expected = new ArrayList<>();
    for (SourceModule module : modules) {
      String[] lines = module.source().split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        Matcher matcher = ANNOTATION.matcher(lines[i]);
        while (matcher.find()) {
          for (String code : matcher.group(2).split("\\s*,\\s*")) {
            expected.add(
                new Expectation(
                    paths.get(module), i + 1, matcher.group(1), code, matcher.group(3)));
          }
        }
      }
    }
    return expected;
  }

  /** The settings the fixture's {@code # asynclint-settings:} comments give; defaults otherwise. */
  public Settings settings() {
    Map<String, Set<String>> values = new HashMap<>();
    for (SourceModule module : modules) {
      Matcher matcher = SETTING.matcher(module.source());
      while (matcher.find()) {
        Set<String> names = values.computeIfAbsent(matcher.group(1), key -> new LinkedHashSet<>());
        for (String name : matcher.group(2).split(",")) {
          if (!name.isBlank()) {
            names.add(name.strip());
          }
        }
      }
    }
    for (String key : values.keySet()) {
      if (!SETTING_KEYS.contains(key)) {
        throw new AssertionError(root + ": unknown fixture setting " + key);
      }
    }
    return new Settings(
        Settings.DEFAULT.targetVersion(),
        values.getOrDefault("blocking-calls", Set.of()),
        values.getOrDefault("async-clients", Set.of()),
        values.getOrDefault("request-handler-decorators", Set.of()));
  }

  private static final Set<String> SETTING_KEYS =
      Set.of("blocking-calls", "async-clients", "request-handler-decorators");

  /** The number of deliberate negatives the fixture documents with {@code # ok:} comments. */
  public long negativeCount() {
    long count = 0;
    for (SourceModule module : modules) {
      Matcher matcher = NEGATIVE.matcher(module.source());
      while (matcher.find()) {
        count++;
      }
    }
    return count;
  }

  /** Runs the rules over the fixture and returns what they found. */
  public List<Diagnostic> run(List<? extends Rule> rules, Settings settings) {
    Project project = Project.build(modules, settings.requestHandlerDecorators());
    List<RuleRunner.Failure> failures = new ArrayList<>();
    List<Diagnostic> diagnostics =
        new RuleRunner(rules).checkAll(project, settings, paths, failures);
    if (!failures.isEmpty()) {
      RuleRunner.Failure failure = failures.get(0);
      throw new AssertionError(
          "rule " + failure.rule() + " crashed on " + failure.path(), failure.error());
    }
    return diagnostics;
  }

  /**
   * Checks that the rules find exactly what the fixture announces for their codes; fails listing
   * the missing and the unexpected findings otherwise.
   */
  public void verify(List<? extends Rule> rules, Settings settings) {
    List<String> codes =
        rules.stream().map(rule -> rule.metadata().code()).collect(Collectors.toList());
    List<Expectation> expected = new ArrayList<>();
    for (Expectation expectation : expectations()) {
      if (codes.contains(expectation.code())) {
        expected.add(expectation);
      }
    }
    List<Diagnostic> unmatched = new ArrayList<>(run(rules, settings));
    List<Expectation> missing = new ArrayList<>();
    for (Expectation expectation : expected) {
      Diagnostic match = null;
      for (Diagnostic diagnostic : unmatched) {
        if (matches(expectation, diagnostic)) {
          match = diagnostic;
          break;
        }
      }
      if (match == null) {
        missing.add(expectation);
      } else {
        unmatched.remove(match);
      }
    }
    if (missing.isEmpty() && unmatched.isEmpty()) {
      return;
    }
    StringBuilder report = new StringBuilder("fixture ").append(root).append(" differs:\n");
    for (Expectation expectation : missing) {
      report.append("  missing:    ").append(expectation).append('\n');
    }
    for (Diagnostic diagnostic : unmatched) {
      report.append("  unexpected: ").append(describe(diagnostic)).append('\n');
    }
    throw new AssertionError(report.toString());
  }

  private static boolean matches(Expectation expectation, Diagnostic diagnostic) {
    return expectation.path().equals(diagnostic.path())
        && expectation.line() == line(diagnostic)
        && expectation.code().equals(diagnostic.rule().code())
        && expectation.severity().equals(diagnostic.rule().severity().label())
        && (expectation.fragment() == null
            || diagnostic.message().contains(expectation.fragment()));
  }

  private static int line(Diagnostic diagnostic) {
    return LineIndex.of(diagnostic.source()).line(diagnostic.range().start());
  }

  private static String describe(Diagnostic diagnostic) {
    return diagnostic.path()
        + ":"
        + line(diagnostic)
        + ": "
        + diagnostic.rule().severity().label()
        + ": "
        + diagnostic.rule().code()
        + " "
        + diagnostic.message();
  }

  private static List<Path> files(Path fixture) {
    if (!Files.isDirectory(fixture)) {
      return List.of(fixture);
    }
    try (Stream<Path> walk = Files.walk(fixture)) {
      return walk.filter(file -> file.toString().endsWith(".py"))
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
