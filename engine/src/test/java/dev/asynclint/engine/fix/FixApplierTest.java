package dev.asynclint.engine.fix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asynclint.lint.Diagnostic;
import dev.asynclint.lint.Edit;
import dev.asynclint.lint.Fix;
import dev.asynclint.lint.FixAvailability;
import dev.asynclint.lint.RuleMetadata;
import dev.asynclint.lint.Severity;
import dev.asynclint.syntax.PythonVersion;
import dev.asynclint.text.TextRange;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FixApplierTest {
  private static final RuleMetadata RULE =
      new RuleMetadata(
          "ASY999", "test-rule", Severity.WARNING, FixAvailability.SAFE, List.of(), "");

  private final FixApplier safe = new FixApplier(false, PythonVersion.LATEST);
  private final FixApplier unsafe = new FixApplier(true, PythonVersion.LATEST);

  /** A finding at the first edit whose fix replaces {@code old} at each offset by {@code by}. */
  private static Diagnostic finding(
      String source, FixAvailability applicability, String replacement, TextRange... ranges) {
    List<Edit> edits = new ArrayList<>();
    for (TextRange range : ranges) {
      edits.add(new Edit(range, replacement));
    }
    Fix fix = applicability == null ? null : new Fix("fix", applicability, edits);
    return new Diagnostic(RULE, "message", "test.py", source, ranges[0], List.of(), fix);
  }

  private static TextRange at(String source, String text) {
    int start = source.indexOf(text);
    assertThat(start).as("%s in the source", text).isNotNegative();
    return new TextRange(start, start + text.length());
  }

  @Test
  void appliesFixesInOrderOfPositionWhateverTheOrderOfTheFindings() {
    String source = "a = 1\nb = 2\nc = 3\n";
    List<Diagnostic> findings =
        List.of(
            finding(source, FixAvailability.SAFE, "z", at(source, "c")),
            finding(source, FixAvailability.SAFE, "x", at(source, "a")),
            finding(source, FixAvailability.SAFE, "y", at(source, "b")));
    FixApplier.Result result = safe.apply(source, findings);
    assertThat(result.text()).isEqualTo("x = 1\ny = 2\nz = 3\n");
    assertThat(result.applied()).isEqualTo(3);
    assertThat(result.refused()).isFalse();
  }

  @Test
  void aFixWithSeveralEditsIsAppliedWhole() {
    String source = "a = b\n";
    Diagnostic finding =
        finding(source, FixAvailability.SAFE, "q", new TextRange(0, 1), new TextRange(4, 5));
    assertThat(safe.apply(source, List.of(finding)).text()).isEqualTo("q = q\n");
  }

  @Test
  void anOverlappingFixIsSkippedForTheNextPass() {
    String source = "value = 1\n";
    Diagnostic first = finding(source, FixAvailability.SAFE, "v", at(source, "value"));
    Diagnostic overlapping = finding(source, FixAvailability.SAFE, "W", at(source, "lue"));
    FixApplier.Result result = safe.apply(source, List.of(overlapping, first));
    assertThat(result.text()).isEqualTo("v = 1\n");
    assertThat(result.applied()).isEqualTo(1);
  }

  @Test
  void aFixTouchingAnAppliedOneWaitsToo() {
    String source = "ab = 1\n";
    Diagnostic a = finding(source, FixAvailability.SAFE, "x", new TextRange(0, 1));
    Diagnostic b = finding(source, FixAvailability.SAFE, "y", new TextRange(1, 2));
    FixApplier.Result result = safe.apply(source, List.of(a, b));
    assertThat(result.text()).isEqualTo("xb = 1\n");
    assertThat(result.applied()).isEqualTo(1);
  }

  @Test
  void anIdenticalFixOfTwoFindingsIsAppliedOnceAndCountedTwice() {
    String source = "a = 1\n";
    Diagnostic one = finding(source, FixAvailability.SAFE, "b", at(source, "a"));
    Diagnostic two = finding(source, FixAvailability.SAFE, "b", at(source, "a"));
    FixApplier.Result result = safe.apply(source, List.of(one, two));
    assertThat(result.text()).isEqualTo("b = 1\n");
    assertThat(result.applied()).isEqualTo(2);
  }

  @Test
  void unsafeFixesOnlyWhenAskedForAndFindingsWithoutFixesAreIgnored() {
    String source = "a = 1\nb = 2\n";
    List<Diagnostic> findings =
        List.of(
            finding(source, FixAvailability.UNSAFE, "x", at(source, "a")),
            finding(source, null, "y", at(source, "b")));
    FixApplier.Result withoutUnsafe = safe.apply(source, findings);
    assertThat(withoutUnsafe.text()).isSameAs(source);
    assertThat(withoutUnsafe.applied()).isZero();
    FixApplier.Result withUnsafe = unsafe.apply(source, findings);
    assertThat(withUnsafe.text()).isEqualTo("x = 1\nb = 2\n");
    assertThat(withUnsafe.applied()).isEqualTo(1);
  }

  @Test
  void insertedNewlinesTakeTheFileLineEnding() {
    String source = "import os\r\nx = 1\r\n";
    Diagnostic insert =
        finding(source, FixAvailability.SAFE, "import asyncio\n", new TextRange(11, 11));
    assertThat(safe.apply(source, List.of(insert)).text())
        .isEqualTo("import os\r\nimport asyncio\r\nx = 1\r\n");
    String unix = "import os\nx = 1\n";
    Diagnostic insertUnix =
        finding(unix, FixAvailability.SAFE, "import asyncio\n", new TextRange(10, 10));
    assertThat(safe.apply(unix, List.of(insertUnix)).text())
        .isEqualTo("import os\nimport asyncio\nx = 1\n");
  }

  @Test
  void aResultThatDoesNotParseIsRefusedWhole() {
    String source = "x = 1\ny = 2\n";
    Diagnostic fine = finding(source, FixAvailability.SAFE, "z", at(source, "x"));
    Diagnostic bogus = finding(source, FixAvailability.SAFE, "def (", at(source, "y"));
    FixApplier.Result result = safe.apply(source, List.of(fine, bogus));
    assertThat(result.refused()).isTrue();
    assertThat(result.applied()).isZero();
    assertThat(result.text()).isSameAs(source);
  }

  @Test
  void theTargetVersionDecidesWhatParses() {
    String source = "x = 1\n";
    Diagnostic match =
        finding(
            source,
            FixAvailability.SAFE,
            "match x:\n    case 1:\n        pass",
            new TextRange(0, 5));
    assertThat(new FixApplier(false, PythonVersion.LATEST).apply(source, List.of(match)).refused())
        .isFalse();
    assertThat(new FixApplier(false, PythonVersion.PY38).apply(source, List.of(match)).refused())
        .isTrue();
  }
}
