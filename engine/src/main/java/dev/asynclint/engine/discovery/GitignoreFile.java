package dev.asynclint.engine.discovery;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The patterns of one {@code .gitignore} file (or {@code .git/info/exclude}), read as git reads
 * them: blank lines and {@code #} comments skipped, trailing spaces dropped unless escaped, {@code
 * !} negating, a trailing {@code /} matching directories only, a {@code /} at the start or in the
 * middle anchoring the pattern to the file's directory (otherwise it matches at any depth), {@code
 * *}, {@code ?} and {@code [...]} within one segment, {@code **} as a whole segment across
 * directories, and {@code \} escaping the next character. The last matching pattern decides.
 */
final class GitignoreFile {
  /** What a file says of a path. */
  enum Verdict {
    /** No pattern matches: ask the file of the directory above. */
    NONE,
    IGNORED,
    /** A negated pattern matches: the path is re-included. */
    KEPT
  }

  private record Rule(Pattern regex, boolean negated, boolean directoryOnly) {}

  private final List<Rule> rules;

  private GitignoreFile(List<Rule> rules) {
    this.rules = rules;
  }

  static GitignoreFile parse(String text) {
    List<Rule> rules = new ArrayList<>();
    for (String line : text.split("\r?\n|\r")) {
      Rule rule = parseLine(line);
      if (rule != null) {
        rules.add(rule);
      }
    }
    return new GitignoreFile(rules);
  }

  boolean isEmpty() {
    return rules.isEmpty();
  }

  /**
   * The verdict of the last pattern matching {@code relativePath} (relative to this file's
   * directory, {@code /}-separated).
   */
  Verdict match(String relativePath, boolean isDirectory) {
    for (int i = rules.size() - 1; i >= 0; i--) {
      Rule rule = rules.get(i);
      if (rule.directoryOnly && !isDirectory) {
        continue;
      }
      if (rule.regex.matcher(relativePath).matches()) {
        return rule.negated ? Verdict.KEPT : Verdict.IGNORED;
      }
    }
    return Verdict.NONE;
  }

  private static Rule parseLine(String line) {
    int end = line.length();
    while (end > 0 && line.charAt(end - 1) == ' ' && !escaped(line, end - 1)) {
      end--;
    }
    String pattern = line.substring(0, end);
    if (pattern.isEmpty() || pattern.startsWith("#")) {
      return null;
    }
    boolean negated = pattern.startsWith("!");
    if (negated) {
      pattern = pattern.substring(1);
    }
    boolean directoryOnly = pattern.endsWith("/") && !escaped(pattern, pattern.length() - 1);
    if (directoryOnly) {
      pattern = pattern.substring(0, pattern.length() - 1);
    }
    if (pattern.isEmpty()) {
      return null;
    }
    boolean anchored = pattern.indexOf('/') >= 0;
    if (pattern.startsWith("/")) {
      pattern = pattern.substring(1);
    }
    String regex = (anchored ? "" : "(?:.*/)?") + translate(pattern);
    try {
      return new Rule(Pattern.compile(regex), negated, directoryOnly);
    } catch (PatternSyntaxException e) {
      // git skips a pattern it cannot read; so do we.
      return null;
    }
  }

  /** Whether the character at {@code index} is escaped by an odd run of backslashes. */
  private static boolean escaped(String text, int index) {
    int backslashes = 0;
    for (int i = index - 1; i >= 0 && text.charAt(i) == '\\'; i--) {
      backslashes++;
    }
    return backslashes % 2 == 1;
  }

  private static String translate(String glob) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    int length = glob.length();
    while (i < length) {
      char c = glob.charAt(i);
      if (c == '*' && i + 1 < length && glob.charAt(i + 1) == '*' && wholeSegment(glob, i)) {
        if (i + 2 == length) {
          out.append(".*");
          i += 2;
        } else {
          // `**/`: no directory or any number of them.
          out.append("(?:.*/)?");
          i += 3;
        }
      } else if (c == '*') {
        // Other runs of asterisks are plain asterisks.
        while (i < length && glob.charAt(i) == '*') {
          i++;
        }
        out.append("[^/]*");
      } else if (c == '?') {
        out.append("[^/]");
        i++;
      } else if (c == '[' && classEnd(glob, i) > 0) {
        int close = classEnd(glob, i);
        out.append(characterClass(glob.substring(i + 1, close)));
        i = close + 1;
      } else if (c == '\\' && i + 1 < length) {
        literal(out, glob.charAt(i + 1));
        i += 2;
      } else {
        literal(out, c);
        i++;
      }
    }
    return out.toString();
  }

  private static boolean wholeSegment(String glob, int star) {
    boolean start = star == 0 || glob.charAt(star - 1) == '/';
    int after = star + 2;
    return start && (after == glob.length() || glob.charAt(after) == '/');
  }

  /** The index of the {@code ]} closing the class opened at {@code open}, or -1 if unclosed. */
  private static int classEnd(String glob, int open) {
    int i = open + 1;
    if (i < glob.length() && (glob.charAt(i) == '!' || glob.charAt(i) == '^')) {
      i++;
    }
    // A `]` right after the opening (and its negation) is a member.
    if (i < glob.length() && glob.charAt(i) == ']') {
      i++;
    }
    for (; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == ']') {
        return i;
      }
    }
    return -1;
  }

  private static String characterClass(String body) {
    int i = 0;
    boolean negated = !body.isEmpty() && (body.charAt(0) == '!' || body.charAt(0) == '^');
    if (negated) {
      i++;
    }
    StringBuilder members = new StringBuilder();
    while (i < body.length()) {
      char c = body.charAt(i);
      if (c == '\\' && i + 1 < body.length()) {
        c = body.charAt(++i);
      }
      if (i + 2 < body.length() && body.charAt(i + 1) == '-') {
        char high = body.charAt(i + 2);
        // A reversed range matches nothing, as in git.
        if (c <= high) {
          members.append(classMember(c)).append('-').append(classMember(high));
        }
        i += 3;
      } else {
        members.append(classMember(c));
        i++;
      }
    }
    if (members.length() == 0) {
      return "(?!)";
    }
    return negated ? "[^/" + members + "]" : "(?!/)[" + members + "]";
  }

  private static String classMember(char c) {
    return "\\[]^-&".indexOf(c) >= 0 ? "\\" + c : String.valueOf(c);
  }

  private static void literal(StringBuilder out, char c) {
    if (c < 0x80 && !Character.isLetterOrDigit(c)) {
      out.append('\\');
    }
    out.append(c);
  }
}
