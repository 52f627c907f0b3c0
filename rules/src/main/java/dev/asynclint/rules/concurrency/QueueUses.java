package dev.asynclint.rules.concurrency;

import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.syntax.ast.ExprContext;
import dev.asynclint.syntax.ast.Node;
import dev.asynclint.syntax.ast.Walker;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Predicate;

/**
 * How the code under some roots uses one queue, known by a predicate on the expressions that denote
 * it: which methods it calls on it, and whether the queue escapes (is passed, returned, aliased or
 * stored anywhere but in its own variable).
 */
final class QueueUses extends Walker {
  private final Predicate<Expr> denotesQueue;
  private final Deque<Node> parents = new ArrayDeque<>();
  private boolean taskDone;
  private boolean put;
  private boolean escapes;

  QueueUses(Predicate<Expr> denotesQueue) {
    this.denotesQueue = denotesQueue;
  }

  boolean taskDone() {
    return taskDone;
  }

  boolean put() {
    return put;
  }

  boolean escapes() {
    return escapes;
  }

  @Override
  protected boolean enter(Node node) {
    if (node instanceof Expr && denotesQueue.test((Expr) node)) {
      classify((Expr) node);
    }
    parents.push(node);
    return true;
  }

  @Override
  protected void leave(Node node) {
    parents.pop();
  }

  private void classify(Expr queue) {
    if (isStore(queue)) {
      return;
    }
    Node parent = parents.peek();
    if (!(parent instanceof Expr.Attribute) || ((Expr.Attribute) parent).value() != queue) {
      escapes = true;
      return;
    }
    String method = ((Expr.Attribute) parent).attr();
    if (method.equals("task_done")) {
      taskDone = true;
    } else if (method.equals("put") || method.equals("put_nowait")) {
      put = true;
    }
  }

  private static boolean isStore(Expr expr) {
    if (expr instanceof Expr.Name) {
      return ((Expr.Name) expr).ctx() != ExprContext.LOAD;
    }
    return expr instanceof Expr.Attribute && ((Expr.Attribute) expr).ctx() != ExprContext.LOAD;
  }
}
