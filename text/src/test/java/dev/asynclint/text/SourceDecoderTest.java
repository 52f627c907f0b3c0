package dev.asynclint.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asynclint.text.DecodeResult.Decoded;
import dev.asynclint.text.DecodeResult.Failed;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Expected results were checked against CPython 3.11.7, running each input as a file ({@code
 * python3 f.py}) and, where the two differ, compiling its bytes ({@code ast.parse}).
 */
class SourceDecoderTest {
  private static final String BOM = "\u00ef\u00bb\u00bf";
  private static final String PEP_263_HINT =
      ", but no encoding declared; see https://peps.python.org/pep-0263/ for details";

  /** The bytes of {@code s}, one per char, so that "\u00e9" stands for the single byte 0xE9. */
  private static byte[] raw(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static DecodeResult decode(String rawBytes) {
    return SourceDecoder.decode(raw(rawBytes), "t.py");
  }

  private static Decoded decoded(String rawBytes) {
    DecodeResult result = decode(rawBytes);
    assertThat(result).isInstanceOf(Decoded.class);
    return (Decoded) result;
  }

  private static Failed failed(String rawBytes) {
    DecodeResult result = decode(rawBytes);
    assertThat(result).isInstanceOf(Failed.class);
    return (Failed) result;
  }

  private static String nonUtf8(int badByte, int line) {
    return String.format(
        "Non-UTF-8 code starting with '\\x%02x' in file t.py on line %d" + PEP_263_HINT,
        badByte,
        line);
  }

  @Nested
  class WithoutDeclaration {
    @Test
    void asciiIsUtf8WithoutBom() {
      assertThat(decode("x = 1\n"))
          .isEqualTo(new Decoded("x = 1\n", StandardCharsets.UTF_8, false));
    }

    @Test
    void emptyFileIsEmptyText() {
      assertThat(decode("")).isEqualTo(new Decoded("", StandardCharsets.UTF_8, false));
    }

    @Test
    void multiByteUtf8IncludingAstralCharacters() {
      String text = "s = 'h\u00e9llo \u2713 \uD835\uDD18'\n";
      DecodeResult result = SourceDecoder.decode(text.getBytes(StandardCharsets.UTF_8), "t.py");
      assertThat(result).isEqualTo(new Decoded(text, StandardCharsets.UTF_8, false));
    }

    @Test
    void lineEndingsAreKeptExactly() {
      String text = "a = 1\r\nb = 2\rc = 3\n\r\n";
      assertThat(decoded(text).text()).isEqualTo(text);
    }

    @Test
    void nulBytesAreLeftToTheTokenizer() {
      assertThat(decoded("x = 1\0\n").text()).isEqualTo("x = 1\0\n");
    }

    @Test
    void badByteOnLineThreeWithCrlfEndings() {
      Failed failed = failed("x = 1\r\ny = 2\r\nz = '\u00e9'\r\n");
      assertThat(failed).isEqualTo(new Failed(3, nonUtf8(0xe9, 3)));
    }

    @Test
    void loneCarriageReturnsCountAsLineEnds() {
      assertThat(failed("a=1\rb=2\r\u00e9\r").line()).isEqualTo(3);
    }

    @Test
    void byteAfterTrailingCarriageReturnIsOnTheNextLine() {
      assertThat(failed("x = 1\r\u00e9").line()).isEqualTo(2);
    }

    @Test
    void badByteAtStartIsOnLineOne() {
      assertThat(failed("\u00e9 = 1\n")).isEqualTo(new Failed(1, nonUtf8(0xe9, 1)));
    }

    @Test
    void commentsAreCheckedToo() {
      assertThat(failed("# ok\n# caf\u00e9\n")).isEqualTo(new Failed(2, nonUtf8(0xe9, 2)));
    }

    @Test
    void sequenceCutOffAtEndOfFile() {
      assertThat(failed("x = '\u00c3")).isEqualTo(new Failed(1, nonUtf8(0xc3, 1)));
    }

    @Test
    void continuationByteWithoutLead() {
      assertThat(failed("# \u0080\n").message()).isEqualTo(nonUtf8(0x80, 1));
    }

    @Test
    void encodedLoneSurrogateIsInvalid() {
      assertThat(failed("x = '\u00ed\u00a0\u0080'\n").message()).isEqualTo(nonUtf8(0xed, 1));
    }

    @Test
    void overlongEncodingIsInvalid() {
      assertThat(failed("# \u00c0\u0080\n").message()).isEqualTo(nonUtf8(0xc0, 1));
      assertThat(failed("# \u00e0\u0080\u0080\n").message()).isEqualTo(nonUtf8(0xe0, 1));
    }

    @Test
    void codePointAboveUnicodeRangeIsInvalid() {
      assertThat(failed("# \u00f4\u0090\u0080\u0080\n").message()).isEqualTo(nonUtf8(0xf4, 1));
    }

    @Test
    void fileNameIsQuotedAsGiven() {
      DecodeResult result = SourceDecoder.decode(raw("\u00ff"), "pkg/mod.py");
      assertThat(((Failed) result).message())
          .isEqualTo(
              "Non-UTF-8 code starting with '\\xff' in file pkg/mod.py on line 1" + PEP_263_HINT);
    }
  }

  @Nested
  class ByteOrderMark {
    @Test
    void isRemovedAndRecorded() {
      assertThat(decode(BOM + "x = 1\n"))
          .isEqualTo(new Decoded("x = 1\n", StandardCharsets.UTF_8, true));
    }

    @Test
    void aloneIsAnEmptyFile() {
      assertThat(decode(BOM)).isEqualTo(new Decoded("", StandardCharsets.UTF_8, true));
    }

    @Test
    void partialBomIsAnInvalidByte() {
      assertThat(failed("\u00ef\u00bbx = 1\n")).isEqualTo(new Failed(1, nonUtf8(0xef, 1)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"utf-8", "UTF-8", "utf_8", "utf-8-sig", "Utf_8_Unix"})
    void agreesWithCookiesNamingUtf8(String name) {
      Decoded decoded = decoded(BOM + "# coding: " + name + "\nx = 1\n");
      assertThat(decoded.text()).isEqualTo("# coding: " + name + "\nx = 1\n");
      assertThat(decoded.bom()).isTrue();
      assertThat(decoded.charset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void conflictsWithLatin1Cookie() {
      assertThat(decode(BOM + "# coding: latin-1\nx = 1\n"))
          .isEqualTo(new Failed(1, "encoding problem: iso-8859-1 with BOM"));
    }

    @Test
    void conflictsEvenWithUtf8AliasesCPythonDoesNotFold() {
      assertThat(decode(BOM + "# coding: utf8\nx = 1\n"))
          .isEqualTo(new Failed(1, "encoding problem: utf8 with BOM"));
    }

    @Test
    void conflictIsReportedBeforeTheNameIsLookedUp() {
      assertThat(decode(BOM + "#!/usr/bin/python\n# coding: xyz\n"))
          .isEqualTo(new Failed(2, "encoding problem: xyz with BOM"));
    }

    @Test
    void invalidUtf8IsACodecErrorBecauseAnEncodingIsDeclared() {
      assertThat(decode(BOM + "\nx = '\u00e9'\n"))
          .isEqualTo(new Failed(2, "'utf-8' codec can't decode byte 0xe9 on line 2"));
    }
  }

  @Nested
  class CookiePlacement {
    @Test
    void onLineOne() {
      Decoded decoded = decoded("# coding: latin-1\ns = '\u00e9'\n");
      assertThat(decoded.text()).isEqualTo("# coding: latin-1\ns = '\u00e9'\n");
      assertThat(decoded.charset()).isEqualTo(StandardCharsets.ISO_8859_1);
      assertThat(decoded.bom()).isFalse();
    }

    @Test
    void onLineOneWithoutNewline() {
      assertThat(decoded("# coding: latin-1").charset()).isEqualTo(StandardCharsets.ISO_8859_1);
    }

    @Test
    void onLineTwoAfterShebang() {
      Decoded decoded = decoded("#!/usr/bin/env python\n# -*- coding: latin-1 -*-\ns = '\u00e9'\n");
      assertThat(decoded.charset()).isEqualTo(StandardCharsets.ISO_8859_1);
      assertThat(decoded.text()).endsWith("s = '\u00e9'\n");
    }

    @Test
    void onLineTwoAfterEmptyLine() {
      assertThat(decoded("\n# coding: latin-1\ns = '\u00e9'\n").charset())
          .isEqualTo(StandardCharsets.ISO_8859_1);
    }

    @Test
    void onLineTwoAfterWhitespaceOnlyLine() {
      assertThat(decoded("  \t\f\n# coding: latin-1\ns = '\u00e9'\n").charset())
          .isEqualTo(StandardCharsets.ISO_8859_1);
    }

    @Test
    void onLineTwoWithCarriageReturnLineEndings() {
      String text = "#!/usr/bin/python\r# coding: latin-1\rprint('\u00e9')\r";
      Decoded decoded = decoded(text);
      assertThat(decoded.charset()).isEqualTo(StandardCharsets.ISO_8859_1);
      assertThat(decoded.text()).isEqualTo(text);
    }

    @Test
    void notOnLineTwoAfterCode() {
      assertThat(failed("x = 1\n# coding: latin-1\ns = '\u00e9'\n"))
          .isEqualTo(new Failed(3, nonUtf8(0xe9, 3)));
      assertThat(decoded("x = 1\n# coding: latin-1\n").charset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void notOnLineThree() {
      assertThat(failed("\n\n# coding: latin-1\ns = '\u00e9'\n"))
          .isEqualTo(new Failed(4, nonUtf8(0xe9, 4)));
    }

    @Test
    void notInACommentAfterCode() {
      assertThat(failed("x = 1  # coding: latin-1\ns = '\u00e9'\n").message())
          .isEqualTo(nonUtf8(0xe9, 2));
    }

    @Test
    void notInsideAStringOnLineOne() {
      assertThat(failed("x = \"# coding: latin-1\"\ns = '\u00e9'\n").message())
          .isEqualTo(nonUtf8(0xe9, 2));
    }

    @Test
    void formFeedMayPrecedeTheComment() {
      assertThat(decoded("\f# coding: latin-1\n").charset()).isEqualTo(StandardCharsets.ISO_8859_1);
    }

    @Test
    void verticalTabMakesLineOneCode() {
      assertThat(decoded("\u000b# coding: latin-1\n").charset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void appliesToLineOneItself() {
      // Compiling bytes decodes the whole file with the cookie's encoding, so a Latin-1 byte
      // before the cookie is fine.
      assertThat(decoded("# caf\u00e9 coding: latin-1\n").text())
          .isEqualTo("# caf\u00e9 coding: latin-1\n");
    }
  }

  @Nested
  class CookieSyntax {
    @ParameterizedTest
    @ValueSource(
        strings = {
          "# -*- coding: latin-1 -*-",
          "# vim: set fileencoding=latin-1 :",
          "#coding=latin-1",
          "# coding:\tlatin-1",
          "# encoding: latin-1",
          "# codingcoding=latin-1",
          "# This Python file uses the following encoding: latin-1",
          "# coding: latin-1;charset=utf-8",
        })
    void recognized(String line) {
      assertThat(decoded(line + "\ns = '\u00e9'\n").charset())
          .isEqualTo(StandardCharsets.ISO_8859_1);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "# Coding: latin-1",
          "# coding:: latin-1",
          "# coding latin-1",
          "# coding: ",
        })
    void notRecognized(String line) {
      assertThat(failed(line + "\ns = '\u00e9'\n").message()).isEqualTo(nonUtf8(0xe9, 2));
    }

    @Test
    void nameIsAsciiOnly() {
      assertThat(failed("# coding:\u00e9latin-1\n")).isEqualTo(new Failed(1, nonUtf8(0xe9, 1)));
    }

    @Test
    void emacsUtf8CookieDecodesUtf8() {
      String text = "# -*- coding: utf-8 -*-\ns = '\u00e9'\n";
      assertThat(SourceDecoder.decode(text.getBytes(StandardCharsets.UTF_8), "t.py"))
          .isEqualTo(new Decoded(text, StandardCharsets.UTF_8, false));
    }

    @Test
    void secondCookieOnTheSameLineIsIgnored() {
      assertThat(decoded("# coding: cp1252 coding: latin-1\ns = '\u0080'\n").text())
          .endsWith("s = '\u20ac'\n");
    }
  }

  @Nested
  class DeclaredEncodings {
    @Test
    void cp1252DecodesEuroSign() {
      Decoded decoded = decoded("#coding=cp1252\ns = '\u0080'\n");
      assertThat(decoded.text()).isEqualTo("#coding=cp1252\ns = '\u20ac'\n");
      assertThat(decoded.charset()).isEqualTo(Charset.forName("windows-1252"));
    }

    @Test
    void undefinedCp1252ByteIsAnError() {
      assertThat(decode("# coding: cp1252\nx = 1\ns = '\u0081'\n"))
          .isEqualTo(new Failed(3, "'cp1252' codec can't decode byte 0x81 on line 3"));
    }

    @Test
    void asciiRejectsHighBytes() {
      assertThat(decode("# coding: ascii\n\n# \u00e9\n"))
          .isEqualTo(new Failed(3, "'ascii' codec can't decode byte 0xe9 on line 3"));
    }

    @Test
    void explicitUtf8RejectsInvalidBytesAsACodecError() {
      assertThat(decode("# coding: utf-8\ns = '\u00e9'\n"))
          .isEqualTo(new Failed(2, "'utf-8' codec can't decode byte 0xe9 on line 2"));
    }

    @Test
    void multiByteEncoding() {
      byte[] source = "# coding: euc-jp\ns = '\u65e5\u672c'\n".getBytes(Charset.forName("EUC-JP"));
      Decoded decoded = (Decoded) SourceDecoder.decode(source, "t.py");
      assertThat(decoded.text()).isEqualTo("# coding: euc-jp\ns = '\u65e5\u672c'\n");
      assertThat(decoded.charset()).isEqualTo(Charset.forName("EUC-JP"));
    }

    @Test
    void outputLongerThanTheDecoderExpectsIsNotTruncated() {
      // ISO-2022-JP decoders expect half a char per byte; plain ASCII yields one.
      String text = "# coding: iso2022_jp\n" + "x = 1\n".repeat(5000);
      assertThat(decoded(text).text()).isEqualTo(text);
    }

    @Test
    void charsetReencodesTheTextToTheSameBytes() {
      byte[] source = raw("# coding: latin-1\r\ns = '\u00e9\u00ff'\r\n");
      Decoded decoded = (Decoded) SourceDecoder.decode(source, "t.py");
      assertThat(decoded.text().getBytes(decoded.charset())).isEqualTo(source);
    }

    @Test
    void unknownEncodingKeepsTheCookieSpelling() {
      assertThat(decode("# coding: XYZ\nx = 1\n"))
          .isEqualTo(new Failed(1, "unknown encoding: XYZ"));
    }

    @Test
    void unknownEncodingOnLineTwo() {
      assertThat(decode("#!/usr/bin/python\n# coding: klingon\n"))
          .isEqualTo(new Failed(2, "unknown encoding: klingon"));
    }
  }

  @Nested
  class CookieNames {
    @ParameterizedTest
    @CsvSource({
      "utf-8, utf-8",
      "UTF-8, utf-8",
      "utf_8, utf-8",
      "utf-8-sig, utf-8",
      "latin-1, iso-8859-1",
      "Latin_1, iso-8859-1",
      "ISO-8859-1, iso-8859-1",
      "iso-latin-1-unix, iso-8859-1",
      "utf8, utf8",
      "latin1, latin1",
      "CP1252, CP1252",
      "iso-8859-15, iso-8859-15",
    })
    void foldedLikeCPython(String declared, String normal) {
      assertThat(CodingCookie.normalName(declared)).isEqualTo(normal);
    }

    @ParameterizedTest
    @CsvSource({
      "utf-8, UTF-8",
      "utf8, UTF-8",
      "u8, UTF-8",
      "cp65001, UTF-8",
      "utf_8_sig, UTF-8",
      "iso-8859-1, ISO-8859-1",
      "latin1, ISO-8859-1",
      "latin, ISO-8859-1",
      "l1, ISO-8859-1",
      "-latin1-, ISO-8859-1",
      "ascii, US-ASCII",
      "us-ascii, US-ASCII",
      "646, US-ASCII",
      "ansi.x3.4.1968, US-ASCII",
      "cp1252, windows-1252",
      "windows-1252, windows-1252",
      "1252, windows-1252",
      "cp1251, windows-1251",
      "iso-8859-15, ISO-8859-15",
      "latin9, ISO-8859-15",
      "koi8-r, KOI8-R",
      "euc-jp, EUC-JP",
      "shift_jis, Shift_JIS",
      "sjis, Shift_JIS",
      "cp932, windows-31j",
      "cp949, x-windows-949",
      "cp950, x-windows-950",
      "cp874, x-windows-874",
      "gbk, GBK",
      "cp936, GBK",
      "gb2312, GB2312",
      "big5, Big5",
      "utf-16, x-UTF-16LE-BOM",
      "utf-16-be, UTF-16BE",
    })
    void mappedToTheJavaCharsetThatDecodesAlike(String pythonName, String javaName) {
      assertThat(PythonCodecs.lookup(pythonName)).contains(Charset.forName(javaName));
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "xyz",
          "latin.1",
          "utf8-sig",
          "rot13",
          "hex",
          "cp037",
          "shift_jis_2004",
          "utf_7",
        })
    void unknownOrDeliberatelyUnsupported(String pythonName) {
      assertThat(PythonCodecs.lookup(pythonName)).isEmpty();
    }
  }
}
