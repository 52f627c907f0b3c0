package dev.asynclint.text;

import dev.asynclint.text.DecodeResult.Decoded;
import dev.asynclint.text.DecodeResult.Failed;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Decodes the bytes of a Python source file to text as CPython 3.11 does before tokenizing: a UTF-8
 * byte order mark, a PEP 263 coding cookie, otherwise UTF-8 (PEP 3120).
 *
 * <p>Bytes the encoding cannot decode are an error, never a replacement character, and are checked
 * everywhere, comments included, as {@code python file.py} does. The cookie applies to the whole
 * file, as when CPython compiles bytes (import, {@code compile}, {@code ast.parse}). Line endings
 * and NUL bytes are kept, so offsets into the text map back to the file.
 */
public final class SourceDecoder {
  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  private static final String UTF8 = "utf-8";

  private static final String BOM_WITH_OTHER_ENCODING = "encoding problem: %s with BOM";
  private static final String UNKNOWN_ENCODING = "unknown encoding: %s";
  private static final String NON_UTF8 =
      "Non-UTF-8 code starting with '\\x%02x' in file %s on line %d, but no encoding declared;"
          + " see https://peps.python.org/pep-0263/ for details";
  private static final String UNDECODABLE = "'%s' codec can't decode byte 0x%02x on line %d";

  private SourceDecoder() {}

  /** Decodes {@code source}; {@code fileName} is only quoted in error messages. */
  public static DecodeResult decode(byte[] source, String fileName) {
    boolean bom = startsWithBom(source);
    int start = bom ? UTF8_BOM.length : 0;
    Optional<CodingCookie> cookie = CodingCookie.find(source, start);
    if (cookie.isEmpty()) {
      UndecodableMessage message =
          bom
              ? (badByte, line) -> String.format(UNDECODABLE, UTF8, badByte, line)
              : (badByte, line) -> String.format(NON_UTF8, badByte, fileName, line);
      return decode(source, start, StandardCharsets.UTF_8, bom, message);
    }
    String encoding = cookie.get().encoding();
    int cookieLine = cookie.get().line();
    // CPython compares the name itself, so even an alias of UTF-8 such as "utf8" is refused.
    if (bom && !encoding.equals(UTF8)) {
      return new Failed(cookieLine, String.format(BOM_WITH_OTHER_ENCODING, encoding));
    }
    Optional<Charset> charset = PythonCodecs.lookup(encoding);
    if (charset.isEmpty()) {
      return new Failed(cookieLine, String.format(UNKNOWN_ENCODING, encoding));
    }
    return decode(
        source,
        start,
        charset.get(),
        bom,
        (badByte, line) -> String.format(UNDECODABLE, encoding, badByte, line));
  }

  private static boolean startsWithBom(byte[] source) {
    return source.length >= UTF8_BOM.length
        && source[0] == UTF8_BOM[0]
        && source[1] == UTF8_BOM[1]
        && source[2] == UTF8_BOM[2];
  }

  private static DecodeResult decode(
      byte[] source, int start, Charset charset, boolean bom, UndecodableMessage message) {
    if (charset.equals(StandardCharsets.UTF_8)) {
      // The JDK's own decoding is the fastest; it replaces bad bytes with U+FFFD, so a text that
      // has one (rare even in valid files) is decoded again, strictly, to tell which it is.
      String text = new String(source, start, source.length - start, StandardCharsets.UTF_8);
      if (text.indexOf('\uFFFD') < 0) {
        return new Decoded(text, charset, bom);
      }
    }
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(source, start, source.length - start);
    int expectedLength = (int) (in.remaining() * decoder.averageCharsPerByte());
    CharBuffer out = CharBuffer.allocate(expectedLength + 1);
    CoderResult result = decoder.decode(in, out, true);
    while (result.isOverflow()) {
      out = grow(out);
      result = decoder.decode(in, out, true);
    }
    if (result.isError()) {
      // The decoder leaves the input at the first bad byte and has decoded everything before it.
      int line = LineIndex.of(out.flip()).lineCount();
      return new Failed(line, message.format(source[in.position()] & 0xFF, line));
    }
    while (decoder.flush(out).isOverflow()) {
      out = grow(out);
    }
    return new Decoded(out.flip().toString(), charset, bom);
  }

  private static CharBuffer grow(CharBuffer out) {
    CharBuffer bigger = CharBuffer.allocate(out.capacity() * 2 + 16);
    return bigger.put(out.flip());
  }

  /** Words the error for an undecodable byte found on a 1-based line. */
  private interface UndecodableMessage {
    String format(int badByte, int line);
  }
}
