package dev.asynclint.report;

import dev.asynclint.lint.Severity;

/** Terminal colours for the text report, or plain text when colour is off. */
final class Ansi {
  private static final String RESET = "\u001b[0m";
  private static final String BOLD = "1";
  private static final String BOLD_RED = "1;31";
  private static final String BOLD_GREEN = "1;32";
  private static final String BOLD_YELLOW = "1;33";
  private static final String BOLD_BLUE = "1;34";
  private static final String CYAN = "36";

  private final boolean enabled;

  Ansi(boolean enabled) {
    this.enabled = enabled;
  }

  String bold(String text) {
    return style(BOLD, text);
  }

  /** Red for errors, yellow for warnings, blue for info. */
  String severity(Severity severity, String text) {
    switch (severity) {
      case ERROR:
        return style(BOLD_RED, text);
      case WARNING:
        return style(BOLD_YELLOW, text);
      default:
        return style(BOLD_BLUE, text);
    }
  }

  /** The line numbers and bars of a code frame. */
  String gutter(String text) {
    return style(BOLD_BLUE, text);
  }

  /** The {@code [*]} of a fixable finding. */
  String fixMarker(String text) {
    return style(CYAN, text);
  }

  String success(String text) {
    return style(BOLD_GREEN, text);
  }

  String failure(String text) {
    return style(BOLD_RED, text);
  }

  private String style(String code, String text) {
    if (!enabled || text.isEmpty()) {
      return text;
    }
    return "\u001b[" + code + "m" + text + RESET;
  }
}
