package dev.asynclint.syntax;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The Unicode properties Python's tokenizer and {@code repr} depend on, in the Unicode version of
 * the CPython we match (14.0 for 3.11) rather than the JDK's own (13.0 in Java 17). The ranges come
 * from {@code conformance/unicode_tables.py}.
 */
public final class UnicodeTables {
  private static final int[] NON_PRINTABLE;
  private static final int[] ID_START;
  private static final int[] ID_CONTINUE;
  private static final int[] UNASSIGNED;
  private static final Map<String, Integer> ALIASES = new HashMap<>();

  static {
    int[][] tables = load();
    NON_PRINTABLE = tables[0];
    ID_START = tables[1];
    ID_CONTINUE = tables[2];
    UNASSIGNED = tables[3];
  }

  private UnicodeTables() {}

  /** CPython's {@code str.isprintable()} for one code point. */
  public static boolean isPrintable(int codePoint) {
    if (codePoint >= 0x20 && codePoint < 0x7f) {
      return true;
    }
    return !in(NON_PRINTABLE, codePoint);
  }

  /** Whether the code point may begin an identifier (XID_Start or underscore). */
  public static boolean isIdentifierStart(int codePoint) {
    return in(ID_START, codePoint);
  }

  /** Whether the code point may continue an identifier (XID_Continue). */
  public static boolean isIdentifierPart(int codePoint) {
    return in(ID_CONTINUE, codePoint);
  }

  /**
   * The code point of a Unicode name alias ({@code LRM}, {@code NEXT LINE}, {@code BOM}...), in
   * upper case, or -1: the names {@code \N{...}} accepts that are not characters' own names.
   */
  public static int alias(String upperCaseName) {
    Integer codePoint = ALIASES.get(upperCaseName);
    return codePoint == null ? -1 : codePoint;
  }

  /** Whether a character is assigned to the code point (in the Unicode version we follow). */
  public static boolean isAssigned(int codePoint) {
    return !in(UNASSIGNED, codePoint);
  }

  /** Whether {@code name} is a valid identifier as written (no normalization). */
  public static boolean isIdentifier(String name) {
    if (name.isEmpty() || !isIdentifierStart(name.codePointAt(0))) {
      return false;
    }
    for (int i = Character.charCount(name.codePointAt(0)); i < name.length(); ) {
      int codePoint = name.codePointAt(i);
      if (!isIdentifierPart(codePoint)) {
        return false;
      }
      i += Character.charCount(codePoint);
    }
    return true;
  }

  /** Ranges are stored flat as [start0, end0, start1, end1, ...], sorted. */
  private static boolean in(int[] ranges, int codePoint) {
    int index = Arrays.binarySearch(ranges, codePoint);
    if (index >= 0) {
      return true;
    }
    int insertion = -index - 1;
    return (insertion & 1) == 1;
  }

  private static int[][] load() {
    String[] names = {"nonprintable", "id_start", "id_continue", "unassigned"};
    int[][] tables = new int[names.length][];
    int[] counts = new int[names.length];
    for (int i = 0; i < names.length; i++) {
      tables[i] = new int[2048];
    }
    try (InputStream in = UnicodeTables.class.getResourceAsStream("unicode.txt")) {
      if (in == null) {
        throw new IllegalStateException("unicode.txt missing from the classpath");
      }
      BufferedReader reader =
          new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        if (line.startsWith("alias ")) {
          int space = line.indexOf(' ', 6);
          ALIASES.put(line.substring(space + 1), Integer.parseInt(line.substring(6, space), 16));
          continue;
        }
        String[] parts = line.split(" ");
        int table = Arrays.asList(names).indexOf(parts[0]);
        if (counts[table] + 2 > tables[table].length) {
          tables[table] = Arrays.copyOf(tables[table], tables[table].length * 2);
        }
        tables[table][counts[table]++] = Integer.parseInt(parts[1], 16);
        tables[table][counts[table]++] = Integer.parseInt(parts[2], 16);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (int i = 0; i < names.length; i++) {
      tables[i] = Arrays.copyOf(tables[i], counts[i]);
    }
    return tables;
  }
}
