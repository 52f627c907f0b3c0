package dev.asynclint.engine.config;

/** Translates the glob syntax of {@link PathGlob} into a Java regular expression. */
final class GlobTranslator {
  private final String glob;
  private final StringBuilder out = new StringBuilder();
  private int pos;
  private boolean inAlternatives;

  private GlobTranslator(String glob) {
    this.glob = glob;
  }

  /** The regular expression matching what {@code glob} matches, in full. */
  static String toRegex(String glob) {
    GlobTranslator translator = new GlobTranslator(glob);
    translator.run();
    return translator.out.toString();
  }

  private void run() {
    while (pos < glob.length()) {
      char c = glob.charAt(pos);
      if (c == '*') {
        star();
      } else if (c == '?') {
        out.append("[^/]");
        pos++;
      } else if (c == '[') {
        characterClass();
      } else if (c == '{') {
        if (inAlternatives) {
          throw new IllegalArgumentException("nested `{`");
        }
        inAlternatives = true;
        out.append("(?:");
        pos++;
      } else if (c == '}' && inAlternatives) {
        inAlternatives = false;
        out.append(')');
        pos++;
      } else if (c == ',' && inAlternatives) {
        out.append('|');
        pos++;
      } else if (c == '\\') {
        if (pos + 1 == glob.length()) {
          throw new IllegalArgumentException("a `\\` ends the pattern");
        }
        literal(glob.charAt(pos + 1));
        pos += 2;
      } else {
        literal(c);
        pos++;
      }
    }
    if (inAlternatives) {
      throw new IllegalArgumentException("unclosed `{`");
    }
  }

  private void star() {
    if (pos + 1 < glob.length() && glob.charAt(pos + 1) == '*') {
      int after = pos + 2;
      boolean segmentStart = pos == 0 || glob.charAt(pos - 1) == '/';
      boolean segmentEnd = after == glob.length() || glob.charAt(after) == '/';
      if (!segmentStart || !segmentEnd || inAlternatives) {
        throw new IllegalArgumentException("`**` must be a whole path segment");
      }
      if (after == glob.length()) {
        out.append(".*");
        pos = after;
      } else {
        // `**/` matches no directory or any number of them.
        out.append("(?:.*/)?");
        pos = after + 1;
      }
      return;
    }
    out.append("[^/]*");
    pos++;
  }

  private void characterClass() {
    int i = pos + 1;
    boolean negated = i < glob.length() && (glob.charAt(i) == '!' || glob.charAt(i) == '^');
    if (negated) {
      i++;
    }
    StringBuilder members = new StringBuilder();
    boolean first = true;
    while (true) {
      if (i >= glob.length()) {
        throw new IllegalArgumentException("unclosed `[`");
      }
      char low = glob.charAt(i);
      if (low == ']' && !first) {
        break;
      }
      first = false;
      if (i + 2 < glob.length() && glob.charAt(i + 1) == '-' && glob.charAt(i + 2) != ']') {
        char high = glob.charAt(i + 2);
        if (high < low) {
          throw new IllegalArgumentException("reversed range `" + low + "-" + high + "`");
        }
        members.append(classMember(low)).append('-').append(classMember(high));
        i += 3;
      } else {
        members.append(classMember(low));
        i++;
      }
    }
    // A class never matches the separator, as in gitignore and ruff's globs.
    out.append(negated ? "[^/" : "(?!/)[").append(members).append(']');
    pos = i + 1;
  }

  private static String classMember(char c) {
    return "\\[]^-&".indexOf(c) >= 0 ? "\\" + c : String.valueOf(c);
  }

  private void literal(char c) {
    if (c < 0x80 && !Character.isLetterOrDigit(c)) {
      out.append('\\');
    }
    out.append(c);
  }
}
