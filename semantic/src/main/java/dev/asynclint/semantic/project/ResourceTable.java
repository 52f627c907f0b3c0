package dev.asynclint.semantic.project;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the tab-separated fact tables shipped with the model; {@code #} starts a comment line. */
final class ResourceTable {
  private ResourceTable() {}

  static List<String[]> read(String name) {
    InputStream in = ResourceTable.class.getResourceAsStream("/dev/asynclint/semantic/" + name);
    if (in == null) {
      throw new IllegalStateException("resource " + name + " is missing from the build");
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
