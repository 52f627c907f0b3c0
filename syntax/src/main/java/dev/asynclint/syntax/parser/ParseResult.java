package dev.asynclint.syntax.parser;

import dev.asynclint.syntax.SyntaxError;
import dev.asynclint.syntax.ast.Module;
import dev.asynclint.syntax.lexer.Tokens;
import java.util.List;

/**
 * What parsing a file gives: always a module (holding the statements that parsed, when there are
 * errors), the syntax errors in source order, and the tokens with their comments.
 */
public record ParseResult(String source, Module module, List<SyntaxError> errors, Tokens tokens) {
  public ParseResult {
    errors = List.copyOf(errors);
  }

  public boolean hasErrors() {
    return !errors.isEmpty();
  }
}
