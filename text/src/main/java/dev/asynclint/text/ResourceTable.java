package dev.asynclint.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the tab-separated fact tables shipped as resources (knowledge bases of APIs and
 * frameworks): one row a line, {@code #} starts a comment line, blank lines are skipped.
 */
public final class ResourceTable {
  private ResourceTable() {}

  /** The rows of the resource at {@code path} (absolute, as {@link Class#getResourceAsStream}). */
  public static List<String[]> read(Class<?> owner, String path) {
    InputStream in = owner.getResourceAsStream(path);
    if (in == null) {
      throw new IllegalStateException("resource " + path + " is missing from the build");
    }
    List<String[]> rows = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.isBlank() && !line.startsWith("#")) {
          rows.add(line.split("\t"));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }
}
