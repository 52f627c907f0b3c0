package dev.asynclint.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SarifReportUriTest {
  @Test
  void relativePathsStayRelative() {
    assertThat(SarifUri.of("pkg/app.py", '/')).isEqualTo("pkg/app.py");
    assertThat(SarifUri.of("./pkg/app.py", '/')).isEqualTo("pkg/app.py");
    assertThat(SarifUri.of("../other/app.py", '/')).isEqualTo("../other/app.py");
  }

  @Test
  void reservedAndNonAsciiCharactersArePercentEncoded() {
    assertThat(SarifUri.of("my dir/a#1%?.py", '/')).isEqualTo("my%20dir/a%231%25%3F.py");
    assertThat(SarifUri.of("c:d.py", '/')).isEqualTo("c%3Ad.py");
    assertThat(SarifUri.of("données/é.py", '/')).isEqualTo("donn%C3%A9es/%C3%A9.py");
    assertThat(SarifUri.of("a\\b.py", '/')).isEqualTo("a%5Cb.py");
  }

  @Test
  void backslashesSeparateNamesOnWindows() {
    assertThat(SarifUri.of("pkg\\app.py", '\\')).isEqualTo("pkg/app.py");
    assertThat(SarifUri.of("C:\\src\\my app.py", '\\')).isEqualTo("file:///C:/src/my%20app.py");
    assertThat(SarifUri.of("\\\\server\\share\\a.py", '\\')).isEqualTo("file://server/share/a.py");
  }

  @Test
  void absolutePathsBecomeFileUris() {
    assertThat(SarifUri.of("/home/me/app.py", '/')).isEqualTo("file:///home/me/app.py");
    assertThat(SarifUri.of("/tmp/a:b.py", '/')).isEqualTo("file:///tmp/a:b.py");
  }
}
