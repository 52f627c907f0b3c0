package dev.asynclint.semantic.scope;

/**
 * A block that may or may not run: an {@code if} or {@code else} body, a loop body, a {@code try}
 * body, an {@code except} handler, a {@code case}. Blocks nest, so a binding made in a block
 * certainly precedes a later use only when the use lies in the same block or one nested inside it.
 *
 * <p>Blocks are numbered in traversal order, so a second walk of the same tree numbers them
 * identically and can compare its blocks with those recorded by the first.
 */
public final class Branch {
  private final Branch parent;
  private final int id;

  Branch(Branch parent, int id) {
    this.parent = parent;
    this.id = id;
  }

  public Branch parent() {
    return parent;
  }

  public int id() {
    return id;
  }

  /**
   * Whether code in {@code inner} runs only when this block runs; null is the unconditional top.
   */
  public static boolean encloses(Branch outer, Branch inner) {
    if (outer == null) {
      return true;
    }
    for (Branch block = inner; block != null; block = block.parent) {
      if (block.id == outer.id) {
        return true;
      }
    }
    return false;
  }
}
