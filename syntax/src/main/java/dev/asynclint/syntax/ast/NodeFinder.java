package dev.asynclint.syntax.ast;

import java.util.ArrayList;
import java.util.List;

/** Finds the nodes at a source offset: what an editor's cursor or a finding points at. */
public final class NodeFinder {
  private NodeFinder() {}

  /**
   * The located nodes whose range contains {@code offset}, outermost first; the last is the
   * innermost node there. Empty when the offset is outside every statement.
   */
  public static List<Located> pathTo(Module module, int offset) {
    List<Located> path = new ArrayList<>();
    new Walker() {
      // Only the nodes around the offset, the first found by bisection: looking at every
      // statement of a block, or every item of a display, made one search per call quadratic in
      // modules of thousands of definitions or tables of thousands of items.
      @Override
      protected int firstWanted(List<? extends Located> ordered) {
        return firstEndingAfter(ordered, offset);
      }

      @Override
      protected boolean pastWanted(Located node) {
        return node.range().start() > offset;
      }

      @Override
      protected boolean enter(Node node) {
        if (node instanceof Located) {
          Located located = (Located) node;
          if (!located.range().contains(offset)) {
            return false;
          }
          path.add(located);
        }
        return true;
      }
    }.walk(module);
    return path;
  }

  /**
   * Of nodes in source order that do not overlap (a block's statements, a call's arguments), the
   * index of the first that ends after {@code offset}, found by bisection: the one holding the
   * offset when one does. The list's size when none ends after it.
   */
  public static int firstEndingAfter(List<? extends Located> ordered, int offset) {
    int low = 0;
    int high = ordered.size();
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (ordered.get(middle).range().end() <= offset) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }

  /**
   * The located nodes enclosing {@code node} in {@code module}, outermost first, without the node
   * itself; every node containing its start when it is not in the module.
   */
  public static List<Located> ancestors(Module module, Located node) {
    List<Located> path = pathTo(module, node.range().start());
    for (int i = 0; i < path.size(); i++) {
      if (path.get(i) == node) {
        return path.subList(0, i);
      }
    }
    return path;
  }

  /** The innermost located node containing {@code offset}, or null. */
  public static Located nodeAt(Module module, int offset) {
    List<Located> path = pathTo(module, offset);
    return path.isEmpty() ? null : path.get(path.size() - 1);
  }
}
