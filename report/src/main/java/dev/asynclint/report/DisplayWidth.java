package dev.asynclint.report;

/**
 * How many terminal cells a character takes: none for combining marks and other zero-width
 * characters, two for East Asian wide and fullwidth characters and most emoji, one otherwise.
 */
final class DisplayWidth {
  /** Inclusive ranges of wide code points, after Markus Kuhn's {@code wcwidth} plus emoji. */
  private static final int[][] WIDE = {
    {0x1100, 0x115F},
    {0x2329, 0x232A},
    {0x2E80, 0x303E},
    {0x3040, 0xA4CF},
    {0xAC00, 0xD7A3},
    {0xF900, 0xFAFF},
    {0xFE10, 0xFE19},
    {0xFE30, 0xFE6F},
    {0xFF00, 0xFF60},
    {0xFFE0, 0xFFE6},
    {0x1F300, 0x1F64F},
    {0x1F900, 0x1F9FF},
    {0x20000, 0x2FFFD},
    {0x30000, 0x3FFFD},
  };

  private DisplayWidth() {}

  static int of(int codePoint) {
    int type = Character.getType(codePoint);
    if (type == Character.NON_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || type == Character.FORMAT) {
      return 0;
    }
    for (int[] range : WIDE) {
      if (codePoint < range[0]) {
        return 1;
      }
      if (codePoint <= range[1]) {
        return 2;
      }
    }
    return 1;
  }
}
