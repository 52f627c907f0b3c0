package dev.asynclint.text;

import java.nio.charset.Charset;

/** The outcome of decoding a source file's bytes: its text, or why CPython would refuse it. */
public sealed interface DecodeResult {

  /**
   * The decoded text, with line endings exactly as in the file, and what is needed to write it back
   * byte for byte: the charset and whether a UTF-8 byte order mark preceded the text.
   */
  record Decoded(String text, Charset charset, boolean bom) implements DecodeResult {}

  /** A file CPython would reject before tokenizing, with the 1-based line where it did. */
  record Failed(int line, String message) implements DecodeResult {}
}
