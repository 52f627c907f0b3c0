package dev.asynclint.syntax.parser;

import dev.asynclint.syntax.parser.DumpTree.Atom;
import dev.asynclint.syntax.parser.DumpTree.Field;
import dev.asynclint.syntax.parser.DumpTree.Items;
import dev.asynclint.syntax.parser.DumpTree.Node;
import dev.asynclint.syntax.parser.DumpTree.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Normalizes a 3.12+ dump for comparisons that leave out the positions of f-string parts.
 *
 * <p>From 3.12 on, the parts of an f-string (the {@code Constant} and {@code FormattedValue} items
 * of a {@code JoinedStr}, and the {@code JoinedStr} of a format spec with its own parts) carry
 * their own positions, which CPython computed differently across 3.12 releases. This removes those
 * four position fields from the parts only: the f-string's own position and the positions of the
 * expressions inside its replacement fields are kept and still compared. It also drops empty {@code
 * Constant('')} parts, which CPython 3.12 (but not 3.13) adds at the end of a format spec that ends
 * with a replacement field.
 */
final class FStringPartPositions {
  private static final Set<String> POSITIONS =
      Set.of("lineno", "col_offset", "end_lineno", "end_col_offset");

  private FStringPartPositions() {}

  /** {@code dump} without the positions of f-string parts. */
  static String normalize(String dump) {
    return DumpTree.print(value(DumpTree.parse(dump)));
  }

  private static Value value(Value value) {
    if (value instanceof Items items) {
      List<Value> normalized = new ArrayList<>();
      for (Value item : items.items()) {
        normalized.add(value(item));
      }
      return new Items(normalized);
    }
    if (value instanceof Node node) {
      return node.type().equals("JoinedStr") ? joinedStr(node, false) : node(node, false);
    }
    return value;
  }

  /** A JoinedStr; {@code part} when it is a format spec, whose own position goes too. */
  private static Node joinedStr(Node joined, boolean part) {
    List<Field> fields = new ArrayList<>();
    for (Field field : joined.fields()) {
      if (part && POSITIONS.contains(field.name())) {
        continue;
      }
      if (field.name().equals("values") && field.value() instanceof Items items) {
        List<Value> parts = new ArrayList<>();
        for (Value item : items.items()) {
          if (!isEmptyConstant(item)) {
            parts.add(part(item));
          }
        }
        fields.add(new Field("values", new Items(parts)));
      } else {
        fields.add(new Field(field.name(), value(field.value())));
      }
    }
    return new Node(joined.type(), fields);
  }

  private static Value part(Value part) {
    return part instanceof Node node ? node(node, true) : part;
  }

  /** A node, without its position when it is an f-string part. */
  private static Node node(Node node, boolean part) {
    List<Field> fields = new ArrayList<>();
    for (Field field : node.fields()) {
      if (part && POSITIONS.contains(field.name())) {
        continue;
      }
      Value value = field.value();
      boolean formatSpec = field.name().equals("format_spec") && value instanceof Node;
      fields.add(
          new Field(field.name(), formatSpec ? joinedStr((Node) value, true) : value(value)));
    }
    return new Node(node.type(), fields);
  }

  private static boolean isEmptyConstant(Value value) {
    return value instanceof Node node
        && node.type().equals("Constant")
        && node.field("value") instanceof Atom atom
        && (atom.text().equals("''") || atom.text().equals("\"\""));
  }
}
