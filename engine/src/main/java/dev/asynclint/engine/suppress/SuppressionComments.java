package dev.asynclint.engine.suppress;

import dev.asynclint.text.TextRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the suppression directives of one comment: {@code # noqa}, {@code # noqa: ASY200,ASY301}
 * and {@code # asynclint: file-ignore[ASY6]}. A comment may hold several, each starting at a {@code
 * #} ({@code # type: ignore # noqa: ASY200}). As in ruff and flake8, the word {@code noqa} is
 * case-insensitive, the codes are not: a code is upper-case letters followed by digits, codes are
 * separated by commas and/or whitespace, and the list ends at the first word that is not a code;
 * {@code # noqa:} with no code is a bare {@code # noqa}.
 */
final class SuppressionComments {
  private static final String FILE_IGNORE = "file-ignore[";

  private final String source;
  private final List<NoqaDirective> noqa = new ArrayList<>();
  private final List<String> fileIgnores = new ArrayList<>();

  SuppressionComments(String source) {
    this.source = source;
  }

  List<NoqaDirective> noqa() {
    return noqa;
  }

  List<String> fileIgnores() {
    return fileIgnores;
  }

  /** Reads the comment at {@code comment}, which is on the 1-based {@code line}. */
  void read(TextRange comment, int line) {
    int end = comment.end();
    for (int hash = source.indexOf('#', comment.start());
        hash >= 0 && hash < end;
        hash = source.indexOf('#', hash + 1)) {
      int at = skipSpaces(hash + 1, end);
      if (startsWithIgnoreCase(at, end, "noqa")) {
        readNoqa(hash, at + 4, end, line);
      } else if (source.startsWith("asynclint:", at) && at + 10 <= end) {
        readFileIgnore(skipSpaces(at + 10, end), end);
      }
    }
  }

  private void readNoqa(int hash, int at, int end, int line) {
    if (at < end && source.charAt(at) != ':' && isWordChar(source.charAt(at))) {
      return; // `# noqaxyz` is not a directive
    }
    List<NoqaCode> codes = new ArrayList<>();
    int last = at;
    if (at < end && source.charAt(at) == ':') {
      int pos = skipSeparators(at + 1, end);
      if (codeEnd(pos, end) < 0) {
        return; // `# noqa: e501`, `# noqa:`: not a list of codes, so no directive (as in ruff)
      }
      while (true) {
        int codeEnd = codeEnd(pos, end);
        if (codeEnd < 0) {
          break;
        }
        codes.add(new NoqaCode(source.substring(pos, codeEnd), new TextRange(pos, codeEnd)));
        last = codeEnd;
        pos = skipSeparators(codeEnd, end);
      }
    }
    noqa.add(new NoqaDirective(line, new TextRange(hash, last), codes));
  }

  private void readFileIgnore(int at, int end) {
    if (!source.startsWith(FILE_IGNORE, at)) {
      return;
    }
    int open = at + FILE_IGNORE.length();
    int close = source.indexOf(']', open);
    if (close < 0 || close > end) {
      return;
    }
    for (String prefix : source.substring(open, close).split("[,\\s]+")) {
      if (!prefix.isEmpty()) {
        fileIgnores.add(prefix);
      }
    }
  }

  /** The end of the code starting at {@code pos} ({@code [A-Z]+[0-9]+}), or -1 if none does. */
  private int codeEnd(int pos, int end) {
    int i = pos;
    while (i < end && source.charAt(i) >= 'A' && source.charAt(i) <= 'Z') {
      i++;
    }
    if (i == pos) {
      return -1;
    }
    int digits = i;
    while (i < end && source.charAt(i) >= '0' && source.charAt(i) <= '9') {
      i++;
    }
    if (i == digits || (i < end && isWordChar(source.charAt(i)))) {
      return -1;
    }
    return i;
  }

  private boolean startsWithIgnoreCase(int at, int end, String word) {
    return at + word.length() <= end
        && source.substring(at, at + word.length()).toLowerCase(Locale.ROOT).equals(word);
  }

  private int skipSpaces(int pos, int end) {
    while (pos < end && (source.charAt(pos) == ' ' || source.charAt(pos) == '\t')) {
      pos++;
    }
    return pos;
  }

  private int skipSeparators(int pos, int end) {
    while (pos < end && (source.charAt(pos) == ',' || Character.isWhitespace(source.charAt(pos)))) {
      pos++;
    }
    return pos;
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-';
  }
}
