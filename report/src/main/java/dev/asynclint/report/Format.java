package dev.asynclint.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The output formats of {@code --format}. */
public enum Format {
  TEXT,
  JSON,
  SARIF,
  GITHUB,
  HTML;

  /**
   * The format named {@code name} as written on the command line ({@code text}, {@code json}...).
   */
  public static Format parse(String name) {
    for (Format format : values()) {
      if (format.label().equals(name)) {
        return format;
      }
    }
    String known = Arrays.stream(values()).map(Format::label).collect(Collectors.joining(", "));
    throw new IllegalArgumentException(
        "unknown output format '" + name + "' (expected one of: " + known + ")");
  }

  /** The name on the command line. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether {@code --statistics} has a form in this format (text and JSON, as in ruff). */
  public boolean supportsStatistics() {
    return this == TEXT || this == JSON;
  }

  /**
   * Whether the report includes {@link ReportInput#errors()}; the JSON array holds findings only,
   * so with that format the caller reports file errors elsewhere (standard error).
   */
  public boolean reportsFileErrors() {
    return this != JSON;
  }

  /**
   * The reporter for this format.
   *
   * @throws IllegalArgumentException when {@code options} ask for statistics this format lacks
   */
  public Reporter reporter(ReportOptions options) {
    if (options.statistics()) {
      switch (this) {
        case TEXT:
          return new TextStatisticsReporter(options);
        case JSON:
          return new JsonStatisticsReporter(options);
        default:
          throw new IllegalArgumentException(
              "--statistics is not supported with --format " + label() + " (use text or json)");
      }
    }
    switch (this) {
      case TEXT:
        return new TextReporter(options);
      case JSON:
        return new JsonReporter();
      case SARIF:
        return new SarifReporter();
      case GITHUB:
        return new GithubReporter();
      case HTML:
        return new HtmlReporter();
      default:
        throw new AssertionError(this);
    }
  }
}
