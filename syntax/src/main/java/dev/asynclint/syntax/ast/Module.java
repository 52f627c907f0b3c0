package dev.asynclint.syntax.ast;

import java.util.List;

/** A parsed source file ({@code ast.Module}). */
public record Module(List<Stmt> body) {
  public Module {
    body = List.copyOf(body);
  }
}
