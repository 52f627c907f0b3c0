package dev.asynclint.syntax.ast;

import java.util.ArrayList;
import java.util.List;

/** The statement lists (blocks) of the tree: which lists a node holds, which list holds a node. */
public final class Blocks {
  private Blocks() {}

  /** The statement list of {@code parent} that holds {@code child}; empty if none. */
  public static List<Stmt> holding(Node parent, Node child) {
    for (List<Stmt> block : of(parent)) {
      for (Stmt statement : block) {
        if (statement == child) {
          return block;
        }
      }
    }
    return List.of();
  }

  /**
   * The statement lists directly below a node: the body of a {@code def} or class, the blocks of a
   * compound statement, an except clause's body.
   */
  public static List<List<Stmt>> of(Node node) {
    if (node instanceof Stmt.FunctionDef) {
      return List.of(((Stmt.FunctionDef) node).body());
    }
    if (node instanceof Stmt.AsyncFunctionDef) {
      return List.of(((Stmt.AsyncFunctionDef) node).body());
    }
    if (node instanceof Stmt.ClassDef) {
      return List.of(((Stmt.ClassDef) node).body());
    }
    if (node instanceof Stmt.If) {
      return List.of(((Stmt.If) node).body(), ((Stmt.If) node).orElse());
    }
    if (node instanceof Stmt.For) {
      return List.of(((Stmt.For) node).body(), ((Stmt.For) node).orElse());
    }
    if (node instanceof Stmt.AsyncFor) {
      return List.of(((Stmt.AsyncFor) node).body(), ((Stmt.AsyncFor) node).orElse());
    }
    if (node instanceof Stmt.While) {
      return List.of(((Stmt.While) node).body(), ((Stmt.While) node).orElse());
    }
    if (node instanceof Stmt.With) {
      return List.of(((Stmt.With) node).body());
    }
    if (node instanceof Stmt.AsyncWith) {
      return List.of(((Stmt.AsyncWith) node).body());
    }
    if (node instanceof Stmt.Try) {
      Stmt.Try tryStmt = (Stmt.Try) node;
      return List.of(tryStmt.body(), tryStmt.orElse(), tryStmt.finalBody());
    }
    if (node instanceof Stmt.TryStar) {
      Stmt.TryStar tryStmt = (Stmt.TryStar) node;
      return List.of(tryStmt.body(), tryStmt.orElse(), tryStmt.finalBody());
    }
    if (node instanceof ExceptHandler) {
      return List.of(((ExceptHandler) node).body());
    }
    if (node instanceof Stmt.Match) {
      List<List<Stmt>> cases = new ArrayList<>();
      for (MatchCase matchCase : ((Stmt.Match) node).cases()) {
        cases.add(matchCase.body());
      }
      return cases;
    }
    return List.of();
  }
}
