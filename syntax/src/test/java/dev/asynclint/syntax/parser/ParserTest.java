package dev.asynclint.syntax.parser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asynclint.syntax.PythonVersion;
import dev.asynclint.syntax.SyntaxError;
import dev.asynclint.syntax.ast.CodePointString;
import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.syntax.ast.Stmt;
import dev.asynclint.text.LineIndex;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class ParserTest {
  private static Expr expression(String source) {
    ParseResult result = Parser.parse(source);
    assertThat(result.errors()).isEmpty();
    return ((Stmt.ExprStatement) result.module().body().get(0)).value();
  }

  private static SyntaxError firstError(String source, PythonVersion version) {
    ParseResult result = Parser.parse(source, version);
    assertThat(result.errors()).as(source).isNotEmpty();
    return result.errors().get(0);
  }

  @Test
  void recoversAtTheNextTopLevelStatement() {
    String source =
        "import os\ndef f():\n    x = = 1\n    return 2\ny = 3\nprint 'x'\nclass C: pass\n";
    ParseResult result = Parser.parse(source);
    assertThat(result.errors()).hasSize(2);
    assertThat(result.module().body())
        .extracting(s -> s.getClass().getSimpleName())
        .containsExactly("Import", "Assign", "ClassDef");
  }

  @Test
  void anUnclosedBracketSwallowsTheRestOfTheFile() {
    // The tokenizer cannot tell where the bracket should have closed, so nothing after it is sound.
    ParseResult result = Parser.parse("x = 1\ny = (1,\nz = 2\n");
    assertThat(result.errors()).hasSize(1);
    assertThat(result.errors().get(0).message()).isEqualTo("'(' was never closed");
    assertThat(result.module().body()).hasSize(1);
  }

  @Test
  void errorsCarryTheirPosition() {
    String source = "x = 1\nif x\n    pass\n";
    SyntaxError error = firstError(source, PythonVersion.LATEST);
    LineIndex lines = LineIndex.of(source);
    assertThat(lines.line(error.range().start())).isEqualTo(2);
    assertThat(error.message()).contains("':'");
  }

  @Test
  void targetVersionLimitsTheSyntax() {
    assertThat(Parser.parse("match x:\n    case 1: pass\n", PythonVersion.PY310).errors())
        .isEmpty();
    assertThat(Parser.parse("match x:\n    case 1: pass\n", PythonVersion.PY39).errors())
        .isNotEmpty();
    assertThat(firstError("try: pass\nexcept* E: pass\n", PythonVersion.PY310).message())
        .isEqualTo("except* requires Python 3.11 or newer");
    assertThat(firstError("type X = int\n", PythonVersion.PY311).message())
        .startsWith("invalid syntax");
    assertThat(Parser.parse("type X = int\n", PythonVersion.PY312).errors()).isEmpty();
    assertThat(firstError("def f[T = int](): pass\n", PythonVersion.PY312).message())
        .isEqualTo("type parameter defaults requires Python 3.13 or newer");
  }

  @Test
  void softKeywordsStayNames() {
    ParseResult result =
        Parser.parse("match = 1\nmatch(x)\ncase = type\ntype(x)\n_ = match.case\n");
    assertThat(result.errors()).isEmpty();
    assertThat(result.module().body()).hasSize(5);
  }

  @Test
  void constantValues() {
    assertThat(((Expr.Constant) expression("1_000")).value()).isEqualTo(1000L);
    assertThat(((Expr.Constant) expression("0xFFFFFFFFFFFFFFFFFF")).value())
        .isEqualTo(new BigInteger("FFFFFFFFFFFFFFFFFF", 16));
    assertThat(((Expr.Constant) expression("1.5e3")).value()).isEqualTo(1500.0);
    assertThat(((Expr.Constant) expression("'a' 'b'")).value()).isEqualTo("ab");
    assertThat(((Expr.Constant) expression("'\\N{BULLET}\\x41\\101'")).value())
        .isEqualTo("\u2022AA");
    assertThat(((Expr.Constant) expression("'\\ud834\\udd1e'")).value())
        .isEqualTo(new CodePointString(new int[] {0xd834, 0xdd1e}));
    assertThat(((Expr.Constant) expression("'\\U0001d11e'")).value()).isEqualTo("\ud834\udd1e");
    assertThat(((Expr.Constant) expression("'''a\r\nb'''")).value()).isEqualTo("a\nb");
  }

  @Test
  void joinedStrings() {
    Expr.JoinedStr joined = (Expr.JoinedStr) expression("'a' f'b{x}' 'c'");
    assertThat(joined.values()).hasSize(3);
    assertThat(((Expr.Constant) joined.values().get(0)).value()).isEqualTo("ab");
    assertThat(((Expr.FormattedValue) joined.values().get(1)).conversion()).isEqualTo(-1);
  }

  @Test
  void deepNestingIsASyntaxErrorNotAStackOverflow() {
    String unary = "-".repeat(100_000) + "1\n";
    assertThat(firstError(unary, PythonVersion.LATEST).message()).contains("too complex");
    String parens = "(".repeat(300) + ")".repeat(300);
    assertThat(firstError(parens, PythonVersion.LATEST).message())
        .isEqualTo("too many nested parentheses");
  }

  @Test
  void errorsComeFromTheCatalog() {
    assertThat(firstError("f() = 1\n", PythonVersion.LATEST).message())
        .isEqualTo("cannot assign to function call");
    assertThat(firstError("def f(a=1, b): pass\n", PythonVersion.LATEST).message())
        .isEqualTo("non-default argument follows default argument");
    assertThat(firstError("f(x for x in y, 1)\n", PythonVersion.LATEST).message())
        .isEqualTo("Generator expression must be parenthesized");
    assertThat(firstError("'a' b'b'\n", PythonVersion.LATEST).message())
        .isEqualTo("cannot mix bytes and nonbytes literals");
  }
}
