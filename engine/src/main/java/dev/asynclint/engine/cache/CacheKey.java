package dev.asynclint.engine.cache;

import dev.asynclint.engine.discovery.InputFile;
import dev.asynclint.text.DecodeResult;
import dev.asynclint.text.SourceDecoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What decides a run's findings, digested: the build of the tool (the jars or class folders its
 * code is loaded from, by size and modification time), the effective configuration, and every
 * checked file by its path and a digest of its bytes. The files are read once: their texts go on to
 * the run.
 */
public final class CacheKey {
  private final String value;

  private CacheKey(String value) {
    this.value = value;
  }

  /**
   * The key of a run; empty when a file cannot be read (the run reports it, and is not cached).
   *
   * @param configuration everything of the configuration and the command line that decides the
   *     findings, spelled the same way each time
   * @param code classes whose code sources hold the tool's code and data
   * @param texts receives the decoded text of each file that decodes, by path: the run uses them
   *     instead of reading and decoding the files again
   */
  public static Optional<CacheKey> of(
      String configuration, List<InputFile> files, List<Class<?>> code, Map<Path, String> texts) {
    MessageDigest digest = digest("SHA-256");
    update(digest, "asynclint-cache-key 2");
    for (Class<?> anchor : code) {
      update(digest, codeSource(anchor));
    }
    update(digest, configuration);
    List<Read> reads = files.parallelStream().map(CacheKey::read).collect(Collectors.toList());
    for (int i = 0; i < files.size(); i++) {
      Read read = reads.get(i);
      if (read == null) {
        return Optional.empty();
      }
      update(digest, files.get(i).displayPath());
      update(digest, files.get(i).path().toAbsolutePath().normalize().toString());
      digest.update(read.digest());
      if (read.text() != null) {
        texts.put(files.get(i).path(), read.text());
      }
    }
    return Optional.of(new CacheKey(HexFormat.of().formatHex(digest.digest())));
  }

  /** A file's bytes digested, and its text when it decodes. */
  private record Read(byte[] digest, String text) {}

  private static Read read(InputFile file) {
    try {
      byte[] bytes = Files.readAllBytes(file.path());
      DecodeResult decoded = SourceDecoder.decode(bytes, file.path().toString());
      return new Read(
          digest("MD5").digest(bytes),
          decoded instanceof DecodeResult.Decoded ? ((DecodeResult.Decoded) decoded).text() : null);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  String value() {
    return value;
  }

  /** Where a class was loaded from, with the size and modification time of what is there. */
  private static String codeSource(Class<?> anchor) {
    try {
      Path location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isRegularFile(location)) {
        return location + " " + Files.size(location) + " " + Files.getLastModifiedTime(location);
      }
      StringBuilder files = new StringBuilder(location.toString());
      try (Stream<Path> walk = Files.walk(location)) {
        for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile).sorted()::iterator) {
          files.append('\n').append(file).append(' ').append(Files.size(file));
          files.append(' ').append(Files.getLastModifiedTime(file));
        }
      }
      return files.toString();
    } catch (Exception e) {
      // Unknown code: a key that matches nothing, so the cache is never used.
      return "unknown " + System.nanoTime();
    }
  }

  private static void update(MessageDigest digest, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
    digest.update((byte) ':');
    digest.update(bytes);
  }

  /**
   * SHA-256 for the key, MD5 for the files' bytes: a fingerprint against accidental change, not an
   * attacker, and the JDK computes it three times as fast as SHA-256 when C2 is off (the launcher
   * runs C1 only), which is most of what a run answered from the cache costs.
   */
  private static MessageDigest digest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is part of every Java runtime", e);
    }
  }
}
