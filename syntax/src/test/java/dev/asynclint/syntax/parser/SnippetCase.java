package dev.asynclint.syntax.parser;

import java.util.Map;

/**
 * One Python snippet of a test corpus: its name, its exact source text, the flags of its header (a
 * flag without a value maps to the empty string) and the note after {@code --}.
 */
record SnippetCase(String name, String source, Map<String, String> flags, String note) {
  SnippetCase {
    flags = Map.copyOf(flags);
  }

  boolean has(String flag) {
    return flags.containsKey(flag);
  }

  /** The value of {@code flag}, or null when the header does not have it. */
  String flag(String flag) {
    return flags.get(flag);
  }

  @Override
  public String toString() {
    return name;
  }
}
