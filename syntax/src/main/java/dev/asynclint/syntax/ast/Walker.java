package dev.asynclint.syntax.ast;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Visits a tree in source order, calling {@link #enter} before a node's children and {@link #leave}
 * after them. Subclasses override the two hooks; the traversal itself is complete for every node
 * kind, so no rule has to know the shape of nodes it does not care about.
 */
public abstract class Walker {
  private final ChildVisitor children = new ChildVisitor();

  /** Called before the children of {@code node}; false skips them (and {@link #leave}). */
  protected boolean enter(Node node) {
    return true;
  }

  /** Called after the children of {@code node}. */
  protected void leave(Node node) {}

  public final void walk(Module module) {
    children.ordered(module.body());
  }

  /**
   * Where to start in a list of nodes in source order that do not overlap (the statements of a
   * block, the items of a display, the entries of a dict): the first node, unless a walker can tell
   * from positions alone that it wants none before a later one.
   */
  protected int firstWanted(List<? extends Located> ordered) {
    return 0;
  }

  /** Whether a walker wants no node from {@code node} on in such a list. */
  protected boolean pastWanted(Located node) {
    return false;
  }

  public final void walk(Node node) {
    if (node == null) {
      return;
    }
    if (enter(node)) {
      node.accept(children);
      leave(node);
    }
  }

  private static final Comparator<Located> BY_START =
      Comparator.comparingInt(node -> node.range().start());

  /** Walks the children of one node, in the order their text appears. */
  private final class ChildVisitor implements Visitor<Void> {
    private void one(Node node) {
      walk(node);
    }

    // Indexed: an iterator per list of a tree, passed to a recursive walk, is never optimized
    // away.
    private void all(List<? extends Node> nodes) {
      for (int i = 0; i < nodes.size(); i++) {
        walk(nodes.get(i));
      }
    }

    /** A list in source order whose nodes do not overlap: a block, or a display's items. */
    private void ordered(List<? extends Located> nodes) {
      for (int i = firstWanted(nodes); i < nodes.size() && !pastWanted(nodes.get(i)); i++) {
        walk(nodes.get(i));
      }
    }

    /**
     * Two lists, each in source order without overlaps (a call's positional and keyword arguments),
     * walked together in source order.
     */
    private void merged(List<? extends Located> first, List<? extends Located> second) {
      int i = firstWanted(first);
      int j = firstWanted(second);
      while (i < first.size() || j < second.size()) {
        Located next =
            j == second.size()
                    || i < first.size()
                        && first.get(i).range().start() <= second.get(j).range().start()
                ? first.get(i++)
                : second.get(j++);
        if (pastWanted(next)) {
          return;
        }
        walk(next);
      }
    }

    private void sorted(List<? extends Located> nodes) {
      List<Located> ordered = new ArrayList<>(nodes);
      ordered.sort(BY_START);
      all(ordered);
    }

    @Override
    public Void visit(Expr.IfExp node) {
      one(node.body());
      one(node.test());
      one(node.orElse());
      return null;
    }

    @Override
    public Void visit(Expr.DictDisplay node) {
      // Entries in source order, each a key (none for `**mapping`) and a value.
      List<Expr> values = node.values();
      for (int i = firstWanted(values); i < values.size(); i++) {
        Expr key = node.keys().get(i);
        if (pastWanted(key != null ? key : values.get(i))) {
          break;
        }
        one(key);
        one(values.get(i));
      }
      return null;
    }

    @Override
    public Void visit(Stmt.FunctionDef node) {
      all(node.decoratorList());
      all(node.typeParams());
      one(node.args());
      one(node.returns());
      ordered(node.body());
      return null;
    }

    @Override
    public Void visit(Stmt.AsyncFunctionDef node) {
      all(node.decoratorList());
      all(node.typeParams());
      one(node.args());
      one(node.returns());
      ordered(node.body());
      return null;
    }

    @Override
    public Void visit(Stmt.ClassDef node) {
      all(node.decoratorList());
      all(node.typeParams());
      merged(node.bases(), node.keywords());
      ordered(node.body());
      return null;
    }

    @Override
    public Void visit(Expr.Call node) {
      one(node.func());
      merged(node.args(), node.keywords());
      return null;
    }

    @Override
    public Void visit(Arguments node) {
      List<Located> parts = new ArrayList<>(node.posOnlyArgs());
      parts.addAll(node.args());
      parts.addAll(node.defaults());
      if (node.varArg() != null) {
        parts.add(node.varArg());
      }
      parts.addAll(node.kwOnlyArgs());
      for (Expr kwDefault : node.kwDefaults()) {
        if (kwDefault != null) {
          parts.add(kwDefault);
        }
      }
      if (node.kwArg() != null) {
        parts.add(node.kwArg());
      }
      sorted(parts);
      return null;
    }

    @Override
    public Void visit(Expr.BoolOp node) {
      all(node.values());
      return null;
    }

    @Override
    public Void visit(Expr.NamedExpr node) {
      one(node.target());
      one(node.value());
      return null;
    }

    @Override
    public Void visit(Expr.BinOp node) {
      one(node.left());
      one(node.right());
      return null;
    }

    @Override
    public Void visit(Expr.UnaryOp node) {
      one(node.operand());
      return null;
    }

    @Override
    public Void visit(Expr.Lambda node) {
      one(node.args());
      one(node.body());
      return null;
    }

    @Override
    public Void visit(Expr.SetDisplay node) {
      ordered(node.elts());
      return null;
    }

    @Override
    public Void visit(Expr.ListComp node) {
      one(node.elt());
      all(node.generators());
      return null;
    }

    @Override
    public Void visit(Expr.SetComp node) {
      one(node.elt());
      all(node.generators());
      return null;
    }

    @Override
    public Void visit(Expr.DictComp node) {
      one(node.key());
      one(node.value());
      all(node.generators());
      return null;
    }

    @Override
    public Void visit(Expr.GeneratorExp node) {
      one(node.elt());
      all(node.generators());
      return null;
    }

    @Override
    public Void visit(Expr.Await node) {
      one(node.value());
      return null;
    }

    @Override
    public Void visit(Expr.Yield node) {
      one(node.value());
      return null;
    }

    @Override
    public Void visit(Expr.YieldFrom node) {
      one(node.value());
      return null;
    }

    @Override
    public Void visit(Expr.Compare node) {
      one(node.left());
      all(node.comparators());
      return null;
    }

    @Override
    public Void visit(Expr.FormattedValue node) {
      one(node.value());
      one(node.formatSpec());
      return null;
    }

    @Override
    public Void visit(Expr.JoinedStr node) {
      all(node.values());
      return null;
    }

    @Override
    public Void visit(Expr.Constant node) {
      return null;
    }

    @Override
    public Void visit(Expr.Attribute node) {
      one(node.value());
      return null;
    }

    @Override
    public Void visit(Expr.Subscript node) {
      one(node.value());
      one(node.slice());
      return null;
    }

    @Override
    public Void visit(Expr.Starred node) {
      one(node.value());
      return null;
    }

    @Override
    public Void visit(Expr.Name node) {
      return null;
    }

    @Override
    public Void visit(Expr.ListDisplay node) {
      ordered(node.elts());
      return null;
    }

    @Override
    public Void visit(Expr.Tuple node) {
      ordered(node.elts());
      return null;
    }

    @Override
    public Void visit(Expr.Slice node) {
      one(node.lower());
      one(node.upper());
      one(node.step());
      return null;
    }

    @Override
    public Void visit(Stmt.Return node) {
      one(node.value());
      return null;
    }

    @Override
    public Void visit(Stmt.Delete node) {
      all(node.targets());
      return null;
    }

    @Override
    public Void visit(Stmt.Assign node) {
      all(node.targets());
      one(node.value());
      return null;
    }

    @Override
    public Void visit(Stmt.TypeAlias node) {
      one(node.name());
      all(node.typeParams());
      one(node.value());
      return null;
    }

    @Override
    public Void visit(Stmt.AugAssign node) {
      one(node.target());
      one(node.value());
      return null;
    }

    @Override
    public Void visit(Stmt.AnnAssign node) {
      one(node.target());
      one(node.annotation());
      one(node.value());
      return null;
    }

    @Override
    public Void visit(Stmt.For node) {
      one(node.target());
      one(node.iter());
      ordered(node.body());
      ordered(node.orElse());
      return null;
    }

    @Override
    public Void visit(Stmt.AsyncFor node) {
      one(node.target());
      one(node.iter());
      ordered(node.body());
      ordered(node.orElse());
      return null;
    }

    @Override
    public Void visit(Stmt.While node) {
      one(node.test());
      ordered(node.body());
      ordered(node.orElse());
      return null;
    }

    @Override
    public Void visit(Stmt.If node) {
      one(node.test());
      ordered(node.body());
      ordered(node.orElse());
      return null;
    }

    @Override
    public Void visit(Stmt.With node) {
      all(node.items());
      ordered(node.body());
      return null;
    }

    @Override
    public Void visit(Stmt.AsyncWith node) {
      all(node.items());
      ordered(node.body());
      return null;
    }

    @Override
    public Void visit(Stmt.Match node) {
      one(node.subject());
      all(node.cases());
      return null;
    }

    @Override
    public Void visit(Stmt.Raise node) {
      one(node.exc());
      one(node.cause());
      return null;
    }

    @Override
    public Void visit(Stmt.Try node) {
      ordered(node.body());
      all(node.handlers());
      ordered(node.orElse());
      ordered(node.finalBody());
      return null;
    }

    @Override
    public Void visit(Stmt.TryStar node) {
      ordered(node.body());
      all(node.handlers());
      ordered(node.orElse());
      ordered(node.finalBody());
      return null;
    }

    @Override
    public Void visit(Stmt.Assert node) {
      one(node.test());
      one(node.msg());
      return null;
    }

    @Override
    public Void visit(Stmt.Import node) {
      all(node.names());
      return null;
    }

    @Override
    public Void visit(Stmt.ImportFrom node) {
      all(node.names());
      return null;
    }

    @Override
    public Void visit(Stmt.Global node) {
      return null;
    }

    @Override
    public Void visit(Stmt.Nonlocal node) {
      return null;
    }

    @Override
    public Void visit(Stmt.ExprStatement node) {
      one(node.value());
      return null;
    }

    @Override
    public Void visit(Stmt.Pass node) {
      return null;
    }

    @Override
    public Void visit(Stmt.Break node) {
      return null;
    }

    @Override
    public Void visit(Stmt.Continue node) {
      return null;
    }

    @Override
    public Void visit(Pattern.MatchValue node) {
      one(node.value());
      return null;
    }

    @Override
    public Void visit(Pattern.MatchSingleton node) {
      return null;
    }

    @Override
    public Void visit(Pattern.MatchSequence node) {
      all(node.patterns());
      return null;
    }

    @Override
    public Void visit(Pattern.MatchMapping node) {
      all(node.keys());
      all(node.patterns());
      return null;
    }

    @Override
    public Void visit(Pattern.MatchClass node) {
      one(node.cls());
      all(node.patterns());
      all(node.kwdPatterns());
      return null;
    }

    @Override
    public Void visit(Pattern.MatchStar node) {
      return null;
    }

    @Override
    public Void visit(Pattern.MatchAs node) {
      one(node.pattern());
      return null;
    }

    @Override
    public Void visit(Pattern.MatchOr node) {
      all(node.patterns());
      return null;
    }

    @Override
    public Void visit(TypeParam.TypeVar node) {
      one(node.bound());
      one(node.defaultValue());
      return null;
    }

    @Override
    public Void visit(TypeParam.ParamSpec node) {
      one(node.defaultValue());
      return null;
    }

    @Override
    public Void visit(TypeParam.TypeVarTuple node) {
      one(node.defaultValue());
      return null;
    }

    @Override
    public Void visit(Arg node) {
      one(node.annotation());
      return null;
    }

    @Override
    public Void visit(Keyword node) {
      one(node.value());
      return null;
    }

    @Override
    public Void visit(Alias node) {
      return null;
    }

    @Override
    public Void visit(WithItem node) {
      one(node.contextExpr());
      one(node.optionalVars());
      return null;
    }

    @Override
    public Void visit(MatchCase node) {
      one(node.pattern());
      one(node.guard());
      ordered(node.body());
      return null;
    }

    @Override
    public Void visit(Comprehension node) {
      one(node.target());
      one(node.iter());
      all(node.ifs());
      return null;
    }

    @Override
    public Void visit(ExceptHandler node) {
      one(node.type());
      ordered(node.body());
      return null;
    }
  }
}
