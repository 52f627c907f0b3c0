package dev.asynclint.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReportFormatTest {
  @Test
  void parsesCommandLineNames() {
    assertThat(Format.parse("text")).isEqualTo(Format.TEXT);
    assertThat(Format.parse("json")).isEqualTo(Format.JSON);
    assertThat(Format.parse("sarif")).isEqualTo(Format.SARIF);
    assertThat(Format.parse("github")).isEqualTo(Format.GITHUB);
    assertThat(Format.parse("html")).isEqualTo(Format.HTML);
    assertThatThrownBy(() -> Format.parse("TEXT"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "unknown output format 'TEXT' (expected one of: text, json, sarif, github, html)");
  }

  @Test
  void reporterPerFormat() {
    assertThat(Format.TEXT.reporter(ReportOptions.DEFAULT)).isInstanceOf(TextReporter.class);
    assertThat(Format.JSON.reporter(ReportOptions.DEFAULT)).isInstanceOf(JsonReporter.class);
    assertThat(Format.SARIF.reporter(ReportOptions.DEFAULT)).isInstanceOf(SarifReporter.class);
    assertThat(Format.GITHUB.reporter(ReportOptions.DEFAULT)).isInstanceOf(GithubReporter.class);
    assertThat(Format.HTML.reporter(ReportOptions.DEFAULT)).isInstanceOf(HtmlReporter.class);
  }

  @Test
  void statisticsOnlyInTextAndJson() {
    ReportOptions statistics = ReportOptions.DEFAULT.withStatistics(true);
    assertThat(Format.TEXT.reporter(statistics)).isInstanceOf(TextStatisticsReporter.class);
    assertThat(Format.JSON.reporter(statistics)).isInstanceOf(JsonStatisticsReporter.class);
    assertThat(Format.SARIF.supportsStatistics()).isFalse();
    assertThatThrownBy(() -> Format.SARIF.reporter(statistics))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--statistics is not supported with --format sarif (use text or json)");
    assertThatThrownBy(() -> Format.GITHUB.reporter(statistics))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void onlyJsonLeavesFileErrorsToTheCaller() {
    assertThat(Format.JSON.reportsFileErrors()).isFalse();
    assertThat(Format.TEXT.reportsFileErrors()).isTrue();
    assertThat(Format.SARIF.reportsFileErrors()).isTrue();
    assertThat(Format.GITHUB.reportsFileErrors()).isTrue();
    assertThat(Format.HTML.reportsFileErrors()).isTrue();
  }
}
