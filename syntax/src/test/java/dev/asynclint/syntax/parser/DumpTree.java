package dev.asynclint.syntax.parser;

import java.util.ArrayList;
import java.util.List;

/**
 * An {@code ast.dump} string read back into a tree: enough structure to print it one field per line
 * (for readable diffs) and to rewrite fields (for {@link FStringPartPositions}). It reads what
 * {@code ast.dump(..., include_attributes=True)} prints: nodes as {@code Type(name=value, ...)},
 * lists as {@code [...]}, and everything else (reprs of constants, {@code None}) as atoms.
 */
final class DumpTree {
  /** A value in a dump. */
  sealed interface Value permits Node, Items, Atom {}

  /** A node: its type and its fields in order. */
  record Node(String type, List<Field> fields) implements Value {
    Value field(String name) {
      for (Field field : fields) {
        if (field.name().equals(name)) {
          return field.value();
        }
      }
      return null;
    }
  }

  /** One {@code name=value} of a node. */
  record Field(String name, Value value) {}

  /** A list of values. */
  record Items(List<Value> items) implements Value {}

  /** Any other value, as printed. */
  record Atom(String text) implements Value {}

  private final String text;
  private int pos;

  private DumpTree(String text) {
    this.text = text;
  }

  /** The tree of {@code dump}; throws IllegalArgumentException when it is not a dump. */
  static Value parse(String dump) {
    DumpTree reader = new DumpTree(dump);
    Value value = reader.value();
    if (reader.pos != dump.length()) {
      throw reader.error("trailing text");
    }
    return value;
  }

  /** The value printed back exactly as {@code ast.dump} prints it. */
  static String print(Value value) {
    StringBuilder out = new StringBuilder();
    print(value, out);
    return out.toString();
  }

  /**
   * The value printed over many lines: each field of a node on its own line, except that a run of
   * one-line fields (such as the four position fields) shares one line.
   */
  static List<String> lines(Value value) {
    List<String> lines = new ArrayList<>();
    StringBuilder first = new StringBuilder();
    lines(value, "", first, lines);
    if (first.length() > 0) {
      lines.add(first.toString());
    }
    return lines;
  }

  private static void print(Value value, StringBuilder out) {
    if (value instanceof Atom atom) {
      out.append(atom.text());
    } else if (value instanceof Items items) {
      out.append('[');
      for (int i = 0; i < items.items().size(); i++) {
        out.append(i == 0 ? "" : ", ");
        print(items.items().get(i), out);
      }
      out.append(']');
    } else if (value instanceof Node node) {
      out.append(node.type()).append('(');
      for (int i = 0; i < node.fields().size(); i++) {
        Field field = node.fields().get(i);
        out.append(i == 0 ? "" : ", ").append(field.name()).append('=');
        print(field.value(), out);
      }
      out.append(')');
    }
  }

  /** Appends {@code value} to {@code line}, flushing finished lines to {@code lines}. */
  private static void lines(Value value, String indent, StringBuilder line, List<String> lines) {
    if (isFlat(value)) {
      print(value, line);
      return;
    }
    String inner = indent + "  ";
    if (value instanceof Items items) {
      line.append('[');
      for (Value item : items.items()) {
        flush(line, lines, inner);
        lines(item, inner, line, lines);
        line.append(',');
      }
      flush(line, lines, indent);
      line.append(']');
      return;
    }
    Node node = (Node) value;
    line.append(node.type()).append('(');
    boolean lastWasFlat = false;
    for (Field field : node.fields()) {
      boolean flat = isFlat(field.value());
      if (flat && lastWasFlat) {
        line.append(' ');
      } else {
        flush(line, lines, inner);
      }
      line.append(field.name()).append('=');
      lines(field.value(), inner, line, lines);
      line.append(',');
      lastWasFlat = flat;
    }
    flush(line, lines, indent);
    line.append(')');
  }

  /** Whether a value reads best on one line: an atom, an empty list, or a node like Load(). */
  private static boolean isFlat(Value value) {
    if (value instanceof Atom) {
      return true;
    }
    if (value instanceof Items items) {
      return items.items().isEmpty();
    }
    return ((Node) value).fields().stream().allMatch(field -> field.value() instanceof Atom)
        && ((Node) value).fields().size() <= 2;
  }

  private static void flush(StringBuilder line, List<String> lines, String nextIndent) {
    lines.add(line.toString());
    line.setLength(0);
    line.append(nextIndent);
  }

  // ---------------------------------------------------------------- reading

  private Value value() {
    if (pos >= text.length()) {
      throw error("value expected");
    }
    char c = text.charAt(pos);
    if (c == '[') {
      return items();
    }
    if (c == '\''
        || c == '"'
        || (c == 'b' && pos + 1 < text.length() && isQuote(text.charAt(pos + 1)))) {
      return new Atom(quoted());
    }
    int start = pos;
    while (pos < text.length() && Character.isJavaIdentifierPart(text.charAt(pos))) {
      pos++;
    }
    if (pos > start && pos < text.length() && text.charAt(pos) == '(') {
      return node(text.substring(start, pos));
    }
    return new Atom(text.substring(start, pos) + bareRest());
  }

  private Items items() {
    pos++;
    List<Value> items = new ArrayList<>();
    while (!at(']')) {
      if (!items.isEmpty()) {
        expect(", ");
      }
      items.add(value());
    }
    pos++;
    return new Items(items);
  }

  private Node node(String type) {
    pos++;
    List<Field> fields = new ArrayList<>();
    while (!at(')')) {
      if (!fields.isEmpty()) {
        expect(", ");
      }
      int equals = text.indexOf('=', pos);
      if (equals < 0) {
        throw error("field expected");
      }
      String name = text.substring(pos, equals);
      pos = equals + 1;
      fields.add(new Field(name, value()));
    }
    pos++;
    return new Node(type, fields);
  }

  /** A repr of a str or bytes, quotes and escapes included. */
  private String quoted() {
    int start = pos;
    if (text.charAt(pos) == 'b') {
      pos++;
    }
    char quote = text.charAt(pos++);
    while (pos < text.length() && text.charAt(pos) != quote) {
      pos += text.charAt(pos) == '\\' ? 2 : 1;
    }
    if (pos >= text.length()) {
      throw error("unterminated repr");
    }
    pos++;
    return text.substring(start, pos);
  }

  /** The rest of an unquoted atom: up to the next separator outside parentheses. */
  private String bareRest() {
    int start = pos;
    int depth = 0;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (depth == 0 && (c == ',' || c == ')' || c == ']')) {
        break;
      }
      depth += c == '(' ? 1 : c == ')' ? -1 : 0;
      pos++;
    }
    return text.substring(start, pos);
  }

  private static boolean isQuote(char c) {
    return c == '\'' || c == '"';
  }

  private boolean at(char c) {
    if (pos >= text.length()) {
      throw error("'" + c + "' expected");
    }
    return text.charAt(pos) == c;
  }

  private void expect(String separator) {
    if (!text.startsWith(separator, pos)) {
      throw error("'" + separator + "' expected");
    }
    pos += separator.length();
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException("not an ast.dump: " + what + " at offset " + pos);
  }
}
