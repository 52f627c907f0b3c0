package dev.asynclint.rules.concurrency;

import dev.asynclint.syntax.ast.Comprehension;
import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.syntax.ast.Located;
import dev.asynclint.syntax.ast.NodeSearch;
import dev.asynclint.syntax.ast.Stmt;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The innermost loop of a function around a node: a {@code for}, {@code async for}, {@code while}
 * or comprehension whose repeated part holds the node.
 *
 * @param names the loop targets and, for statement loops, the names assigned in the body
 */
record Loop(Located node, Set<String> names, List<Stmt> body) {

  /** The innermost loop around {@code target}, not looking past the enclosing function; or null. */
  static Loop around(List<Located> ancestors, Located target) {
    for (int i = ancestors.size() - 1; i >= 0; i--) {
      Located node = ancestors.get(i);
      if (NodeSearch.opensScope(node)) {
        return null;
      }
      Located child = i + 1 < ancestors.size() ? ancestors.get(i + 1) : target;
      if (node instanceof Stmt.For && ((Stmt.For) node).body().contains(child)) {
        Stmt.For loop = (Stmt.For) node;
        return statementLoop(loop, loop.target(), loop.body());
      }
      if (node instanceof Stmt.AsyncFor && ((Stmt.AsyncFor) node).body().contains(child)) {
        Stmt.AsyncFor loop = (Stmt.AsyncFor) node;
        return statementLoop(loop, loop.target(), loop.body());
      }
      if (node instanceof Stmt.While && ((Stmt.While) node).body().contains(child)) {
        Stmt.While loop = (Stmt.While) node;
        return new Loop(loop, FanOutGuards.assignedNames(loop.body()), loop.body());
      }
      List<Comprehension> generators = Comprehension.clausesOf(node);
      if (generators != null
          && !generators.get(0).iter().range().contains(target.range().start())) {
        Set<String> names = new HashSet<>();
        for (Comprehension generator : generators) {
          names.addAll(FanOutGuards.boundNames(generator.target()));
        }
        return new Loop(node, names, List.of());
      }
    }
    return null;
  }

  private static Loop statementLoop(Located loop, Expr target, List<Stmt> body) {
    Set<String> names = FanOutGuards.boundNames(target);
    names.addAll(FanOutGuards.assignedNames(body));
    return new Loop(loop, names, body);
  }

  boolean isWhile() {
    return node instanceof Stmt.While;
  }

  /** Whether the body can leave the loop ({@code break}, {@code return}): a retry, not items. */
  boolean leavesEarly() {
    return NodeSearch.anyInScope(
        body, node -> node instanceof Stmt.Break || node instanceof Stmt.Return);
  }
}
