package dev.asynclint.report;

import java.io.PrintWriter;

/** Writes the findings of a run in one output format. */
public interface Reporter {
  /** Writes the whole report for {@code input} to {@code out} and flushes it. */
  void write(ReportInput input, PrintWriter out);
}
