package dev.asynclint.rules.eventloop;

import dev.asynclint.syntax.ast.Blocks;
import dev.asynclint.syntax.ast.Comprehension;
import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.syntax.ast.Located;
import dev.asynclint.syntax.ast.Node;
import dev.asynclint.syntax.ast.NodeSearch;
import dev.asynclint.syntax.ast.Stmt;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The innermost loop of a function around a call, and the names that take a new value on each of
 * its iterations: what tells per-item work ({@code for url in urls: asyncio.run(fetch(url))}) from
 * a retry or restart loop that runs the same work again.
 *
 * @param loop a {@code for}, {@code while} or comprehension
 * @param names the loop targets and the names assigned in the loop body
 */
record Iteration(Located loop, Set<String> names) {

  /**
   * The innermost loop whose body holds {@code offset}, looking no further than the enclosing
   * function; null when the code does not run per iteration.
   */
  static Iteration around(List<Located> ancestors, int offset) {
    List<Located> scope = Syntax.withinScope(ancestors);
    for (int i = scope.size() - 1; i >= 0; i--) {
      Located node = scope.get(i);
      Iteration iteration = of(node, offset);
      if (iteration != null) {
        return iteration;
      }
    }
    return null;
  }

  private static Iteration of(Located node, int offset) {
    if (node instanceof Stmt.For) {
      Stmt.For loop = (Stmt.For) node;
      return Syntax.spans(loop.body(), offset) ? forLoop(loop, loop.target(), loop.body()) : null;
    }
    if (node instanceof Stmt.AsyncFor) {
      Stmt.AsyncFor loop = (Stmt.AsyncFor) node;
      return Syntax.spans(loop.body(), offset) ? forLoop(loop, loop.target(), loop.body()) : null;
    }
    if (node instanceof Stmt.While) {
      Stmt.While loop = (Stmt.While) node;
      return Syntax.spans(loop.body(), offset)
          ? new Iteration(loop, Syntax.assignedNames(loop.body()))
          : null;
    }
    List<Comprehension> generators = Comprehension.clausesOf(node);
    if (generators == null || generators.get(0).iter().range().contains(offset)) {
      return null;
    }
    Set<String> names = new HashSet<>();
    for (Comprehension generator : generators) {
      names.addAll(Syntax.assignedNames(List.of(generator.target())));
    }
    return new Iteration(node, names);
  }

  private static Iteration forLoop(Located loop, Expr target, List<Stmt> body) {
    Set<String> names = new HashSet<>(Syntax.assignedNames(List.of(target)));
    names.addAll(Syntax.assignedNames(body));
    return new Iteration(loop, names);
  }

  /** Whether the expressions read a name that changes from one iteration to the next. */
  boolean varies(List<? extends Node> expressions) {
    return Syntax.reads(expressions, names);
  }

  /** The statements of the loop body; for a comprehension, none. */
  List<Stmt> body() {
    if (loop instanceof Stmt.For) {
      return ((Stmt.For) loop).body();
    }
    if (loop instanceof Stmt.AsyncFor) {
      return ((Stmt.AsyncFor) loop).body();
    }
    if (loop instanceof Stmt.While) {
      return ((Stmt.While) loop).body();
    }
    return List.of();
  }

  /**
   * Whether the call at {@code offset} ends the loop once it succeeds: it is returned, or a {@code
   * break} or {@code return} follows it in its block (or in the {@code else} of its {@code try}).
   * Such loops retry one piece of work; they do not repeat it per item.
   */
  boolean endsAfter(List<Located> ancestors, int offset) {
    List<Located> scope = Syntax.withinScope(ancestors);
    int loopIndex = scope.indexOf(loop);
    for (int i = scope.size() - 1; i > loopIndex && i >= 1; i--) {
      Located child = scope.get(i);
      if (!(child instanceof Stmt)) {
        continue;
      }
      if (child instanceof Stmt.Return) {
        return true;
      }
      Located parent = scope.get(i - 1);
      List<Stmt> block = Blocks.holding(parent, child);
      if (exitsAfter(block, block.indexOf(child))) {
        return true;
      }
      if (parent instanceof Stmt.Try && block == ((Stmt.Try) parent).body()) {
        if (exitsAfter(((Stmt.Try) parent).orElse(), -1)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether the loop body holds a {@code break} or {@code return} (counting those of nested loops,
   * to stay on the safe side).
   */
  boolean exitsEarly() {
    return NodeSearch.anyInScope(
        body(), node -> node instanceof Stmt.Break || node instanceof Stmt.Return);
  }

  private static boolean exitsAfter(List<Stmt> block, int index) {
    for (int i = index + 1; i < block.size(); i++) {
      if (block.get(i) instanceof Stmt.Break || block.get(i) instanceof Stmt.Return) {
        return true;
      }
    }
    return false;
  }
}
