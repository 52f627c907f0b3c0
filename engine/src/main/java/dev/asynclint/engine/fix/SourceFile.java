package dev.asynclint.engine.fix;

import dev.asynclint.text.DecodeResult;
import dev.asynclint.text.SourceDecoder;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * A source file as it was read, and how to write a new text of it back the same way: in its
 * encoding, with its byte order mark if it had one (line endings are the text's own).
 *
 * @param text the decoded text
 * @param charset the encoding (UTF-8, or the one of its coding cookie)
 * @param bom whether the file started with a UTF-8 byte order mark
 */
public record SourceFile(Path path, String text, Charset charset, boolean bom) {
  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  /** Reads and decodes {@code path}; null when it cannot be read or decoded. */
  public static SourceFile read(Path path) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (IOException | RuntimeException e) {
      return null;
    }
    DecodeResult decoded = SourceDecoder.decode(bytes, path.toString());
    if (!(decoded instanceof DecodeResult.Decoded)) {
      return null;
    }
    DecodeResult.Decoded text = (DecodeResult.Decoded) decoded;
    return new SourceFile(path, text.text(), text.charset(), text.bom());
  }

  /** {@code text} encoded as this file is; null when the encoding cannot represent it. */
  public byte[] encode(String text) {
    CharsetEncoder encoder =
        charset
            .newEncoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer encoded;
    try {
      encoded = encoder.encode(CharBuffer.wrap(text));
    } catch (CharacterCodingException e) {
      return null;
    }
    int prefix = bom ? UTF8_BOM.length : 0;
    byte[] bytes = new byte[prefix + encoded.remaining()];
    if (bom) {
      System.arraycopy(UTF8_BOM, 0, bytes, 0, prefix);
    }
    encoded.get(bytes, prefix, encoded.remaining());
    return bytes;
  }

  /**
   * Replaces the file with {@code bytes} atomically: a temporary file in the same directory, with
   * the file's permissions where the file system has them, moved over the file. A symbolic link is
   * followed: the file it points to is replaced, the link stays.
   */
  public void write(byte[] bytes) throws IOException {
    Path target = path.toRealPath();
    Path temporary =
        Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(temporary)) {
        out.write(bytes);
      }
      copyPermissions(target, temporary);
      try {
        Files.move(
            temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private static void copyPermissions(Path target, Path temporary) {
    try {
      PosixFileAttributeView view =
          Files.getFileAttributeView(target, PosixFileAttributeView.class);
      if (view != null) {
        Set<PosixFilePermission> permissions = view.readAttributes().permissions();
        Files.setPosixFilePermissions(temporary, permissions);
      }
    } catch (IOException | UnsupportedOperationException e) {
      // The temporary file keeps its own permissions.
    }
  }
}
