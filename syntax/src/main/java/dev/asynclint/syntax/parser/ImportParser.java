package dev.asynclint.syntax.parser;

import static dev.asynclint.syntax.lexer.TokenKind.*;

import dev.asynclint.syntax.ErrorMessage;
import dev.asynclint.syntax.ast.Alias;
import dev.asynclint.syntax.ast.Stmt;
import java.util.ArrayList;
import java.util.List;

/** {@code import} and {@code from ... import} statements. */
final class ImportParser {
  private final StatementParser parser;

  ImportParser(StatementParser parser) {
    this.parser = parser;
  }

  Stmt importStatement() {
    int start = parser.start();
    parser.expect(IMPORT);
    List<Alias> names = new ArrayList<>();
    do {
      int aliasStart = parser.start();
      String name = dottedName();
      String asName = parser.accept(AS) ? parser.name() : null;
      names.add(new Alias(name, asName, parser.from(aliasStart)));
    } while (parser.accept(COMMA));
    return new Stmt.Import(names, parser.from(start));
  }

  private String dottedName() {
    String name = parser.name();
    if (!parser.at(DOT)) {
      return name;
    }
    StringBuilder sb = new StringBuilder(name);
    while (parser.accept(DOT)) {
      sb.append('.').append(parser.name());
    }
    return sb.toString();
  }

  Stmt importFromStatement() {
    int start = parser.start();
    parser.expect(FROM);
    int level = 0;
    while (parser.at(DOT) || parser.at(ELLIPSIS)) {
      level += parser.at(DOT) ? 1 : 3;
      parser.p++;
    }
    String module = null;
    if (!parser.at(IMPORT)) {
      module = dottedName();
    }
    parser.expect(IMPORT);
    List<Alias> names = new ArrayList<>();
    if (parser.at(STAR)) {
      int starStart = parser.start();
      parser.p++;
      names.add(new Alias("*", null, parser.from(starStart)));
    } else if (parser.accept(LPAR)) {
      do {
        if (parser.at(RPAR) && !names.isEmpty()) {
          break;
        }
        names.add(importAlias());
      } while (parser.accept(COMMA));
      parser.expect(RPAR);
    } else {
      do {
        names.add(importAlias());
      } while (parser.accept(COMMA) && !trailingImportComma());
    }
    return new Stmt.ImportFrom(module, names, level, parser.from(start));
  }

  private boolean trailingImportComma() {
    if (parser.atSimpleStatementEnd()) {
      throw parser.failAt(
          ErrorMessage.IMPORT_TRAILING_COMMA.format(), parser.tokens.start(parser.p - 1));
    }
    return false;
  }

  private Alias importAlias() {
    int start = parser.start();
    String name = parser.name();
    String asName = parser.accept(AS) ? parser.name() : null;
    return new Alias(name, asName, parser.from(start));
  }
}
