package dev.asynclint.syntax.ast;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Questions of the form "does any node under these satisfy ...", such as "does this body await",
 * answered by one walk that stops at the first match; and visits of the nodes of one scope's code.
 */
public final class NodeSearch {
  private NodeSearch() {}

  /**
   * Whether code inside {@code node} runs somewhere else than the code around it: a {@code def},
   * {@code async def}, class body or lambda.
   */
  public static boolean opensScope(Node node) {
    return node instanceof Stmt.FunctionDef
        || node instanceof Stmt.AsyncFunctionDef
        || node instanceof Stmt.ClassDef
        || node instanceof Expr.Lambda;
  }

  /** Whether a node under {@code roots} (the roots included) satisfies {@code test}. */
  public static boolean any(List<? extends Node> roots, Predicate<? super Node> test) {
    return search(roots, test, false);
  }

  /** {@link #any} for one root. */
  public static boolean any(Node root, Predicate<? super Node> test) {
    return search(List.of(root), test, false);
  }

  /**
   * Whether a node of the code that runs with {@code roots} satisfies {@code test}: nested {@code
   * def}s, class bodies and lambdas are neither tested nor entered.
   */
  public static boolean anyInScope(List<? extends Node> roots, Predicate<? super Node> test) {
    return search(roots, test, true);
  }

  /**
   * Visits every node of the code that runs with {@code roots}, the roots included, in source
   * order: nested {@code def}s, class bodies and lambdas are neither visited nor entered.
   */
  public static void forEachInScope(List<? extends Node> roots, Consumer<? super Node> visitor) {
    Walker walker =
        new Walker() {
          @Override
          protected boolean enter(Node node) {
            if (opensScope(node)) {
              return false;
            }
            visitor.accept(node);
            return true;
          }
        };
    for (Node root : roots) {
      walker.walk(root);
    }
  }

  private static boolean search(
      List<? extends Node> roots, Predicate<? super Node> test, boolean stayInScope) {
    boolean[] found = {false};
    Walker walker =
        new Walker() {
          @Override
          protected boolean enter(Node node) {
            if (found[0] || stayInScope && opensScope(node)) {
              return false;
            }
            found[0] = test.test(node);
            return !found[0];
          }
        };
    for (Node root : roots) {
      walker.walk(root);
      if (found[0]) {
        return true;
      }
    }
    return false;
  }
}
