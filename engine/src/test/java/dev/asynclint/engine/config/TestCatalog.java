package dev.asynclint.engine.config;

import dev.asynclint.lint.Rule;
import dev.asynclint.lint.RuleInfo;
import dev.asynclint.lint.Severity;
import dev.asynclint.rules.RuleRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * A fixed rule catalog for engine tests, independent of the rules registered so far: the real
 * ASY001 and ASY002 plus stand-ins covering every severity and some equivalent codes.
 */
public final class TestCatalog {
  private TestCatalog() {}

  public static List<Rule> rules() {
    List<Rule> rules = new ArrayList<>();
    rules.add(RuleRegistry.byCode("ASY001").orElseThrow());
    rules.add(RuleRegistry.byCode("ASY002").orElseThrow());
    rules.addAll(
        List.of(
            new LoopPerCall(),
            new RunPerCall(),
            new BlockingSleep(),
            new BlockingFileIo(),
            new CpuBound(),
            new MissingAwait(),
            new DanglingTask(),
            new SequentialAwait(),
            new AsyncWithoutAwait(),
            new SyncViewBridgesAsync()));
    return rules;
  }

  /** The codes of {@link #rules()} whose severity is not info. */
  public static final List<String> DEFAULT_CODES =
      List.of("ASY001", "ASY100", "ASY101", "ASY200", "ASY203", "ASY300", "ASY301", "ASY601");

  @RuleInfo(code = "ASY100", name = "loop-per-call", severity = Severity.ERROR, summary = "s")
  static final class LoopPerCall implements Rule {}

  @RuleInfo(code = "ASY101", name = "run-per-call", severity = Severity.ERROR, summary = "s")
  static final class RunPerCall implements Rule {}

  @RuleInfo(
      code = "ASY200",
      name = "blocking-sleep",
      severity = Severity.ERROR,
      equivalents = {"ASYNC251"},
      summary = "s")
  static final class BlockingSleep implements Rule {}

  @RuleInfo(code = "ASY203", name = "blocking-file-io", severity = Severity.WARNING, summary = "s")
  static final class BlockingFileIo implements Rule {}

  @RuleInfo(
      code = "ASY209",
      name = "cpu-bound-in-coroutine",
      severity = Severity.INFO,
      summary = "s")
  static final class CpuBound implements Rule {}

  @RuleInfo(code = "ASY300", name = "missing-await", severity = Severity.ERROR, summary = "s")
  static final class MissingAwait implements Rule {}

  @RuleInfo(
      code = "ASY301",
      name = "dangling-task",
      severity = Severity.ERROR,
      equivalents = {"RUF006"},
      summary = "s")
  static final class DanglingTask implements Rule {}

  @RuleInfo(
      code = "ASY303",
      name = "sequential-await-in-loop",
      severity = Severity.INFO,
      summary = "s")
  static final class SequentialAwait implements Rule {}

  @RuleInfo(
      code = "ASY600",
      name = "async-without-await",
      severity = Severity.INFO,
      equivalents = {"RUF029"},
      summary = "s")
  static final class AsyncWithoutAwait implements Rule {}

  @RuleInfo(
      code = "ASY601",
      name = "sync-view-bridges-async",
      severity = Severity.WARNING,
      summary = "s")
  static final class SyncViewBridgesAsync implements Rule {}
}
