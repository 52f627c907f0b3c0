package dev.asynclint.engine.fix;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of two texts by lines, as {@code diff -u} and Python's {@code
 * difflib.unified_diff} print it: {@code --- a/path}, {@code +++ b/path}, then hunks with three
 * lines of context. Lines are compared with their line endings, which are printed as they are; a
 * last line without one is followed by {@code \ No newline at end of file}. The line matching is
 * Myers' O((N+M)D) shortest edit script, after the common head and tail are set aside.
 */
public final class UnifiedDiff {
  /** Lines of context around each change. */
  public static final int CONTEXT = 3;

  private static final String NO_NEWLINE = "\\ No newline at end of file\n";

  private UnifiedDiff() {}

  /** The diff from {@code before} to {@code after} of the file {@code path}; empty when equal. */
  public static String of(String path, String before, String after) {
    if (before.equals(after)) {
      return "";
    }
    List<String> a = lines(before);
    List<String> b = lines(after);
    List<Opcode> opcodes = opcodes(a, b);
    StringBuilder out = new StringBuilder();
    out.append("--- a/").append(path).append('\n');
    out.append("+++ b/").append(path).append('\n');
    for (List<Opcode> group : groups(opcodes, CONTEXT)) {
      Opcode first = group.get(0);
      Opcode last = group.get(group.size() - 1);
      out.append("@@ -")
          .append(range(first.i1, last.i2))
          .append(" +")
          .append(range(first.j1, last.j2))
          .append(" @@\n");
      for (Opcode opcode : group) {
        if (opcode.tag == Tag.EQUAL) {
          append(out, ' ', a, opcode.i1, opcode.i2);
          continue;
        }
        append(out, '-', a, opcode.i1, opcode.i2);
        append(out, '+', b, opcode.j1, opcode.j2);
      }
    }
    return out.toString();
  }

