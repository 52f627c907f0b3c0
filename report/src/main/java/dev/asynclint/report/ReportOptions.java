package dev.asynclint.report;

import dev.asynclint.lint.Fix;
import dev.asynclint.lint.FixAvailability;

/**
 * How the command line asked for a report.
 *
 * @param color whether to colour text output (stdout is a terminal and {@code NO_COLOR} is unset)
 * @param statistics {@code --statistics}: counts per rule instead of the findings
 * @param unsafeFixes {@code --unsafe-fixes}: unsafe fixes count as applicable
 * @param quiet {@code --quiet}: findings only, without the summary
 */
public record ReportOptions(boolean color, boolean statistics, boolean unsafeFixes, boolean quiet) {

  /** No colour, the findings themselves, safe fixes only, with the summary. */
  public static final ReportOptions DEFAULT = new ReportOptions(false, false, false, false);

  public ReportOptions withColor(boolean color) {
    return new ReportOptions(color, statistics, unsafeFixes, quiet);
  }

  public ReportOptions withStatistics(boolean statistics) {
    return new ReportOptions(color, statistics, unsafeFixes, quiet);
  }

  public ReportOptions withUnsafeFixes(boolean unsafeFixes) {
    return new ReportOptions(color, statistics, unsafeFixes, quiet);
  }

  public ReportOptions withQuiet(boolean quiet) {
    return new ReportOptions(color, statistics, unsafeFixes, quiet);
  }

  /** Whether {@code --fix} with these options would apply {@code fix} (which may be null). */
  public boolean applies(Fix fix) {
    return fix != null && (fix.applicability() == FixAvailability.SAFE || unsafeFixes);
  }

  /** Whether {@code fix} exists but needs {@code --unsafe-fixes}, which was not given. */
  public boolean hides(Fix fix) {
    return fix != null && !applies(fix);
  }
}
