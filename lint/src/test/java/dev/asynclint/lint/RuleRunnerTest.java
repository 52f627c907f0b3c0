package dev.asynclint.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asynclint.semantic.project.CallSite;
import dev.asynclint.semantic.project.Project;
import dev.asynclint.semantic.project.SourceModule;
import dev.asynclint.syntax.parser.Parser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleRunnerTest {
  @RuleInfo(code = "ASY900", name = "every-print", severity = Severity.WARNING, summary = "Test.")
  static final class EveryPrint implements CallRule {
    @Override
    public void checkCall(CallSite site, FileContext context) {
      if ("builtins.print".equals(site.target().qualifiedName())) {
        context.report(this, site.call().range(), "`print` called");
      }
    }
  }

  @RuleInfo(code = "ASY901", name = "crashes-on-b", severity = Severity.ERROR, summary = "Test.")
  static final class CrashesOnB implements CallRule {
    @Override
    public void checkCall(CallSite site, FileContext context) {
      if (context.module().name().equals("b")) {
        throw new IllegalStateException("boom");
      }
      context.report(this, site.call().range(), "a call");
    }
  }

  private static SourceModule module(String name, String source) {
    return SourceModule.of(
        Path.of(name + ".py"), name, false, source, Parser.parse(source).module());
  }

  @Test
  void aRuleCrashingOnOneFileIsRecordedAndEverythingElseStillRuns() {
    SourceModule a = module("a", "print(1)\n");
    SourceModule b = module("b", "print(2)\n");
    Project project = Project.build(List.of(a, b), java.util.Set.of());
    Map<SourceModule, String> paths = new IdentityHashMap<>();
    paths.put(a, "a.py");
    paths.put(b, "b.py");
    List<RuleRunner.Failure> failures = new ArrayList<>();
    List<Diagnostic> found =
        new RuleRunner(List.of(new EveryPrint(), new CrashesOnB()))
            .checkAll(project, Settings.DEFAULT, paths, failures);
    assertThat(found)
        .extracting(d -> d.path() + " " + d.rule().code())
        .containsExactly("a.py ASY900", "a.py ASY901", "b.py ASY900");
    assertThat(failures).hasSize(1);
    assertThat(failures.get(0).rule()).isEqualTo("ASY901");
    assertThat(failures.get(0).path()).isEqualTo("b.py");
    assertThat(failures.get(0).error()).hasMessage("boom");
  }

  @Test
  void metadataComesFromTheAnnotation() {
    RuleMetadata metadata = new EveryPrint().metadata();
    assertThat(metadata.code()).isEqualTo("ASY900");
    assertThat(metadata.name()).isEqualTo("every-print");
    assertThat(metadata.severity()).isEqualTo(Severity.WARNING);
    assertThat(metadata.fix()).isEqualTo(FixAvailability.NONE);
    assertThat(metadata.url()).endsWith("/docs/rules/ASY900.md");
  }
}
