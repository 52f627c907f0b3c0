package dev.asynclint.syntax.parser;

import java.text.Normalizer;

/**
 * One string for every occurrence of an identifier. A project repeats a few thousand names hundreds
 * of thousands of times; sharing them keeps them out of the allocation and the live heap, and their
 * hash codes are computed once. A table serves the files one thread parses, one after the other,
 * and starts over when it grows past its bound.
 */
final class Identifiers {
  private static final int MAX_ENTRIES = 1 << 14;
  private static final ThreadLocal<Identifiers> PER_THREAD =
      ThreadLocal.withInitial(Identifiers::new);

  /** Open addressing; the hash codes beside the strings, so a probe reads no string it skips. */
  private String[] strings = new String[1 << 12];

  private int[] hashes = new int[1 << 12];
  private int shift = Integer.SIZE - 12;
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
    int mask = strings.length - 1;
    int slot = slot(hash);
    for (String known = strings[slot]; known != null; known = strings[slot]) {
      if (hashes[slot] == hash
          && known.length() == length
          && src.regionMatches(start, known, 0, length)) {
        return known;
      }
      slot = (slot + 1) & mask;
    }
    String identifier = src.substring(start, end);
    identifier.hashCode(); // computed here, cached in the string for every later map lookup
    if (count >= MAX_ENTRIES) {
      strings = new String[strings.length];
      hashes = new int[hashes.length];
      count = 0;
      slot = slot(hash);
    } else if (2 * (count + 1) > strings.length) {
      grow();
      slot = free(hash);
    }
    strings[slot] = identifier;
    hashes[slot] = hash;
    count++;
    return identifier;
  }

  private void grow() {
    String[] oldStrings = strings;
    int[] oldHashes = hashes;
    strings = new String[oldStrings.length * 2];
    hashes = new int[oldHashes.length * 2];
    shift--;
    for (int i = 0; i < oldStrings.length; i++) {
      if (oldStrings[i] != null) {
        int slot = free(oldHashes[i]);
        strings[slot] = oldStrings[i];
        hashes[slot] = oldHashes[i];
      }
    }
  }

  private int free(int hash) {
    int mask = strings.length - 1;
    int slot = slot(hash);
    while (strings[slot] != null) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  /** Fibonacci hashing: names differing in their last letters land far apart. */
  private int slot(int hash) {
    return (hash * 0x9E3779B9) >>> shift;
  }
}
