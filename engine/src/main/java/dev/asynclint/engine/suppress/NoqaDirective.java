package dev.asynclint.engine.suppress;

import dev.asynclint.text.TextRange;
import java.util.List;

/**
 * A {@code # noqa} comment: bare (it silences every finding of its line) or with codes.
 *
 * @param line the 1-based line of the comment
 * @param range the directive from its {@code #} to its last code
 * @param codes the codes it names; empty for a bare {@code # noqa}
 */
public record NoqaDirective(int line, TextRange range, List<NoqaCode> codes) {
  public NoqaDirective {
    codes = List.copyOf(codes);
  }

  public boolean isBare() {
    return codes.isEmpty();
  }
}
