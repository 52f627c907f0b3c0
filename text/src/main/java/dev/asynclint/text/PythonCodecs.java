package dev.asynclint.text;

import java.nio.charset.Charset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Python codecs a coding cookie may name, looked up as CPython's {@code encodings} package
 * looks them up, and the Java charsets that decode the way they do.
 *
 * <p>Java's own charset names are no guide: Java's {@code cp932}, {@code cp949}, {@code cp950} and
 * {@code cp874} are IBM code pages, while Python's are Microsoft's, and many Python aliases ({@code
 * latin}, {@code u8}, {@code cp65001}) are unknown to Java. Each pairing below was checked against
 * CPython 3.11 on every byte, every two-byte sequence with a high lead byte and random longer
 * input. The single-byte and UTF pairings agree exactly; the East Asian and Mac pairings differ
 * only on a few vendor or user-defined code points, never on line breaks or backslashes. Left out,
 * and so reported as unknown: codecs Java lacks (utf_7, hz, ptcp154, koi8_t, kz1048, iso8859_10,
 * iso8859_14, cp720, cp1125, hp_roman8, euc_jis_2004, the other iso2022_jp variants, unicode_escape
 * and the like), the EBCDIC code pages (Java decodes NEL as a line feed), shift_jis_2004 and
 * shift_jisx0213 (Python decodes 0x5C as a yen sign, Java as a backslash), mac_arabic and cp1006
 * (different tables).
 */
final class PythonCodecs {
  private static final Map<String, String> CODEC_BY_ALIAS = new HashMap<>();
  private static final Map<String, String> JAVA_CHARSET_BY_CODEC = new HashMap<>();

