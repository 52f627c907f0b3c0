package dev.asynclint.syntax.dump;

import dev.asynclint.syntax.PythonVersion;
import dev.asynclint.syntax.ast.Alias;
import dev.asynclint.syntax.ast.Arg;
import dev.asynclint.syntax.ast.Arguments;
import dev.asynclint.syntax.ast.Bytes;
import dev.asynclint.syntax.ast.CodePointString;
import dev.asynclint.syntax.ast.CompareOperator;
import dev.asynclint.syntax.ast.Comprehension;
import dev.asynclint.syntax.ast.ExceptHandler;
import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.syntax.ast.Imaginary;
import dev.asynclint.syntax.ast.Keyword;
import dev.asynclint.syntax.ast.MatchCase;
import dev.asynclint.syntax.ast.Module;
import dev.asynclint.syntax.ast.Node;
import dev.asynclint.syntax.ast.Pattern;
import dev.asynclint.syntax.ast.Singleton;
import dev.asynclint.syntax.ast.Stmt;
import dev.asynclint.syntax.ast.TypeParam;
import dev.asynclint.syntax.ast.Visitor;
import dev.asynclint.syntax.ast.WithItem;
import dev.asynclint.text.LineIndex;
import dev.asynclint.text.TextRange;
import java.math.BigInteger;
import java.util.List;

/**
 * Prints a syntax tree exactly as CPython's {@code ast.dump(tree, include_attributes=True)} does:
 * the oracle the parser is tested against. Up to Python 3.11 the parts of an f-string carry the
 * position of the whole string and there are no {@code type_params} fields; from 3.12 on every node
 * has its own position.
 */
public final class AstDump implements Visitor<Void> {
  private final String source;
  private final LineIndex lines;
  private final boolean python311;
  private final StringBuilder out = new StringBuilder();
  private FStringTokens fstringTokens;

  private AstDump(String source, PythonVersion version) {
    this.source = source;
    this.lines = LineIndex.of(source);
    this.python311 = !version.atLeast(PythonVersion.PY312);
  }

  /** The dump of {@code module}, parsed from {@code source}, in the style of {@code version}. */
  public static String dump(Module module, String source, PythonVersion version) {
    AstDump dump = new AstDump(source, version);
    dump.out.append("Module(");
    dump.nodes("body", module.body());
    dump.out.append(", type_ignores=[])");
    return dump.out.toString();
  }

  // ---------------------------------------------------------------- printing helpers

  private void open(String name) {
    out.append(name).append('(');
  }

  private void separator() {
    if (out.charAt(out.length() - 1) != '(') {
      out.append(", ");
    }
  }

  private void close() {
    out.append(')');
  }

  private void close(TextRange range) {
    separator();
    int start = range.start();
    int end = range.end();
    out.append("lineno=").append(lines.line(start));
    out.append(", col_offset=").append(lines.utf8Column(start));
    out.append(", end_lineno=").append(lines.line(end));
    out.append(", end_col_offset=").append(lines.utf8Column(end));
    out.append(')');
  }

  private void node(String name, Node value) {
    if (value == null) {
      return;
    }
    separator();
    out.append(name).append('=');
    value.accept(this);
  }

