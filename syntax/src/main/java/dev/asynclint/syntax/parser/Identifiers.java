package dev.asynclint.syntax.parser;

import java.text.Normalizer;

/**
 * One string for every occurrence of an identifier. A project repeats a few thousand names hundreds
 * of thousands of times; sharing them keeps them out of the allocation and the live heap, and their
 * hash codes are computed once. A table serves the files one thread parses, one after the other,
 * and starts over when it grows past its bound.
 */
final class Identifiers {
  private static final int MAX_ENTRIES = 1 << 17;
  private static final ThreadLocal<Identifiers> PER_THREAD =
      ThreadLocal.withInitial(Identifiers::new);

  private String[] table = new String[1 << 12];
  private int count;

  static Identifiers ofThisThread() {
    return PER_THREAD.get();
  }

  /** The identifier written at {@code src[start, end)}; non-ASCII ones NFKC-normalized. */
  String of(String src, int start, int end) {
    int hash = 0;
    for (int i = start; i < end; i++) {
      char c = src.charAt(i);
      if (c >= 0x80) {
        return Normalizer.normalize(src.substring(start, end), Normalizer.Form.NFKC);
      }
      hash = 31 * hash + c;
    }
    int length = end - start;
    int mask = table.length - 1;
    int slot = spread(hash) & mask;
    for (String known = table[slot]; known != null; known = table[slot]) {
      if (known.hashCode() == hash
          && known.length() == length
          && src.regionMatches(start, known, 0, length)) {
        return known;
      }
      slot = (slot + 1) & mask;
    }
    String identifier = src.substring(start, end);
    identifier.hashCode(); // computed here, cached in the string for every later map lookup
    if (count >= MAX_ENTRIES) {
      table = new String[table.length];
      count = 0;
      slot = spread(hash) & mask;
    } else if (2 * (count + 1) > table.length) {
      grow();
      mask = table.length - 1;
      slot = spread(hash) & mask;
      while (table[slot] != null) {
        slot = (slot + 1) & mask;
      }
    }
    table[slot] = identifier;
    count++;
    return identifier;
  }

  private void grow() {
    String[] old = table;
    table = new String[old.length * 2];
    int mask = table.length - 1;
    for (String known : old) {
      if (known != null) {
        int slot = spread(known.hashCode()) & mask;
        while (table[slot] != null) {
          slot = (slot + 1) & mask;
        }
        table[slot] = known;
      }
    }
  }

  private static int spread(int hash) {
    return hash ^ (hash >>> 16);
  }
}
