package dev.asynclint.syntax.ast;

import dev.asynclint.text.TextRange;
import java.util.List;

/** A statement node; one record per kind of CPython's {@code ast.stmt}. */
public sealed interface Stmt extends Located {

  /** {@code ast.FunctionDef}. */
  record FunctionDef(
      String name,
      Arguments args,
      List<Stmt> body,
      List<Expr> decoratorList,
      Expr returns,
      List<TypeParam> typeParams,
      TextRange range)
      implements Stmt {
    public FunctionDef {
      body = List.copyOf(body);
      decoratorList = List.copyOf(decoratorList);
      typeParams = List.copyOf(typeParams);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** {@code ast.AsyncFunctionDef}. */
  record AsyncFunctionDef(
      String name,
      Arguments args,
      List<Stmt> body,
      List<Expr> decoratorList,
      Expr returns,
      List<TypeParam> typeParams,
      TextRange range)
      implements Stmt {
    public AsyncFunctionDef {
      body = List.copyOf(body);
      decoratorList = List.copyOf(decoratorList);
      typeParams = List.copyOf(typeParams);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** {@code ast.ClassDef}. */
  record ClassDef(
      String name,
      List<Expr> bases,
      List<Keyword> keywords,
      List<Stmt> body,
      List<Expr> decoratorList,
      List<TypeParam> typeParams,
      TextRange range)
      implements Stmt {
    public ClassDef {
      bases = List.copyOf(bases);
      keywords = List.copyOf(keywords);
      body = List.copyOf(body);
      decoratorList = List.copyOf(decoratorList);
      typeParams = List.copyOf(typeParams);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** {@code ast.Return}. */
  record Return(Expr value, TextRange range) implements Stmt {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** {@code ast.Delete}. */
  record Delete(List<Expr> targets, TextRange range) implements Stmt {
    public Delete {
      targets = List.copyOf(targets);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** {@code ast.Assign}. */
  record Assign(List<Expr> targets, Expr value, TextRange range) implements Stmt {
    public Assign {
      targets = List.copyOf(targets);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** {@code ast.TypeAlias}. */
  record TypeAlias(Expr name, List<TypeParam> typeParams, Expr value, TextRange range)
      implements Stmt {
    public TypeAlias {
      typeParams = List.copyOf(typeParams);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** {@code ast.AugAssign}. */
  record AugAssign(Expr target, BinaryOperator op, Expr value, TextRange range) implements Stmt {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** {@code ast.AnnAssign}. */
  record AnnAssign(Expr target, Expr annotation, Expr value, int simple, TextRange range)
      implements Stmt {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** {@code ast.For}. */
  record For(Expr target, Expr iter, List<Stmt> body, List<Stmt> orElse, TextRange range)
      implements Stmt {
    public For {
      body = List.copyOf(body);
      orElse = List.copyOf(orElse);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** {@code ast.AsyncFor}. */
  record AsyncFor(Expr target, Expr iter, List<Stmt> body, List<Stmt> orElse, TextRange range)
      implements Stmt {
    public AsyncFor {
      body = List.copyOf(body);
      orElse = List.copyOf(orElse);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** {@code ast.While}. */
  record While(Expr test, List<Stmt> body, List<Stmt> orElse, TextRange range) implements Stmt {
    public While {
      body = List.copyOf(body);
      orElse = List.copyOf(orElse);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** {@code ast.If}. */
  record If(Expr test, List<Stmt> body, List<Stmt> orElse, TextRange range) implements Stmt {
    public If {
      body = List.copyOf(body);
      orElse = List.copyOf(orElse);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** {@code ast.With}. */
  record With(List<WithItem> items, List<Stmt> body, TextRange range) implements Stmt {
    public With {
      items = List.copyOf(items);
      body = List.copyOf(body);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** {@code ast.AsyncWith}. */
  record AsyncWith(List<WithItem> items, List<Stmt> body, TextRange range) implements Stmt {
    public AsyncWith {
      items = List.copyOf(items);
      body = List.copyOf(body);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** {@code ast.Match}. */
  record Match(Expr subject, List<MatchCase> cases, TextRange range) implements Stmt {
    public Match {
      cases = List.copyOf(cases);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** {@code ast.Raise}. */
  record Raise(Expr exc, Expr cause, TextRange range) implements Stmt {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** {@code ast.Try}. */
  record Try(
      List<Stmt> body,
      List<ExceptHandler> handlers,
      List<Stmt> orElse,
      List<Stmt> finalBody,
      TextRange range)
      implements Stmt {
    public Try {
      body = List.copyOf(body);
      handlers = List.copyOf(handlers);
      orElse = List.copyOf(orElse);
      finalBody = List.copyOf(finalBody);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** {@code ast.TryStar}. */
  record TryStar(
      List<Stmt> body,
      List<ExceptHandler> handlers,
      List<Stmt> orElse,
      List<Stmt> finalBody,
      TextRange range)
      implements Stmt {
    public TryStar {
      body = List.copyOf(body);
      handlers = List.copyOf(handlers);
      orElse = List.copyOf(orElse);
      finalBody = List.copyOf(finalBody);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** {@code ast.Assert}. */
  record Assert(Expr test, Expr msg, TextRange range) implements Stmt {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** {@code ast.Import}. */
  record Import(List<Alias> names, TextRange range) implements Stmt {
    public Import {
      names = List.copyOf(names);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** {@code ast.ImportFrom}. */
  record ImportFrom(String module, List<Alias> names, int level, TextRange range) implements Stmt {
    public ImportFrom {
      names = List.copyOf(names);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** {@code ast.Global}. */
  record Global(List<String> names, TextRange range) implements Stmt {
    public Global {
      names = List.copyOf(names);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** {@code ast.Nonlocal}. */
  record Nonlocal(List<String> names, TextRange range) implements Stmt {
    public Nonlocal {
      names = List.copyOf(names);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** {@code ast.Expr}. */
  record ExprStatement(Expr value, TextRange range) implements Stmt {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** {@code ast.Pass}. */
  record Pass(TextRange range) implements Stmt {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** {@code ast.Break}. */
  record Break(TextRange range) implements Stmt {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** {@code ast.Continue}. */
  record Continue(TextRange range) implements Stmt {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }
}
