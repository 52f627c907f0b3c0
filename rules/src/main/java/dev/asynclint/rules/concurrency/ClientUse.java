package dev.asynclint.rules.concurrency;

import dev.asynclint.semantic.project.FunctionInfo;
import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.syntax.ast.Located;
import dev.asynclint.syntax.ast.NameReads;
import dev.asynclint.syntax.ast.Node;
import dev.asynclint.syntax.ast.Stmt;
import dev.asynclint.syntax.ast.WithItem;
import java.util.List;
import java.util.Set;

/**
 * What a function does with a client it creates: enters it with {@code (async) with}, keeps it in a
 * local variable that it closes or not, drops it, or lets it escape (stored, returned, passed on),
 * in which case someone else owns it.
 */
enum ClientUse {
  /** {@code async with Client() as c:}: closed when the block ends. */
  ENTERED,
  /**
   * A local variable whose {@code close()}/{@code aclose()} (or {@code async with}) is reachable.
   */
  CLOSED,
  /** A local variable only used through its methods, never closed. */
  UNCLOSED,
  /** Created and dropped: a bare expression, or a method called on the new object. */
  DROPPED,
  /** Stored, returned, yielded, passed to a call, captured: ownership moves elsewhere. */
  ESCAPES;

  /** Methods that release a client, pool or connection. */
  private static final Set<String> CLOSERS =
      Set.of("close", "aclose", "disconnect", "terminate", "release", "wait_closed", "__aexit__");

  /**
   * How {@code function} uses the object {@code call} creates; {@code ancestors} are the nodes
   * around the call, outermost first.
   */
  static ClientUse of(FunctionInfo function, Expr.Call call, List<Located> ancestors) {
    if (function.isModuleBody()) {
      return ESCAPES;
    }
    Expr created = call;
    int index = ancestors.size() - 1;
    Located parent = index >= 0 ? ancestors.get(index) : null;
    if (parent instanceof Expr.Await && ((Expr.Await) parent).value() == call) {
      created = (Expr) parent;
      index--;
      parent = index >= 0 ? ancestors.get(index) : null;
    }
    if (entered(parent, created)) {
      return ENTERED;
    }
    if (parent instanceof Stmt.ExprStatement) {
      return DROPPED;
    }
    if (parent instanceof Expr.Attribute && ((Expr.Attribute) parent).value() == created) {
      Located grandparent = index >= 1 ? ancestors.get(index - 1) : null;
      String attr = ((Expr.Attribute) parent).attr();
      return grandparent instanceof Expr.Call
              && ((Expr.Call) grandparent).func() == parent
              && !CLOSERS.contains(attr)
              && !attr.startsWith("__")
          ? DROPPED
          : ESCAPES;
    }
    String name = Locals.assignedName(parent, created);
    if (name == null || !Locals.isPlainLocal(function, name)) {
      return ESCAPES;
    }
    Uses uses = new Uses(name);
    for (Stmt statement : function.body()) {
      uses.walk(statement);
    }
    if (uses.escapes) {
      return ESCAPES;
    }
    return uses.closed ? CLOSED : UNCLOSED;
  }

  private static boolean entered(Located parent, Expr created) {
    List<WithItem> items;
    if (parent instanceof Stmt.AsyncWith) {
      items = ((Stmt.AsyncWith) parent).items();
    } else if (parent instanceof Stmt.With) {
      items = ((Stmt.With) parent).items();
    } else {
      return false;
    }
    return items.stream().anyMatch(item -> item.contextExpr() == created);
  }

  /** The variable the created object is assigned to, for messages; {@code client} if none. */
  static String variable(List<Located> ancestors, Expr.Call call) {
    int index = ancestors.size() - 1;
    Expr created = call;
    if (index >= 0 && ancestors.get(index) instanceof Expr.Await) {
      created = (Expr) ancestors.get(index);
      index--;
    }
    String name = index >= 0 ? Locals.assignedName(ancestors.get(index), created) : null;
    return name == null ? "client" : name;
  }

  /** Classifies each read of the variable by what its parent node does with it. */
  private static final class Uses extends NameReads {
    private boolean escapes;
    private boolean closed;

    Uses(String name) {
      super(name);
    }

    @Override
    protected void read(Expr.Name read, boolean inNestedScope) {
      if (inNestedScope) {
        escapes = true;
        return;
      }
      Node parent = parent(1);
      if (parent instanceof WithItem && ((WithItem) parent).contextExpr() == read) {
        closed = true;
        return;
      }
      if (parent instanceof Expr.Attribute) {
        if (CLOSERS.contains(((Expr.Attribute) parent).attr())) {
          closed = true;
        }
        return;
      }
      if (!(isTest(parent, read)
          || parent instanceof Expr.BoolOp && parent(2) instanceof Stmt.If)) {
        escapes = true;
      }
    }
  }
}
