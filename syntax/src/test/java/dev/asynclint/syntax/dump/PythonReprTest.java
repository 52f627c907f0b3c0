package dev.asynclint.syntax.dump;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Expected values are the output of CPython 3.11.7's {@code repr()}, pasted as literals. */
class PythonReprTest {

  static Stream<Arguments> strings() {
    return Stream.of(
        arguments("", "''"),
        arguments("plain", "'plain'"),
        arguments("it's", "\"it's\""),
        arguments("say \"hi\"", "'say \"hi\"'"),
        arguments("both ' and \"", "'both \\' and \"'"),
        arguments("back\\slash", "'back\\\\slash'"),
        arguments("tab\tnl\ncr\r", "'tab\\tnl\\ncr\\r'"),
        arguments("\u0000\u0001\u001f", "'\\x00\\x01\\x1f'"),
        arguments("\u007f", "'\\x7f'"),
        arguments("\u0080\u0085\u009f\u00a0\u00a1", "'\\x80\\x85\\x9f\\xa0\u00a1'"),
        arguments("soft\u00adhyphen", "'soft\\xadhyphen'"),
        arguments("line\u2028sep\u2029para", "'line\\u2028sep\\u2029para'"),
        arguments("nb\u00a0sp", "'nb\\xa0sp'"),
        arguments("ideo\u3000space", "'ideo\\u3000space'"),
        arguments("\u200b\ufeff", "'\\u200b\\ufeff'"),
        arguments("caf\u00e9", "'caf\u00e9'"),
        arguments("\u4e2d\u6587", "'\u4e2d\u6587'"),
        arguments("\ud83d\ude00", "'\ud83d\ude00'"),
        arguments("\ud834\udd1e", "'\ud834\udd1e'"),
        arguments("\ud800", "'\\ud800'"),
        arguments("a\udc00b", "'a\\udc00b'"),
        arguments("\ud83d\ud83d", "'\\ud83d\\ud83d'"),
        arguments("\ude00\ud83d", "'\\ude00\\ud83d'"),
        arguments("x\ud83d", "'x\\ud83d'"),
        arguments("\ue000", "'\\ue000'"),
        arguments("\udb80\udc00", "'\\U000f0000'"),
        arguments("\u0378", "'\\u0378'"),
        arguments("\uffff", "'\\uffff'"),
        arguments("\udbff\udfff", "'\\U0010ffff'"),
        arguments("\udb40\udc01", "'\\U000e0001'"),
        // New in Unicode 14.0, which CPython 3.11 follows and Java 17 does not yet know.
        arguments("\u0870\ud83e\udee0", "'\u0870\ud83e\udee0'"),
        arguments("\u0890", "'\\u0890'"));
  }

  @ParameterizedTest
  @MethodSource("strings")
  void str(String value, String expected) {
    assertThat(PythonRepr.str(value)).isEqualTo(expected);
  }

  @Test
  void strOfCodePointsKeepsSurrogatesApart() {
    assertThat(PythonRepr.str(new int[] {0xd83d, 0xde00})).isEqualTo("'\\ud83d\\ude00'");
  }

  @Test
  void appendStrAppendsToWhatIsThere() {
    StringBuilder out = new StringBuilder("value=");
    PythonRepr.appendStr(out, "it's");
    assertThat(out).hasToString("value=\"it's\"");
  }

  static Stream<Arguments> bytesValues() {
    return Stream.of(
        arguments("", "b''"),
        arguments("it's", "b\"it's\""),
        arguments("say \"hi\"", "b'say \"hi\"'"),
        arguments("both ' and \"", "b'both \\' and \"'"),
        arguments("\\", "b'\\\\'"));
  }

  @ParameterizedTest
  @MethodSource("bytesValues")
  void bytes(String latin1, String expected) {
    assertThat(PythonRepr.bytes(latin1.getBytes(ISO_8859_1))).isEqualTo(expected);
  }

