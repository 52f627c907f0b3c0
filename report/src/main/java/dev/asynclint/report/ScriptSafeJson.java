package dev.asynclint.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * JSON that can stand inside an HTML {@code <script type="application/json">} element whatever the
 * strings hold: {@code <}, {@code >} and {@code &} are written as {@code \u003C}, {@code \u003E}
 * and {@code \u0026}, so no {@code </script>}, {@code <!--} or {@code <script} can end or re-enter
 * the element, and U+2028/U+2029 as {@code \u2028}/{@code \u2029}. The text is still plain JSON:
 * {@code JSON.parse} of the element's text gives back the original strings.
 */
final class ScriptSafeJson {
  private static final ObjectWriter WRITER =
      JsonMapper.builder()
          .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
          .build()
          .writer()
          .with(new Escapes());

  private ScriptSafeJson() {}

  static String write(JsonNode node) {
    try {
      return WRITER.writeValueAsString(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final class Escapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private static final SerializableString LINE_SEPARATOR = new SerializedString("\\u2028");
    private static final SerializableString PARAGRAPH_SEPARATOR = new SerializedString("\\u2029");

    private final int[] ascii;

    Escapes() {
      ascii = standardAsciiEscapesForJSON();
      ascii['<'] = ESCAPE_STANDARD;
      ascii['>'] = ESCAPE_STANDARD;
      ascii['&'] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      if (ch == '\u2028') {
        return LINE_SEPARATOR;
      }
      if (ch == '\u2029') {
        return PARAGRAPH_SEPARATOR;
      }
      return null;
    }
  }
}