  static {
    codec(
        "ascii",
        "US-ASCII",
        "646",
        "ansi_x3.4_1968",
        "ansi_x3.4_1986",
        "ansi_x3_4_1968",
        "cp367",
        "csascii",
        "ibm367",
        "iso646_us",
        "iso_646.irv_1991",
        "iso_ir_6",
        "us",
        "us_ascii");
    codec("big5", "Big5", "big5_tw", "csbig5", "x_mac_trad_chinese");
    codec("big5hkscs", "Big5-HKSCS", "big5_hkscs", "hkscs");
    codec("cp1250", "windows-1250", "1250", "windows_1250");
    codec("cp1251", "windows-1251", "1251", "windows_1251");
    codec("cp1252", "windows-1252", "1252", "windows_1252");
    codec("cp1253", "windows-1253", "1253", "windows_1253");
    codec("cp1254", "windows-1254", "1254", "windows_1254");
    codec("cp1255", "windows-1255", "1255", "windows_1255");
    codec("cp1256", "windows-1256", "1256", "windows_1256");
    codec("cp1257", "windows-1257", "1257", "windows_1257");
    codec("cp1258", "windows-1258", "1258", "windows_1258");
    codec("cp437", "IBM437", "437", "cspc8codepage437", "ibm437");
    codec("cp737", "x-IBM737");
    codec("cp775", "IBM775", "775", "cspc775baltic", "ibm775");
    codec("cp850", "IBM850", "850", "cspc850multilingual", "ibm850");
    codec("cp852", "IBM852", "852", "cspcp852", "ibm852");
    codec("cp855", "IBM855", "855", "csibm855", "ibm855");
    codec("cp856", "x-IBM856");
    codec("cp857", "IBM857", "857", "csibm857", "ibm857");
    codec("cp858", "IBM00858", "858", "csibm858", "ibm858");
    codec("cp860", "IBM860", "860", "csibm860", "ibm860");
    codec("cp861", "IBM861", "861", "cp_is", "csibm861", "ibm861");
    codec("cp862", "IBM862", "862", "cspc862latinhebrew", "ibm862");
    codec("cp863", "IBM863", "863", "csibm863", "ibm863");
    codec("cp864", "IBM864", "864", "csibm864", "ibm864");
    codec("cp865", "IBM865", "865", "csibm865", "ibm865");
    codec("cp866", "IBM866", "866", "csibm866", "ibm866");
    codec("cp869", "IBM869", "869", "cp_gr", "csibm869", "ibm869");
    codec("cp874", "x-windows-874");
    codec("cp932", "windows-31j", "932", "ms932", "ms_kanji", "mskanji");
    codec("cp949", "x-windows-949", "949", "ms949", "uhc");
    codec("cp950", "x-windows-950", "950", "ms950");
    codec("euc_jp", "EUC-JP", "eucjp", "u_jis", "ujis");
    codec(
        "euc_kr",
        "EUC-KR",
        "euckr",
        "korean",
        "ks_c_5601",
        "ks_c_5601_1987",
        "ks_x_1001",
        "ksc5601",
        "ksx1001",
        "x_mac_korean");
    codec("gb18030", "GB18030", "gb18030_2000");
    codec(
        "gb2312",
        "GB2312",
        "chinese",
        "csiso58gb231280",
        "euc_cn",
        "euccn",
        "eucgb2312_cn",
        "gb2312_1980",
        "gb2312_80",
        "iso_ir_58",
        "x_mac_simp_chinese");
    codec("gbk", "GBK", "936", "cp936", "ms936");
    codec("iso2022_jp", "ISO-2022-JP", "csiso2022jp", "iso2022jp", "iso_2022_jp");
    codec("iso2022_jp_2", "ISO-2022-JP-2", "iso2022jp_2", "iso_2022_jp_2");
    codec("iso2022_kr", "ISO-2022-KR", "csiso2022kr", "iso2022kr", "iso_2022_kr");
    codec(
        "iso8859_2",
        "ISO-8859-2",
        "csisolatin2",
        "iso_8859_2",
        "iso_8859_2_1987",
        "iso_ir_101",
        "l2",
        "latin2");
    codec(
        "iso8859_3",
        "ISO-8859-3",
        "csisolatin3",
        "iso_8859_3",
        "iso_8859_3_1988",
        "iso_ir_109",
        "l3",
        "latin3");
    codec(
        "iso8859_4",
        "ISO-8859-4",
        "csisolatin4",
        "iso_8859_4",
        "iso_8859_4_1988",
        "iso_ir_110",
        "l4",
        "latin4");
    codec(
        "iso8859_5",
        "ISO-8859-5",
        "csisolatincyrillic",
        "cyrillic",
        "iso_8859_5",
        "iso_8859_5_1988",
        "iso_ir_144");
    codec(
        "iso8859_6",
        "ISO-8859-6",
        "arabic",
        "asmo_708",
        "csisolatinarabic",
        "ecma_114",
        "iso_8859_6",
        "iso_8859_6_1987",
        "iso_ir_127");
    codec(
        "iso8859_7",
        "ISO-8859-7",
        "csisolatingreek",
        "ecma_118",
        "elot_928",
        "greek",
        "greek8",
        "iso_8859_7",
        "iso_8859_7_1987",
        "iso_ir_126");
    codec(
        "iso8859_8",
        "ISO-8859-8",
        "csisolatinhebrew",
        "hebrew",
        "iso_8859_8",
        "iso_8859_8_1988",
        "iso_ir_138");
    codec(
        "iso8859_9",
        "ISO-8859-9",
        "csisolatin5",
        "iso_8859_9",
        "iso_8859_9_1989",
        "iso_ir_148",
        "l5",
        "latin5");
    codec("iso8859_11", "x-iso-8859-11", "iso_8859_11", "iso_8859_11_2001", "thai");
    codec("iso8859_13", "ISO-8859-13", "iso_8859_13", "l7", "latin7");
    codec("iso8859_15", "ISO-8859-15", "iso_8859_15", "l9", "latin9");
    codec(
        "iso8859_16",
        "ISO-8859-16",
        "iso_8859_16",
        "iso_8859_16_2001",
        "iso_ir_226",
        "l10",
        "latin10");
    codec("johab", "x-Johab", "cp1361", "ms1361");
    codec("koi8_r", "KOI8-R", "cskoi8r");
    codec("koi8_u", "KOI8-U");
    codec(
        "latin_1",
        "ISO-8859-1",
        "8859",
        "cp819",
        "csisolatin1",
        "ibm819",
        "iso8859",
        "iso8859_1",
        "iso_8859_1",
        "iso_8859_1_1987",
        "iso_ir_100",
        "l1",
        "latin",
        "latin1");
    codec("mac_croatian", "x-MacCroatian");
    codec("mac_cyrillic", "x-MacCyrillic", "maccyrillic");
    codec("mac_greek", "x-MacGreek", "macgreek");
    codec("mac_iceland", "x-MacIceland", "maciceland");
    codec("mac_latin2", "x-MacCentralEurope", "mac_centeuro", "maccentraleurope", "maclatin2");
    codec("mac_roman", "x-MacRoman", "macintosh", "macroman");
    codec("mac_romanian", "x-MacRomania");
    codec("mac_turkish", "x-MacTurkish", "macturkish");
    codec("shift_jis", "Shift_JIS", "csshiftjis", "s_jis", "shiftjis", "sjis", "x_mac_japanese");
    codec(
        "tis_620",
        "TIS-620",
        "iso_ir_166",
        "tis620",
        "tis_620_0",
        "tis_620_2529_0",
        "tis_620_2529_1");
    codec("utf_16", "x-UTF-16LE-BOM", "u16", "utf16");
    codec("utf_16_be", "UTF-16BE", "unicodebigunmarked", "utf_16be");
    codec("utf_16_le", "UTF-16LE", "unicodelittleunmarked", "utf_16le");
    codec("utf_32", "X-UTF-32LE-BOM", "u32", "utf32");
    codec("utf_32_be", "UTF-32BE", "utf_32be");
    codec("utf_32_le", "UTF-32LE", "utf_32le");
    codec("utf_8", "UTF-8", "cp65001", "u8", "utf", "utf8", "utf8_ucs2", "utf8_ucs4");
    codec("utf_8_sig", "UTF-8");
  }