  @Test
  void bytesWithEveryValue() {
    byte[] all = new byte[256];
    for (int i = 0; i < all.length; i++) {
      all[i] = (byte) i;
    }
    assertThat(PythonRepr.bytes(all))
        .isEqualTo(
            "b'\\x00\\x01\\x02\\x03\\x04\\x05\\x06\\x07\\x08\\t\\n"
                + "\\x0b\\x0c\\r"
                + "\\x0e\\x0f"
                + "\\x10\\x11\\x12\\x13\\x14\\x15\\x16\\x17\\x18\\x19\\x1a\\x1b\\x1c\\x1d\\x1e\\x1f"
                + " !\"#$%&\\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\\\]^_`"
                + "abcdefghijklmnopqrstuvwxyz{|}~\\x7f"
                + "\\x80\\x81\\x82\\x83\\x84\\x85\\x86\\x87\\x88\\x89\\x8a\\x8b\\x8c\\x8d\\x8e\\x8f"
                + "\\x90\\x91\\x92\\x93\\x94\\x95\\x96\\x97\\x98\\x99\\x9a\\x9b\\x9c\\x9d\\x9e\\x9f"
                + "\\xa0\\xa1\\xa2\\xa3\\xa4\\xa5\\xa6\\xa7\\xa8\\xa9\\xaa\\xab\\xac\\xad\\xae\\xaf"
                + "\\xb0\\xb1\\xb2\\xb3\\xb4\\xb5\\xb6\\xb7\\xb8\\xb9\\xba\\xbb\\xbc\\xbd\\xbe\\xbf"
                + "\\xc0\\xc1\\xc2\\xc3\\xc4\\xc5\\xc6\\xc7\\xc8\\xc9\\xca\\xcb\\xcc\\xcd\\xce\\xcf"
                + "\\xd0\\xd1\\xd2\\xd3\\xd4\\xd5\\xd6\\xd7\\xd8\\xd9\\xda\\xdb\\xdc\\xdd\\xde\\xdf"
                + "\\xe0\\xe1\\xe2\\xe3\\xe4\\xe5\\xe6\\xe7\\xe8\\xe9\\xea\\xeb\\xec\\xed\\xee\\xef"
                + "\\xf0\\xf1\\xf2\\xf3\\xf4\\xf5\\xf6\\xf7\\xf8\\xf9\\xfa\\xfb\\xfc\\xfd\\xfe\\xff'");
  }

  static Stream<Arguments> floats() {
    return Stream.of(
        arguments(0.1, "0.1"),
        arguments(1.0 / 3, "0.3333333333333333"),
        arguments(0.1 + 0.2, "0.30000000000000004"),
        arguments(0.3, "0.3"),
        arguments(2.675, "2.675"),
        arguments(-2.5, "-2.5"),
        arguments(0.0, "0.0"),
        arguments(-0.0, "-0.0"),
        arguments(1.0, "1.0"),
        arguments(100.0, "100.0"),
        arguments(1e15, "1000000000000000.0"),
        arguments(9999999999999998.0, "9999999999999998.0"),
        arguments(1e16, "1e+16"),
        arguments(123456789012345.6, "123456789012345.6"),
        arguments(123456789012345678.0, "1.2345678901234568e+17"),
        arguments(12345678901234567890.0, "1.2345678901234567e+19"),
        arguments(9007199254740993.0, "9007199254740992.0"),
        arguments(1e22, "1e+22"),
        arguments(1e23, "1e+23"),
        arguments(1e100, "1e+100"),
        arguments(1.5e300, "1.5e+300"),
        arguments(1e-4, "0.0001"),
        arguments(0.00012345, "0.00012345"),
        arguments(1e-5, "1e-05"),
        arguments(1e-7, "1e-07"),
        arguments(-1.5e-300, "-1.5e-300"),
        arguments(Double.MIN_VALUE, "5e-324"),
        arguments(Math.scalb(1.0, -1073), "1e-323"),
        arguments(3 * Double.MIN_VALUE, "1.5e-323"),
        arguments(Double.MIN_NORMAL, "2.2250738585072014e-308"),
        arguments(Double.MIN_NORMAL - Double.MIN_VALUE, "2.225073858507201e-308"),
        arguments(Double.MAX_VALUE, "1.7976931348623157e+308"),
        // Powers of two whose shortest repr lies on the far side of the nearest 16-digit decimal.
        arguments(Math.scalb(1.0, -1017), "7.120236347223045e-307"),
        arguments(Math.scalb(1.0, -1007), "7.291122019556398e-304"),
        arguments(Double.POSITIVE_INFINITY, "inf"),
        arguments(Double.NEGATIVE_INFINITY, "-inf"),
        arguments(Double.NaN, "nan"),
        arguments(Double.longBitsToDouble(0xfff8000000000000L), "nan"));
  }

