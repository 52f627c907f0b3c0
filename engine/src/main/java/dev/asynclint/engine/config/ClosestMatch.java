package dev.asynclint.engine.config;

import java.util.Collection;
import java.util.Optional;

/** The candidate nearest to a misspelled word, for "did you mean" hints. */
final class ClosestMatch {
  private ClosestMatch() {}

  /**
   * The candidate with the smallest edit distance to {@code word}, if it is close enough to be a
   * plausible typo: at most a third of the word's length, and at least 2 edits allowed.
   */
  static Optional<String> among(String word, Collection<String> candidates) {
    int limit = Math.max(2, word.length() / 3);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int distance = distance(word, candidate);
      if (distance <= limit && distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return Optional.ofNullable(best);
  }

  /** The Levenshtein distance between two words. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
