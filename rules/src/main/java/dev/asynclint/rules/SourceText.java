package dev.asynclint.rules;

/** Cheap questions about a module's text, asked before walking its tree. */
public final class SourceText {
  private SourceText() {}

  /**
   * Whether {@code word} stands in the text between non-identifier characters: a module without the
   * word {@code await} has no await expression, and its tree need not be walked for one.
   */
  public static boolean containsWord(String text, String word) {
    for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      int end = at + word.length();
      if ((at == 0 || !Character.isJavaIdentifierPart(text.charAt(at - 1)))
          && (end == text.length() || !Character.isJavaIdentifierPart(text.charAt(end)))) {
        return true;
      }
    }
    return false;
  }
}