  @ParameterizedTest
  @MethodSource("floats")
  void floatRepr(double value, String expected) {
    assertThat(PythonRepr.floatRepr(value)).isEqualTo(expected);
  }

  @Test
  void floatReprMatchesCpythonOnSampledDoubles() throws IOException {
    List<String> mismatches = new ArrayList<>();
    int checked = 0;
    try (InputStream in = PythonReprTest.class.getResourceAsStream("float-reprs.txt");
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.startsWith("#")) {
          continue;
        }
        String[] fields = line.split(" ");
        double value = Double.longBitsToDouble(Long.parseUnsignedLong(fields[0], 16));
        String actual = PythonRepr.floatRepr(value);
        if (!actual.equals(fields[1])) {
          mismatches.add(line + " but got " + actual);
        }
        checked++;
      }
    }
    assertThat(checked).isEqualTo(3000);
    assertThat(mismatches).isEmpty();
  }

  static Stream<Arguments> complexValues() {
    return Stream.of(
        arguments(0.0, 1.0, "1j"),
        arguments(0.0, 2.5, "2.5j"),
        arguments(0.0, 1e16, "1e+16j"),
        arguments(0.0, 1e-5, "1e-05j"),
        arguments(0.0, Double.POSITIVE_INFINITY, "infj"),
        arguments(0.0, 0.0, "0j"),
        arguments(0.0, -0.0, "-0j"),
        arguments(0.0, Double.longBitsToDouble(0xfff8000000000000L), "nanj"),
        arguments(-0.0, -1.0, "(-0-1j)"),
        arguments(-0.0, 0.0, "(-0+0j)"),
        arguments(-1.0, 0.0, "(-1+0j)"),
        arguments(1.0, 2.0, "(1+2j)"),
        arguments(1.5, -2.25, "(1.5-2.25j)"),
        arguments(0.1, 100.0, "(0.1+100j)"),
        arguments(1e16, 1e-5, "(1e+16+1e-05j)"),
        arguments(Double.NaN, 1.0, "(nan+1j)"),
        arguments(1.0, Double.NaN, "(1+nanj)"),
        arguments(Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, "(-inf-infj)"));
  }

  @ParameterizedTest
  @MethodSource("complexValues")
  void complexRepr(double real, double imag, String expected) {
    assertThat(PythonRepr.complexRepr(real, imag)).isEqualTo(expected);
  }

  static Stream<Arguments> bigInts() {
    return Stream.of(
        arguments(BigInteger.ZERO, "0"),
        arguments(BigInteger.ONE.negate(), "-1"),
        arguments(BigInteger.TWO.pow(64), "18446744073709551616"),
        arguments(
            BigInteger.TWO.pow(127).subtract(BigInteger.ONE).negate(),
            "-170141183460469231731687303715884105727"),
        arguments(BigInteger.TEN.pow(40).negate(), "-10000000000000000000000000000000000000000"),
        arguments(
            BigInteger.TWO.pow(200),
            "1606938044258990275541962092341162602522202993782792835301376"));
  }

  @ParameterizedTest
  @MethodSource("bigInts")
  void intReprOfBigInteger(BigInteger value, String expected) {
    assertThat(PythonRepr.intRepr(value)).isEqualTo(expected);
  }

  @Test
  void intReprOfLong() {
    assertThat(PythonRepr.intRepr(0L)).isEqualTo("0");
    assertThat(PythonRepr.intRepr(Long.MAX_VALUE)).isEqualTo("9223372036854775807");
    assertThat(PythonRepr.intRepr(Long.MIN_VALUE)).isEqualTo("-9223372036854775808");
  }
}
