package dev.asynclint.text;

/** A half-open range {@code [start, end)} of UTF-16 offsets into a source text. */
public record TextRange(int start, int end) {
  public TextRange {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad range [" + start + ", " + end + ")");
    }
  }

  public int length() {
    return end - start;
  }

  public boolean contains(int offset) {
    return start <= offset && offset < end;
  }

  public boolean contains(TextRange other) {
    return start <= other.start && other.end <= end;
  }
}
