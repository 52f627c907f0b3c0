package dev.asynclint.syntax.parser;

import java.util.List;

/** Shows where two {@code ast.dump} strings differ, as a short line diff of their trees. */
final class DumpDiff {
  private static final int CONTEXT = 4;
  private static final int MAX_CHANGED = 30;

  private DumpDiff() {}

  /** The lines around the first difference, CPython's marked "-" and ours "+". */
  static String describe(String cpython, String ours) {
    List<String> expected;
    List<String> actual;
    try {
      expected = DumpTree.lines(DumpTree.parse(cpython));
      actual = DumpTree.lines(DumpTree.parse(ours));
    } catch (IllegalArgumentException e) {
      return "CPython: " + cpython + "\nours:    " + ours;
    }
    int prefix = 0;
    while (prefix < expected.size()
        && prefix < actual.size()
        && expected.get(prefix).equals(actual.get(prefix))) {
      prefix++;
    }
    int suffix = 0;
    while (suffix < expected.size() - prefix
        && suffix < actual.size() - prefix
        && expected
            .get(expected.size() - 1 - suffix)
            .equals(actual.get(actual.size() - 1 - suffix))) {
      suffix++;
    }
    StringBuilder out = new StringBuilder("dump differs (- CPython, + ours):\n");
    for (int i = Math.max(0, prefix - CONTEXT); i < prefix; i++) {
      out.append("  ").append(expected.get(i)).append('\n');
    }
    changed(out, "- ", expected.subList(prefix, expected.size() - suffix));
    changed(out, "+ ", actual.subList(prefix, actual.size() - suffix));
    int after = expected.size() - suffix;
    for (int i = after; i < Math.min(expected.size(), after + CONTEXT); i++) {
      out.append("  ").append(expected.get(i)).append('\n');
    }
    return out.toString();
  }

  private static void changed(StringBuilder out, String marker, List<String> lines) {
    for (int i = 0; i < Math.min(lines.size(), MAX_CHANGED); i++) {
      out.append(marker).append(lines.get(i)).append('\n');
    }
    if (lines.size() > MAX_CHANGED) {
      out.append(marker).append("... ").append(lines.size() - MAX_CHANGED).append(" more lines\n");
    }
  }
}
