package dev.asynclint.syntax.ast;

/**
 * One method per kind of syntax node; no defaults, so a new node kind breaks every visitor at
 * compile time.
 */
public interface Visitor<R> {
  R visit(Expr.BoolOp node);

  R visit(Expr.NamedExpr node);

  R visit(Expr.BinOp node);

  R visit(Expr.UnaryOp node);

  R visit(Expr.Lambda node);

  R visit(Expr.IfExp node);

  R visit(Expr.DictDisplay node);

  R visit(Expr.SetDisplay node);

  R visit(Expr.ListComp node);

  R visit(Expr.SetComp node);

  R visit(Expr.DictComp node);

  R visit(Expr.GeneratorExp node);

  R visit(Expr.Await node);

  R visit(Expr.Yield node);

  R visit(Expr.YieldFrom node);

  R visit(Expr.Compare node);

  R visit(Expr.Call node);

  R visit(Expr.FormattedValue node);

  R visit(Expr.JoinedStr node);

  R visit(Expr.Constant node);

  R visit(Expr.Attribute node);

  R visit(Expr.Subscript node);

  R visit(Expr.Starred node);

  R visit(Expr.Name node);

  R visit(Expr.ListDisplay node);

  R visit(Expr.Tuple node);

  R visit(Expr.Slice node);

  R visit(Stmt.FunctionDef node);

  R visit(Stmt.AsyncFunctionDef node);

  R visit(Stmt.ClassDef node);

  R visit(Stmt.Return node);

  R visit(Stmt.Delete node);

  R visit(Stmt.Assign node);

  R visit(Stmt.TypeAlias node);

  R visit(Stmt.AugAssign node);

  R visit(Stmt.AnnAssign node);

  R visit(Stmt.For node);

  R visit(Stmt.AsyncFor node);

  R visit(Stmt.While node);

  R visit(Stmt.If node);

  R visit(Stmt.With node);

  R visit(Stmt.AsyncWith node);

  R visit(Stmt.Match node);

  R visit(Stmt.Raise node);

  R visit(Stmt.Try node);

  R visit(Stmt.TryStar node);

  R visit(Stmt.Assert node);

  R visit(Stmt.Import node);

  R visit(Stmt.ImportFrom node);

  R visit(Stmt.Global node);

  R visit(Stmt.Nonlocal node);

  R visit(Stmt.ExprStatement node);

  R visit(Stmt.Pass node);

  R visit(Stmt.Break node);

  R visit(Stmt.Continue node);

  R visit(Pattern.MatchValue node);

  R visit(Pattern.MatchSingleton node);

  R visit(Pattern.MatchSequence node);

  R visit(Pattern.MatchMapping node);

  R visit(Pattern.MatchClass node);

  R visit(Pattern.MatchStar node);

  R visit(Pattern.MatchAs node);

  R visit(Pattern.MatchOr node);

  R visit(TypeParam.TypeVar node);

  R visit(TypeParam.ParamSpec node);

  R visit(TypeParam.TypeVarTuple node);

  R visit(Arguments node);

  R visit(Arg node);

  R visit(Keyword node);

  R visit(Alias node);

  R visit(WithItem node);

  R visit(MatchCase node);

  R visit(Comprehension node);

  R visit(ExceptHandler node);
}
