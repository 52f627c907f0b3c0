package dev.asynclint.lint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A repair: non-overlapping edits of one file, in order, with how safe applying them is. */
public record Fix(String title, FixAvailability applicability, List<Edit> edits) {
  public Fix {
    if (applicability == FixAvailability.NONE) {
      throw new IllegalArgumentException("a fix is safe or unsafe");
    }
    List<Edit> sorted = new ArrayList<>(edits);
    sorted.sort(Comparator.comparingInt((Edit edit) -> edit.range().start()));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).range().start() < sorted.get(i - 1).range().end()) {
        throw new IllegalArgumentException("overlapping edits in fix: " + title);
      }
    }
    edits = List.copyOf(sorted);
  }
}