  /**
   * The lines of {@code text}, each with its line ending ({@code \n}, {@code \r\n} or {@code \r}).
   */
  static List<String> lines(String text) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        lines.add(text.substring(start, i + 1));
        start = i + 1;
      }
    }
    if (start < text.length()) {
      lines.add(text.substring(start));
    }
    return lines;
  }

  private static void append(StringBuilder out, char prefix, List<String> lines, int from, int to) {
    for (int i = from; i < to; i++) {
      String line = lines.get(i);
      out.append(prefix).append(line);
      if (!line.endsWith("\n") && !line.endsWith("\r")) {
        out.append('\n').append(NO_NEWLINE);
      }
    }
  }

  /** difflib's {@code _format_range_unified}: 1-based start, and the length unless it is 1. */
  private static String range(int start, int stop) {
    int beginning = start + 1;
    int length = stop - start;
    if (length == 1) {
      return Integer.toString(beginning);
    }
    if (length == 0) {
      beginning--;
    }
    return beginning + "," + length;
  }

  enum Tag {
    EQUAL,
    REPLACE
  }

  /** Lines {@code [i1, i2)} of the old text became lines {@code [j1, j2)} of the new one. */
  record Opcode(Tag tag, int i1, int i2, int j1, int j2) {}

  /** difflib's {@code get_grouped_opcodes}: the changes with context, close ones in one hunk. */
  static List<List<Opcode>> groups(List<Opcode> opcodes, int context) {
    List<Opcode> codes = new ArrayList<>(opcodes);
    List<List<Opcode>> groups = new ArrayList<>();
    if (codes.isEmpty()) {
      return groups;
    }
    Opcode head = codes.get(0);
    if (head.tag == Tag.EQUAL) {
      codes.set(
          0,
          new Opcode(
              Tag.EQUAL,
              Math.max(head.i1, head.i2 - context),
              head.i2,
              Math.max(head.j1, head.j2 - context),
              head.j2));
    }
    Opcode tail = codes.get(codes.size() - 1);
    if (tail.tag == Tag.EQUAL) {
      codes.set(
          codes.size() - 1,
          new Opcode(
              Tag.EQUAL,
              tail.i1,
              Math.min(tail.i2, tail.i1 + context),
              tail.j1,
              Math.min(tail.j2, tail.j1 + context)));
    }
    List<Opcode> group = new ArrayList<>();
    for (Opcode code : codes) {
      int i1 = code.i1;
      int j1 = code.j1;
      if (code.tag == Tag.EQUAL && code.i2 - code.i1 > 2 * context) {
        group.add(
            new Opcode(
                Tag.EQUAL,
                code.i1,
                Math.min(code.i2, code.i1 + context),
                code.j1,
                Math.min(code.j2, code.j1 + context)));
        groups.add(group);
        group = new ArrayList<>();
        i1 = Math.max(code.i1, code.i2 - context);
        j1 = Math.max(code.j1, code.j2 - context);
      }
      group.add(new Opcode(code.tag, i1, code.i2, j1, code.j2));
    }
    if (!group.isEmpty() && !(group.size() == 1 && group.get(0).tag == Tag.EQUAL)) {
      groups.add(group);
    }
    // The first group may be the trimmed context alone, before the first change.
    groups.removeIf(g -> g.stream().allMatch(code -> code.tag == Tag.EQUAL));
    return groups;
  }

  /** The runs of equal and changed lines from {@code a} to {@code b}, in order. */
  static List<Opcode> opcodes(List<String> a, List<String> b) {
    int n = a.size();
    int m = b.size();
    int prefix = 0;
    while (prefix < n && prefix < m && a.get(prefix).equals(b.get(prefix))) {
      prefix++;
    }
    int suffix = 0;
    while (suffix < n - prefix
        && suffix < m - prefix
        && a.get(n - 1 - suffix).equals(b.get(m - 1 - suffix))) {
      suffix++;
    }
    // Whether each line of the middles is kept (part of the common subsequence).
    boolean[] keptA = new boolean[n];
    boolean[] keptB = new boolean[m];
    for (int i = 0; i < prefix; i++) {
      keptA[i] = true;
      keptB[i] = true;
    }
    for (int i = 0; i < suffix; i++) {
      keptA[n - 1 - i] = true;
      keptB[m - 1 - i] = true;
    }
    myers(a.subList(prefix, n - suffix), b.subList(prefix, m - suffix), keptA, keptB, prefix);
    List<Opcode> opcodes = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && keptA[i] && keptB[j]) {
        int i1 = i;
        int j1 = j;
        while (i < n && j < m && keptA[i] && keptB[j]) {
          i++;
          j++;
        }
        opcodes.add(new Opcode(Tag.EQUAL, i1, i, j1, j));
      } else {
        int i1 = i;
        int j1 = j;
        while (i < n && !keptA[i]) {
          i++;
        }
        while (j < m && !keptB[j]) {
          j++;
        }
        opcodes.add(new Opcode(Tag.REPLACE, i1, i, j1, j));
      }
    }
    return opcodes;
  }

  /**
   * Marks the lines of a longest common subsequence of {@code a} and {@code b} as kept, by Myers'
   * greedy forward search for a shortest edit script and a walk back along its trace.
   */
  private static void myers(
      List<String> a, List<String> b, boolean[] keptA, boolean[] keptB, int offset) {
    int n = a.size();
    int m = b.size();
    int max = n + m;
    if (max == 0) {
      return;
    }
    int[] v = new int[2 * max + 2];
    int zero = max + 1;
    List<int[]> trace = new ArrayList<>();
    int depth = -1;
    search:
    for (int d = 0; d <= max; d++) {
      trace.add(v.clone());
      for (int k = -d; k <= d; k += 2) {
        int x;
        if (k == -d || (k != d && v[zero + k - 1] < v[zero + k + 1])) {
          x = v[zero + k + 1];
        } else {
          x = v[zero + k - 1] + 1;
        }
        int y = x - k;
        while (x < n && y < m && a.get(x).equals(b.get(y))) {
          x++;
          y++;
        }
        v[zero + k] = x;
        if (x >= n && y >= m) {
          depth = d;
          break search;
        }
      }
    }
    int x = n;
    int y = m;
    for (int d = depth; d > 0; d--) {
      int[] previous = trace.get(d);
      int k = x - y;
      int previousK =
          k == -d || (k != d && previous[zero + k - 1] < previous[zero + k + 1]) ? k + 1 : k - 1;
      int previousX = previous[zero + previousK];
      int previousY = previousX - previousK;
      while (x > previousX && y > previousY) {
        x--;
        y--;
        keptA[offset + x] = true;
        keptB[offset + y] = true;
      }
      x = previousX;
      y = previousY;
    }
    while (x > 0 && y > 0) {
      x--;
      y--;
      keptA[offset + x] = true;
      keptB[offset + y] = true;
    }
  }
}
