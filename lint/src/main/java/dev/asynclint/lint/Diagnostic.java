package dev.asynclint.lint;

import dev.asynclint.text.TextRange;
import java.util.List;

/**
 * One finding: a rule, a message, where it is, secondary locations and an optional fix.
 *
 * @param path the file as the user named it (relative stays relative)
 * @param source the text of the file, for line and column and code frames
 */
public record Diagnostic(
    RuleMetadata rule,
    String message,
    String path,
    String source,
    TextRange range,
    List<Related> related,
    Fix fix) {

  public Diagnostic {
    related = List.copyOf(related);
  }
}
