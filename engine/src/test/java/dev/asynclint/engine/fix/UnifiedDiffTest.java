package dev.asynclint.engine.fix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UnifiedDiffTest {
  private static String numbered(int count) {
    StringBuilder text = new StringBuilder();
    for (int i = 1; i <= count; i++) {
      text.append("line ").append(i).append('\n');
    }
    return text.toString();
  }

  @Test
  void equalTextsHaveNoDiff() {
    assertThat(UnifiedDiff.of("p.py", "a\n", "a\n")).isEmpty();
  }

  @Test
  void hunksHaveThreeLinesOfContextAsDifflibPrintsThem() {
    String before = numbered(20);
    String after =
        before
            .replace("line 2\n", "line two\n")
            .replace("line 15\n", "")
            .replace("line 18\n", "line 18\nnew\n");
    // Python: "".join(difflib.unified_diff(a.splitlines(True), b.splitlines(True), "a/p.py",
    // "b/p.py"))
    assertThat(UnifiedDiff.of("p.py", before, after))
        .isEqualTo(
            "--- a/p.py\n+++ b/p.py\n@@ -1,5 +1,5 @@\n line 1\n-line 2\n+line two\n line 3\n"
                + " line 4\n line 5\n@@ -12,9 +12,9 @@\n line 12\n line 13\n line 14\n-line 15\n"
                + " line 16\n line 17\n line 18\n+new\n line 19\n line 20\n");
  }

  @Test
  void aLastLineWithoutNewlineIsMarked() {
    assertThat(UnifiedDiff.of("p.py", "x = 1\ny = 2", "x = 1\ny = 3"))
        .isEqualTo(
            "--- a/p.py\n+++ b/p.py\n@@ -1,2 +1,2 @@\n x = 1\n-y = 2\n"
                + "\\ No newline at end of file\n+y = 3\n\\ No newline at end of file\n");
  }

  @Test
  void anEmptyOldFileStartsAtLineZero() {
    assertThat(UnifiedDiff.of("p.py", "", "a\n"))
        .isEqualTo("--- a/p.py\n+++ b/p.py\n@@ -0,0 +1 @@\n+a\n");
  }

  @Test
  void crlfLinesArePrintedAsTheyAre() {
    assertThat(UnifiedDiff.of("p.py", "a\r\nb\r\n", "a\r\nc\r\n"))
        .isEqualTo("--- a/p.py\n+++ b/p.py\n@@ -1,2 +1,2 @@\n a\r\n-b\r\n+c\r\n");
  }

  /** Random edits: the diff, applied to the old text, gives the new one, and is minimal. */
  @Test
  void randomDiffsApplyAndKeepALongestCommonSubsequence() {
    Random random = new Random(42);
    for (int round = 0; round < 500; round++) {
      List<String> before = randomLines(random);
      List<String> after = randomLines(random);
      String a = String.join("", before);
      String b = String.join("", after);
      String diff = UnifiedDiff.of("p.py", a, b);
      assertThat(patch(a, diff)).as("round %d:\n%s", round, diff).isEqualTo(b);
      int kept = 0;
      for (UnifiedDiff.Opcode opcode : UnifiedDiff.opcodes(before, after)) {
        if (opcode.tag() == UnifiedDiff.Tag.EQUAL) {
          kept += opcode.i2() - opcode.i1();
        }
      }
      assertThat(kept).as("round %d", round).isEqualTo(lcs(before, after));
    }
  }

  private static List<String> randomLines(Random random) {
    int count = random.nextInt(12);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      lines.add((char) ('a' + random.nextInt(4)) + "\n");
    }
    return lines;
  }

  private static int lcs(List<String> a, List<String> b) {
    int[][] table = new int[a.size() + 1][b.size() + 1];
    for (int i = a.size() - 1; i >= 0; i--) {
      for (int j = b.size() - 1; j >= 0; j--) {
        table[i][j] =
            a.get(i).equals(b.get(j))
                ? table[i + 1][j + 1] + 1
                : Math.max(table[i + 1][j], table[i][j + 1]);
      }
    }
    return table[0][0];
  }

  /** Applies a unified diff of texts whose lines all end in a newline. */
  private static String patch(String text, String diff) {
    List<String> old = UnifiedDiff.lines(text);
    List<String> lines = diff.isEmpty() ? List.of() : UnifiedDiff.lines(diff);
    StringBuilder out = new StringBuilder();
    int next = 0;
    for (int i = 2; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.startsWith("@@")) {
        String range = line.substring(4, line.indexOf(' ', 4));
        int start = Integer.parseInt(range.split(",")[0]);
        int length = range.contains(",") ? Integer.parseInt(range.split(",")[1]) : 1;
        int from = length == 0 ? start : start - 1;
        while (next < from) {
          out.append(old.get(next++));
        }
      } else if (line.startsWith(" ")) {
        assertThat(old.get(next)).isEqualTo(line.substring(1));
        out.append(old.get(next++));
      } else if (line.startsWith("-")) {
        assertThat(old.get(next)).isEqualTo(line.substring(1));
        next++;
      } else if (line.startsWith("+")) {
        out.append(line.substring(1));
      }
    }
    while (next < old.size()) {
      out.append(old.get(next++));
    }
    return out.toString();
  }
}
