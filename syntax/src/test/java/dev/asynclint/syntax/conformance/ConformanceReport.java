package dev.asynclint.syntax.conformance;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The outcome of a conformance run: counts per category and the files behind each. */
final class ConformanceReport {
  final List<Path> identical = new ArrayList<>();
  final List<String> different = new ArrayList<>();
  final List<Path> rejectedByBoth = new ArrayList<>();
  final List<String> rejectedOnlyByUs = new ArrayList<>();
  final List<String> rejectedOnlyByCpython = new ArrayList<>();
  final List<String> crashes = new ArrayList<>();

  void add(Path file, Verdict ours, Verdict theirs) {
    if (!ours.accepted() && ours.error().startsWith("CRASH")) {
      crashes.add(file + ": " + ours.error());
    }
    if (ours.accepted() && theirs.accepted()) {
      if (ours.dump().equals(theirs.dump())) {
        identical.add(file);
      } else {
        different.add(file + "\n" + Conformance.firstDifference(ours.dump(), theirs.dump()));
      }
    } else if (!ours.accepted() && !theirs.accepted()) {
      rejectedByBoth.add(file);
    } else if (!ours.accepted()) {
      rejectedOnlyByUs.add(file + ": " + ours.error());
    } else {
      rejectedOnlyByCpython.add(file + ": " + theirs.error());
    }
  }

  int total() {
    return identical.size()
        + different.size()
        + rejectedByBoth.size()
        + rejectedOnlyByUs.size()
        + rejectedOnlyByCpython.size();
  }

  /** The counts, then the first examples of each disagreement. */
  String summary(int examples) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format("files:                     %d%n", total()));
    sb.append(String.format("identical:                 %d%n", identical.size()));
    sb.append(String.format("different:                 %d%n", different.size()));
    sb.append(String.format("rejected by both:          %d%n", rejectedByBoth.size()));
    sb.append(String.format("rejected only by us:       %d%n", rejectedOnlyByUs.size()));
    sb.append(String.format("rejected only by CPython:  %d%n", rejectedOnlyByCpython.size()));
    sb.append(String.format("crashes (ours):            %d%n", crashes.size()));
    section(sb, "different", different, examples);
    section(sb, "rejected only by us", rejectedOnlyByUs, examples);
    section(sb, "rejected only by CPython", rejectedOnlyByCpython, examples);
    section(sb, "crashes", crashes, examples);
    return sb.toString();
  }

  private static void section(StringBuilder sb, String title, List<String> items, int examples) {
    if (items.isEmpty()) {
      return;
    }
    sb.append(String.format("%n%s (first %d):%n", title, Math.min(examples, items.size())));
    for (String item : items.subList(0, Math.min(examples, items.size()))) {
      sb.append("  ").append(item).append('\n');
    }
  }
}
