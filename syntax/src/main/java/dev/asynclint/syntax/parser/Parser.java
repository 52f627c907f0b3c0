package dev.asynclint.syntax.parser;

import static dev.asynclint.syntax.lexer.TokenKind.*;

import dev.asynclint.syntax.ErrorMessage;
import dev.asynclint.syntax.PythonVersion;
import dev.asynclint.syntax.SyntaxError;
import dev.asynclint.syntax.ast.Module;
import dev.asynclint.syntax.ast.Stmt;
import dev.asynclint.syntax.lexer.Lexer;
import dev.asynclint.syntax.lexer.Tokens;
import dev.asynclint.text.LineIndex;
import dev.asynclint.text.TextRange;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses Python source into a syntax tree identical to CPython's {@code ast}. Total: it never
 * throws on any input; invalid source gives errors, and the statements around a bad one are still
 * parsed where the lines after it can be told apart.
 */
public final class Parser extends StatementParser {
  private Parser(String src, Tokens tokens, PythonVersion version) {
    super(src, tokens, version);
  }

  public static ParseResult parse(String source) {
    return parse(source, PythonVersion.LATEST);
  }

  public static ParseResult parse(String source, PythonVersion version) {
    Tokens tokens = Lexer.tokenize(source);
    Parser parser = new Parser(source, tokens, version);
    List<Stmt> body = new ArrayList<>();
    List<SyntaxError> errors = new ArrayList<>();
    parser.file(body, errors);
    return new ParseResult(source, new Module(body), errors, tokens);
  }

  private void file(List<Stmt> body, List<SyntaxError> errors) {
    List<Stmt> line = new ArrayList<>(1);
    while (!at(ENDMARKER)) {
      int statementStart = p;
      line.clear();
      try {
        if (at(ERROR)) {
          throw lexerFailure();
        }
        statement(line);
        body.addAll(line);
      } catch (ParseFailure e) {
        errors.add(explain(e));
        if (!skipToNextTopLevelStatement(statementStart)) {
          return;
        }
      } catch (StackOverflowError e) {
        // Only reachable on threads with unusually small stacks; the depth cap covers the rest.
        errors.add(
            new SyntaxError(ErrorMessage.TOO_DEEP.format(), new TextRange(start(), start())));
        return;
      }
    }
  }

  /**
   * A failure on a line after a bracket that is never closed is really that bracket's fault, as
   * CPython reports it.
   */
  private SyntaxError explain(ParseFailure failure) {
    SyntaxError lexerError = tokens.error();
    if (lexerError != null
        && lexerError.range().start() < src.length()
        && lexerError
            .message()
            .equals(ErrorMessage.NEVER_CLOSED.format(src.charAt(lexerError.range().start())))) {
      LineIndex lines = LineIndex.of(src);
      if (lines.line(lexerError.range().start()) < lines.line(failure.start)) {
        return lexerError;
      }
    }
    return failure.toSyntaxError();
  }

  /**
   * Recovery: moves past the failed statement to the next line that starts at column 0 (after the
   * lexer's dedents), where parsing can resume soundly. False if there is none.
   */
  private boolean skipToNextTopLevelStatement(int statementStart) {
    restore(Math.max(p, statementStart + 1), 0);
    while (true) {
      if (at(ERROR) || at(ENDMARKER)) {
        return false;
      }
      if (tokens.kind(p - 1) == NEWLINE) {
        while (at(DEDENT)) {
          p++;
        }
        if (at(ENDMARKER)) {
          return false;
        }
        if (!at(INDENT) && !at(ERROR) && isAtColumnZero(start())) {
          return true;
        }
      }
      p++;
    }
  }

  private boolean isAtColumnZero(int offset) {
    return offset == 0 || src.charAt(offset - 1) == '\n' || src.charAt(offset - 1) == '\r';
  }
}