  private void nodes(String name, List<? extends Node> values) {
    separator();
    out.append(name).append("=[");
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      Node value = values.get(i);
      if (value == null) {
        out.append("None");
      } else {
        value.accept(this);
      }
    }
    out.append(']');
  }

  private void typeParams(List<TypeParam> values) {
    if (!python311 || !values.isEmpty()) {
      nodes("type_params", values);
    }
  }

  private void string(String name, String value) {
    if (value == null) {
      return;
    }
    separator();
    out.append(name).append('=').append(PythonRepr.str(value));
  }

  private void strings(String name, List<String> values) {
    separator();
    out.append(name).append("=[");
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      out.append(PythonRepr.str(values.get(i)));
    }
    out.append(']');
  }

  private void integer(String name, int value) {
    separator();
    out.append(name).append('=').append(value);
  }

  private void operator(String name, String astName) {
    separator();
    out.append(name).append('=').append(astName).append("()");
  }

  private void compareOperators(String name, List<CompareOperator> values) {
    separator();
    out.append(name).append("=[");
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      out.append(values.get(i).astName()).append("()");
    }
    out.append(']');
  }

  private void constantValue(Object value) {
    separator();
    out.append("value=");
    if (value instanceof String) {
      out.append(PythonRepr.str((String) value));
    } else if (value instanceof Long) {
      out.append((long) (Long) value);
    } else if (value instanceof BigInteger) {
      out.append(value);
    } else if (value instanceof Double) {
      out.append(PythonRepr.floatRepr((Double) value));
    } else if (value instanceof Imaginary) {
      out.append(PythonRepr.complexRepr(0.0, ((Imaginary) value).value()));
    } else if (value instanceof CodePointString) {
      out.append(PythonRepr.str(((CodePointString) value).codePoints()));
    } else if (value instanceof Bytes) {
      out.append(PythonRepr.bytes(((Bytes) value).value()));
    } else if (value instanceof Boolean) {
      out.append((Boolean) value ? "True" : "False");
    } else if (value == Singleton.NONE) {
      out.append("None");
    } else if (value == Singleton.ELLIPSIS) {
      out.append("Ellipsis");
    } else {
      throw new IllegalStateException("not a constant value: " + value);
    }
  }

  // ---------------------------------------------------------------- f-strings and constants

  @Override
  public Void visit(Expr.JoinedStr node) {
    joinedStr(node, node.range(), node.range(), false);
    return null;
  }

  /**
   * A JoinedStr at {@code range}; before 3.12 its parts are printed at {@code partsRange}, the
   * position of the outermost f-string they belong to (a format spec shares its owner's), except
   * that a format spec's trailing text was positioned at the spec itself.
   */
  private void joinedStr(
      Expr.JoinedStr node, TextRange range, TextRange partsRange, boolean formatSpec) {
    open("JoinedStr");
    separator();
    out.append("values=[");
    List<Expr> values = node.values();
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      Expr value = values.get(i);
      TextRange position = python311 ? partsRange : value.range();
      if (python311 && formatSpec && i == values.size() - 1 && value instanceof Expr.Constant) {
        position = range;
      }
      if (value instanceof Expr.FormattedValue) {
        formattedValue((Expr.FormattedValue) value, position, partsRange);
      } else {
        constant((Expr.Constant) value, position);
      }
    }
    out.append(']');
    close(range);
  }

  private void formattedValue(Expr.FormattedValue node, TextRange range, TextRange partsRange) {
    open("FormattedValue");
    Expr value = node.value();
    if (python311 && value instanceof Expr.Tuple && !isParenthesized((Expr.Tuple) value)) {
      separator();
      out.append("value=");
      Expr.Tuple t = (Expr.Tuple) value;
      tuple(t, bracesOf(node, t));
    } else {
      node("value", value);
    }
    integer("conversion", node.conversion());
    if (node.formatSpec() != null) {
      separator();
      out.append("format_spec=");
      Expr.JoinedStr spec = (Expr.JoinedStr) node.formatSpec();
      if (python311) {
        joinedStr(spec, fstringTokens().around(spec.range().start()), partsRange, true);
      } else {
        joinedStr(spec, spec.range(), spec.range(), true);
      }
    }
    close(range);
  }

  private FStringTokens fstringTokens() {
    if (fstringTokens == null) {
      fstringTokens = new FStringTokens(source);
    }
    return fstringTokens;
  }

  private static boolean isParenthesized(Expr.Tuple tuple) {
    return tuple.elts().isEmpty() || tuple.range().start() < tuple.elts().get(0).range().start();
  }

  /**
   * CPython before 3.12 parsed a field's text wrapped in parentheses, so a bare tuple there spans
   * from the opening brace through the character that ends the expression.
   */
  private TextRange bracesOf(Expr.FormattedValue field, Expr.Tuple tuple) {
    int end = tuple.range().end();
    while (Character.isWhitespace(source.charAt(end))) {
      end++;
    }
    return new TextRange(field.range().start(), end + 1);
  }

  private void tuple(Expr.Tuple node, TextRange range) {
    open("Tuple");
    nodes("elts", node.elts());
    operator("ctx", node.ctx().astName());
    close(range);
  }

  private void constant(Expr.Constant node, TextRange range) {
    open("Constant");
    constantValue(node.value());
    string("kind", node.kind());
    close(range);
  }

  @Override
  public Void visit(Expr.FormattedValue node) {
    formattedValue(node, node.range(), node.range());
    return null;
  }

  @Override
  public Void visit(Expr.Constant node) {
    constant(node, node.range());
    return null;
  }

  @Override
  public Void visit(Pattern.MatchSingleton node) {
    open("MatchSingleton");
    constantValue(node.value());
    close(node.range());
    return null;
  }

  // ---------------------------------------------------------------- every other node

  @Override
  public Void visit(Expr.BoolOp node) {
    open("BoolOp");
    operator("op", node.op().astName());
    nodes("values", node.values());
    close(node.range());
    return null;
  }

  @Override
  public Void visit(Expr.NamedExpr node) {
    open("NamedExpr");
    node("target", node.target());
    node("value", node.value());
    close(node.range());
    return null;
  }

  @Override
  public Void visit(Expr.BinOp node) {
    open("BinOp");
    node("left", node.left());
    operator("op", node.op().astName());
    node("right", node.right());
    close(node.range());
    return null;
  }

  @Override
  public Void visit(Expr.UnaryOp node) {
    open("UnaryOp");
    operator("op", node.op().astName());
    node("operand", node.operand());
    close(node.range());
    return null;
  }

  @Override
  public Void visit(Expr.Lambda node) {
    open("Lambda");
    node("args", node.args());
    node("body", node.body());
    close(node.range());
    return null;
  }

  @Override
  public Void visit(Expr.IfExp node) {
    open("IfExp");
    node("test", node.test());
    node("body", node.body());
    node("orelse", node.orElse());
    close(node.range());
    return null;
  }

  @Override
  public Void visit(Expr.DictDisplay node) {
    open("Dict");
    nodes("keys", node.keys());
    nodes("values", node.values());
    close(node.range());
    return null;
  }

  @Override
  public Void visit(Expr.SetDisplay node) {
    open("Set");
    nodes("elts", node.elts());
    close(node.range());
    return null;
  }

  @Override
  public Void visit(Expr.ListComp node) {
    open("ListComp");
    node("elt", node.elt());
    nodes("generators", node.generators());
    close(node.range());
    return null;
  }

  @Override
  public Void visit(Expr.SetComp node) {
    open("SetComp");
    node("elt", node.elt());
    nodes("generators", node.generators());
    close(node.range());
    return null;
  }

  @Override
  public Void visit(Expr.DictComp node) {
    open("DictComp");
    node("key", node.key());
    node("value", node.value());
    nodes("generators", node.generators());
    close(node.range());
    return null;
  }

  @Override
  public Void visit(Expr.GeneratorExp node) {
    open("GeneratorExp");
    node("elt", node.elt());
    nodes("generators", node.generators());
    close(node.range());
    return null;
  }

  @Override
  public Void visit(Expr.Await node) {
    open("Await");
    node("value", node.value());
    close(node.range());
    return null;
  }

  @Override
  public Void visit(Expr.Yield node) {
    open("Yield");
    node("value", node.value());
    close(node.range());
    return null;
  }

  @Override
  public Void visit(Expr.YieldFrom node) {
    open("YieldFrom");
    node("value", node.value());
    close(node.range());
    return null;
  }

  @Override
  public Void visit(Expr.Compare node) {
    open("Compare");
    node("left", node.left());
    compareOperators("ops", node.ops());
    nodes("comparators", node.comparators());
    close(node.range());
    return null;
  }

  @Override
  public Void visit(Expr.Call node) {
    open("Call");
    node("func", node.func());
    nodes("args", node.args());
    nodes("keywords", node.keywords());
    close(node.range());
    return null;
  }

  @Override
  public Void visit(Expr.Attribute node) {
    open("Attribute");
    node("value", node.value());
    string("attr", node.attr());
    operator("ctx", node.ctx().astName());
    close(node.range());
    return null;
  }

  @Override
  public Void visit(Expr.Subscript node) {
    open("Subscript");
    node("value", node.value());
    node("slice", node.slice());
    operator("ctx", node.ctx().astName());
    close(node.range());
    return null;
  }

  @Override
  public Void visit(Expr.Starred node) {
    open("Starred");
    node("value", node.value());
    operator("ctx", node.ctx().astName());
    close(node.range());
    return null;
  }

  @Override
  public Void visit(Expr.Name node) {
    open("Name");
    string("id", node.id());
    operator("ctx", node.ctx().astName());
    close(node.range());
    return null;
  }

  @Override
  public Void visit(Expr.ListDisplay node) {
    open("List");
    nodes("elts", node.elts());
    operator("ctx", node.ctx().astName());
    close(node.range());
    return null;
  }

  @Override
  public Void visit(Expr.Tuple node) {
    tuple(node, node.range());
    return null;
  }

  @Override
  public Void visit(Expr.Slice node) {
    open("Slice");
    node("lower", node.lower());
    node("upper", node.upper());
    node("step", node.step());
    close(node.range());
    return null;
  }

  @Override
  public Void visit(Stmt.FunctionDef node) {
    open("FunctionDef");
    string("name", node.name());
    node("args", node.args());
    nodes("body", node.body());
    nodes("decorator_list", node.decoratorList());
    node("returns", node.returns());
    typeParams(node.typeParams());
    close(node.range());
    return null;
  }

  @Override
  public Void visit(Stmt.AsyncFunctionDef node) {
    open("AsyncFunctionDef");
    string("name", node.name());
    node("args", node.args());
    nodes("body", node.body());
    nodes("decorator_list", node.decoratorList());
    node("returns", node.returns());
    typeParams(node.typeParams());
    close(node.range());
    return null;
  }

  @Override
  public Void visit(Stmt.ClassDef node) {
    open("ClassDef");
    string("name", node.name());
    nodes("bases", node.bases());
    nodes("keywords", node.keywords());
    nodes("body", node.body());
    nodes("decorator_list", node.decoratorList());
    typeParams(node.typeParams());
    close(node.range());
    return null;
  }

  @Override
  public Void visit(Stmt.Return node) {
    open("Return");
    node("value", node.value());
    close(node.range());
    return null;
  }

  @Override
  public Void visit(Stmt.Delete node) {
    open("Delete");
    nodes("targets", node.targets());
    close(node.range());
    return null;
  }

  @Override
  public Void visit(Stmt.Assign node) {
    open("Assign");
    nodes("targets", node.targets());
    node("value", node.value());
    close(node.range());
    return null;
  }

  @Override
  public Void visit(Stmt.TypeAlias node) {
    open("TypeAlias");
    node("name", node.name());
    typeParams(node.typeParams());
    node("value", node.value());
    close(node.range());
    return null;
  }

  @Override
  public Void visit(Stmt.AugAssign node) {
    open("AugAssign");
    node("target", node.target());
    operator("op", node.op().astName());
    node("value", node.value());
    close(node.range());
    return null;
  }

  @Override
  public Void visit(Stmt.AnnAssign node) {
    open("AnnAssign");
    node("target", node.target());
    node("annotation", node.annotation());
    node("value", node.value());
    integer("simple", node.simple());
    close(node.range());
    return null;
  }

  @Override
  public Void visit(Stmt.For node) {
    open("For");
    node("target", node.target());
    node("iter", node.iter());
    nodes("body", node.body());
    nodes("orelse", node.orElse());
    close(node.range());
    return null;
  }

  @Override
  public Void visit(Stmt.AsyncFor node) {
    open("AsyncFor");
    node("target", node.target());
    node("iter", node.iter());
    nodes("body", node.body());
    nodes("orelse", node.orElse());
    close(node.range());
    return null;
  }

  @Override
  public Void visit(Stmt.While node) {
    open("While");
    node("test", node.test());
    nodes("body", node.body());
    nodes("orelse", node.orElse());
    close(node.range());
    return null;
  }

  @Override
  public Void visit(Stmt.If node) {
    open("If");
    node("test", node.test());
    nodes("body", node.body());
    nodes("orelse", node.orElse());
    close(node.range());
    return null;
  }

  @Override
  public Void visit(Stmt.With node) {
    open("With");
    nodes("items", node.items());
    nodes("body", node.body());
    close(node.range());
    return null;
  }

  @Override
  public Void visit(Stmt.AsyncWith node) {
    open("AsyncWith");
    nodes("items", node.items());
    nodes("body", node.body());
    close(node.range());
    return null;
  }

  @Override
  public Void visit(Stmt.Match node) {
    open("Match");
    node("subject", node.subject());
    nodes("cases", node.cases());
    close(node.range());
    return null;
  }

  @Override
  public Void visit(Stmt.Raise node) {
    open("Raise");
    node("exc", node.exc());
    node("cause", node.cause());
    close(node.range());
    return null;
  }

  @Override
  public Void visit(Stmt.Try node) {
    open("Try");
    nodes("body", node.body());
    nodes("handlers", node.handlers());
    nodes("orelse", node.orElse());
    nodes("finalbody", node.finalBody());
    close(node.range());
    return null;
  }

  @Override
  public Void visit(Stmt.TryStar node) {
    open("TryStar");
    nodes("body", node.body());
    nodes("handlers", node.handlers());
    nodes("orelse", node.orElse());
    nodes("finalbody", node.finalBody());
    close(node.range());
    return null;
  }

  @Override
  public Void visit(Stmt.Assert node) {
    open("Assert");
    node("test", node.test());
    node("msg", node.msg());
    close(node.range());
    return null;
  }

  @Override
  public Void visit(Stmt.Import node) {
    open("Import");
    nodes("names", node.names());
    close(node.range());
    return null;
  }

  @Override
  public Void visit(Stmt.ImportFrom node) {
    open("ImportFrom");
    string("module", node.module());
    nodes("names", node.names());
    integer("level", node.level());
    close(node.range());
    return null;
  }

  @Override
  public Void visit(Stmt.Global node) {
    open("Global");
    strings("names", node.names());
    close(node.range());
    return null;
  }

  @Override
  public Void visit(Stmt.Nonlocal node) {
    open("Nonlocal");
    strings("names", node.names());
    close(node.range());
    return null;
  }

  @Override
  public Void visit(Stmt.ExprStatement node) {
    open("Expr");
    node("value", node.value());
    close(node.range());
    return null;
  }

  @Override
  public Void visit(Stmt.Pass node) {
    open("Pass");
    close(node.range());
    return null;
  }

  @Override
  public Void visit(Stmt.Break node) {
    open("Break");
    close(node.range());
    return null;
  }

  @Override
  public Void visit(Stmt.Continue node) {
    open("Continue");
    close(node.range());
    return null;
  }

  @Override
  public Void visit(Pattern.MatchValue node) {
    open("MatchValue");
    node("value", node.value());
    close(node.range());
    return null;
  }

  @Override
  public Void visit(Pattern.MatchSequence node) {
    open("MatchSequence");
    nodes("patterns", node.patterns());
    close(node.range());
    return null;
  }

  @Override
  public Void visit(Pattern.MatchMapping node) {
    open("MatchMapping");
    nodes("keys", node.keys());
    nodes("patterns", node.patterns());
    string("rest", node.rest());
    close(node.range());
    return null;
  }

  @Override
  public Void visit(Pattern.MatchClass node) {
    open("MatchClass");
    node("cls", node.cls());
    nodes("patterns", node.patterns());
    strings("kwd_attrs", node.kwdAttrs());
    nodes("kwd_patterns", node.kwdPatterns());
    close(node.range());
    return null;
  }

  @Override
  public Void visit(Pattern.MatchStar node) {
    open("MatchStar");
    string("name", node.name());
    close(node.range());
    return null;
  }

  @Override
  public Void visit(Pattern.MatchAs node) {
    open("MatchAs");
    node("pattern", node.pattern());
    string("name", node.name());
    close(node.range());
    return null;
  }

  @Override
  public Void visit(Pattern.MatchOr node) {
    open("MatchOr");
    nodes("patterns", node.patterns());
    close(node.range());
    return null;
  }

  @Override
  public Void visit(TypeParam.TypeVar node) {
    open("TypeVar");
    string("name", node.name());
    node("bound", node.bound());
    node("default_value", node.defaultValue());
    close(node.range());
    return null;
  }

  @Override
  public Void visit(TypeParam.ParamSpec node) {
    open("ParamSpec");
    string("name", node.name());
    node("default_value", node.defaultValue());
    close(node.range());
    return null;
  }

  @Override
  public Void visit(TypeParam.TypeVarTuple node) {
    open("TypeVarTuple");
    string("name", node.name());
    node("default_value", node.defaultValue());
    close(node.range());
    return null;
  }

  @Override
  public Void visit(Arguments node) {
    open("arguments");
    nodes("posonlyargs", node.posOnlyArgs());
    nodes("args", node.args());
    node("vararg", node.varArg());
    nodes("kwonlyargs", node.kwOnlyArgs());
    nodes("kw_defaults", node.kwDefaults());
    node("kwarg", node.kwArg());
    nodes("defaults", node.defaults());
    close();
    return null;
  }

  @Override
  public Void visit(Arg node) {
    open("arg");
    string("arg", node.arg());
    node("annotation", node.annotation());
    close(node.range());
    return null;
  }

  @Override
  public Void visit(Keyword node) {
    open("keyword");
    string("arg", node.arg());
    node("value", node.value());
    close(node.range());
    return null;
  }

  @Override
  public Void visit(Alias node) {
    open("alias");
    string("name", node.name());
    string("asname", node.asName());
    close(node.range());
    return null;
  }

  @Override
  public Void visit(WithItem node) {
    open("withitem");
    node("context_expr", node.contextExpr());
    node("optional_vars", node.optionalVars());
    close();
    return null;
  }

  @Override
  public Void visit(MatchCase node) {
    open("match_case");
    node("pattern", node.pattern());
    node("guard", node.guard());
    nodes("body", node.body());
    close();
    return null;
  }

  @Override
  public Void visit(Comprehension node) {
    open("comprehension");
    node("target", node.target());
    node("iter", node.iter());
    nodes("ifs", node.ifs());
    integer("is_async", node.isAsync());
    close();
    return null;
  }

  @Override
  public Void visit(ExceptHandler node) {
    open("ExceptHandler");
    node("type", node.type());
    string("name", node.name());
    nodes("body", node.body());
    close(node.range());
    return null;
  }
}