  private PythonCodecs() {}

  /** The charset for a codec name as written in a cookie, if Python and this JVM both know it. */
  static Optional<Charset> lookup(String name) {
    String key = normalize(name);
    String codec = CODEC_BY_ALIAS.get(key);
    if (codec == null) {
      codec = CODEC_BY_ALIAS.get(key.replace('.', '_'));
    }
    // Like Python, a name that is no alias is tried as a module name, which has no dots.
    if (codec == null && key.indexOf('.') < 0) {
      codec = key;
    }
    String javaName = JAVA_CHARSET_BY_CODEC.get(codec);
    // A trimmed runtime may lack the jdk.charsets module.
    if (javaName == null || !Charset.isSupported(javaName)) {
      return Optional.empty();
    }
    return Optional.of(Charset.forName(javaName));
  }

  /**
   * Python's {@code encodings.normalize_encoding} after lower-casing: every run of characters other
   * than ASCII letters, digits and dots becomes one underscore, dropped at either end.
   */
  static String normalize(String name) {
    StringBuilder normalized = new StringBuilder(name.length());
    boolean punctuation = false;
    for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.') {
        if (punctuation && normalized.length() > 0) {
          normalized.append('_');
        }
        normalized.append(c);
        punctuation = false;
      } else {
        punctuation = true;
      }
    }
    return normalized.toString();
  }

  private static void codec(String codec, String javaCharset, String... aliases) {
    JAVA_CHARSET_BY_CODEC.put(codec, javaCharset);
    for (String alias : aliases) {
      CODEC_BY_ALIAS.put(alias, codec);
    }
  }
}
