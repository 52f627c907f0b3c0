package dev.asynclint.semantic.scope;

import dev.asynclint.syntax.ast.Alias;
import dev.asynclint.syntax.ast.Arg;
import dev.asynclint.syntax.ast.Arguments;
import dev.asynclint.syntax.ast.Comprehension;
import dev.asynclint.syntax.ast.ExceptHandler;
import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.syntax.ast.ExprContext;
import dev.asynclint.syntax.ast.MatchCase;
import dev.asynclint.syntax.ast.Module;
import dev.asynclint.syntax.ast.Node;
import dev.asynclint.syntax.ast.Pattern;
import dev.asynclint.syntax.ast.Stmt;
import dev.asynclint.syntax.ast.TypeParam;
import dev.asynclint.syntax.ast.Walker;
import dev.asynclint.syntax.ast.WithItem;
import dev.asynclint.text.TextRange;
import java.util.List;

/**
 * Walks a module in the order Python evaluates its scopes: decorators, defaults and annotations in
 * the enclosing scope, a comprehension's first iterable outside it, a function's body in its own
 * scope. It knows at every node the current scope, the conditional block and the loop depth.
 *
 * <p>The first walk of a module ({@link ModuleScopes#build}) records the scopes and bindings, and
 * where each call stands; later walks (rules) subclass this walker over the finished {@link
 * ModuleScopes} and see exactly the same scopes and blocks, through {@link #enterNode} and {@link
 * #leaveNode}.
 */
public abstract class ScopeWalker extends Walker {
  private final ModuleScopes scopes;
  private final boolean building;
  private Scope scope;
  private Branch branch;
  private int nextBranchId;
  private int loopDepth;

  /** In a comprehension: the block around it in the nearest scope that is not a comprehension. */
  private Branch comprehensionBlock;

  private BindingKind targetKind;
  private int targetEffective;
  private Expr targetValue;

  /** A walker over scopes already built. */
  protected ScopeWalker(ModuleScopes scopes) {
    this(scopes, false);
  }

  ScopeWalker(ModuleScopes scopes, boolean building) {
    this.scopes = scopes;
    this.building = building;
  }

  /** Walks the whole module. */
  public final void walkModule(Module module) {
    scope = scopes.moduleScope();
    branch = null;
    nextBranchId = 0;
    loopDepth = 0;
    walk(module);
  }

  /** Called before each node's children are walked. */
  protected void enterNode(Node node) {}

  /** Called after each node's children were walked. */
  protected void leaveNode(Node node) {}

  protected final ModuleScopes scopes() {
    return scopes;
  }

  /** The scope the current node is evaluated in. */
  protected final Scope currentScope() {
    return scope;
  }

  /** The innermost conditional block around the current node within its scope; null if none. */
  protected final Branch currentBranch() {
    return branch;
  }

  /** How many loop bodies of the current function (or module) enclose the current node. */
  protected final int loopDepth() {
    return loopDepth;
  }

  /** Whether the current node runs in async context: inside an {@code async def} body. */
  protected final boolean inAsyncContext() {
    Scope function = scope.enclosingFunction();
    return function != null && function.isAsyncFunction();
  }

  @Override
  protected final boolean enter(Node node) {
    enterNode(node);
    if (handled(node)) {
      leaveNode(node);
      return false;
    }
    return true;
  }

  @Override
  protected final void leave(Node node) {
    leaveNode(node);
  }

  /** Walks the nodes whose scoping needs care; false leaves the others to the plain walk. */
  private boolean handled(Node node) {
    if (node instanceof Expr) {
      return handledExpr((Expr) node);
    }
    if (node instanceof Stmt) {
      return handledStmt((Stmt) node);
    }
    if (node instanceof Pattern) {
      bindCaptures((Pattern) node);
    }
    return false;
  }

  private boolean handledExpr(Expr node) {
    if (node instanceof Expr.Name) {
      name((Expr.Name) node);
      return true;
    }
    if (node instanceof Expr.Lambda) {
      Expr.Lambda lambda = (Expr.Lambda) node;
      walkDefaults(lambda.args());
      Frame outer = enterScope(ScopeKind.LAMBDA, lambda, "<lambda>");
      bindParameters(lambda.args(), lambda.range().start());
      walk(lambda.body());
      leaveScope(outer);
      return true;
    }
    if (node instanceof Expr.ListComp) {
      Expr.ListComp comp = (Expr.ListComp) node;
      comprehension(comp, "<listcomp>", comp.generators(), comp.elt(), null);
      return true;
    }
    if (node instanceof Expr.SetComp) {
      Expr.SetComp comp = (Expr.SetComp) node;
      comprehension(comp, "<setcomp>", comp.generators(), comp.elt(), null);
      return true;
    }
    if (node instanceof Expr.GeneratorExp) {
      Expr.GeneratorExp comp = (Expr.GeneratorExp) node;
      comprehension(comp, "<genexpr>", comp.generators(), comp.elt(), null);
      return true;
    }
    if (node instanceof Expr.DictComp) {
      Expr.DictComp comp = (Expr.DictComp) node;
      comprehension(comp, "<dictcomp>", comp.generators(), comp.key(), comp.value());
      return true;
    }
    if (node instanceof Expr.NamedExpr) {
      Expr.NamedExpr named = (Expr.NamedExpr) node;
      walk(named.value());
      Scope target = scope;
      while (target.kind() == ScopeKind.COMPREHENSION) {
        target = target.parent();
      }
      Expr.Name name = (Expr.Name) named.target();
      // The walrus binds outside the comprehension, whose body may run any number of times (even
      // never): in a block of its own inside the one holding the comprehension.
      bind(
          target,
          name.id(),
          BindingKind.NAMED_EXPRESSION,
          name.range(),
          named.range().end(),
          target == scope ? branch : new Branch(comprehensionBlock, nextBranchId++),
          named.value(),
          null,
          null);
      enterNode(name);
      leaveNode(name);
      return true;
    }
    return false;
  }

  private boolean handledStmt(Stmt node) {
    if (node instanceof Stmt.FunctionDef) {
      Stmt.FunctionDef def = (Stmt.FunctionDef) node;
      function(
          def,
          def.name(),
          def.args(),
          def.body(),
          def.decoratorList(),
          def.returns(),
          def.typeParams());
      return true;
    }
    if (node instanceof Stmt.AsyncFunctionDef) {
      Stmt.AsyncFunctionDef def = (Stmt.AsyncFunctionDef) node;
      function(
          def,
          def.name(),
          def.args(),
          def.body(),
          def.decoratorList(),
          def.returns(),
          def.typeParams());
      return true;
    }
    if (node instanceof Stmt.ClassDef) {
      classDef((Stmt.ClassDef) node);
      return true;
    }
    if (node instanceof Stmt.Assign) {
      Stmt.Assign assign = (Stmt.Assign) node;
      walk(assign.value());
      for (Expr target : assign.targets()) {
        target(target, BindingKind.ASSIGNMENT, assign.range().end(), assign.value());
      }
      return true;
    }
    if (node instanceof Stmt.AugAssign) {
      Stmt.AugAssign assign = (Stmt.AugAssign) node;
      walk(assign.value());
      if (assign.target() instanceof Expr.Name) {
        Expr.Name name = (Expr.Name) assign.target();
        reference(name.id());
        bind(
            scope,
            name.id(),
            BindingKind.ASSIGNMENT,
            name.range(),
            assign.range().end(),
            branch,
            null,
            null,
            null);
        enterNode(name);
        leaveNode(name);
      } else {
        walk(assign.target());
      }
      return true;
    }
    if (node instanceof Stmt.AnnAssign) {
      Stmt.AnnAssign assign = (Stmt.AnnAssign) node;
      walk(assign.annotation());
      walk(assign.value());
      BindingKind kind = assign.value() == null ? BindingKind.ANNOTATION : BindingKind.ASSIGNMENT;
      if (kind == BindingKind.ANNOTATION
          && assign.simple() == 0
          && assign.target() instanceof Expr.Name) {
        // `(x): T` annotates an expression: unlike `x: T`, it does not make x local.
        enterNode(assign.target());
        leaveNode(assign.target());
      } else {
        target(assign.target(), kind, assign.range().end(), assign.value());
      }
      return true;
    }
    if (node instanceof Stmt.TypeAlias) {
      Stmt.TypeAlias alias = (Stmt.TypeAlias) node;
      Frame typeScope = typeParameters(alias, alias.typeParams());
      walk(alias.value());
      if (typeScope != null) {
        leaveScope(typeScope);
      }
      target(alias.name(), BindingKind.ASSIGNMENT, alias.range().end(), alias.value());
      return true;
    }
    if (node instanceof Stmt.For) {
      Stmt.For loop = (Stmt.For) node;
      forLoop(loop.target(), loop.iter(), loop.body(), loop.orElse());
      return true;
    }
    if (node instanceof Stmt.AsyncFor) {
      Stmt.AsyncFor loop = (Stmt.AsyncFor) node;
      forLoop(loop.target(), loop.iter(), loop.body(), loop.orElse());
      return true;
    }
    if (node instanceof Stmt.While) {
      Stmt.While loop = (Stmt.While) node;
      walk(loop.test());
      Branch outer = enterBranch();
      loopDepth++;
      walkAll(loop.body());
      loopDepth--;
      branch = outer;
      conditional(loop.orElse());
      return true;
    }
    if (node instanceof Stmt.If) {
      Stmt.If test = (Stmt.If) node;
      walk(test.test());
      conditional(test.body());
      conditional(test.orElse());
      return true;
    }
    if (node instanceof Stmt.With) {
      Stmt.With with = (Stmt.With) node;
      withItems(with.items());
      walkAll(with.body());
      return true;
    }
    if (node instanceof Stmt.AsyncWith) {
      Stmt.AsyncWith with = (Stmt.AsyncWith) node;
      withItems(with.items());
      walkAll(with.body());
      return true;
    }
    if (node instanceof Stmt.Try) {
      Stmt.Try attempt = (Stmt.Try) node;
      tryStatement(attempt.body(), attempt.handlers(), attempt.orElse(), attempt.finalBody());
      return true;
    }
    if (node instanceof Stmt.TryStar) {
      Stmt.TryStar attempt = (Stmt.TryStar) node;
      tryStatement(attempt.body(), attempt.handlers(), attempt.orElse(), attempt.finalBody());
      return true;
    }
    if (node instanceof Stmt.Match) {
      Stmt.Match match = (Stmt.Match) node;
      walk(match.subject());
      for (MatchCase matchCase : match.cases()) {
        Branch outer = enterBranch();
        walk(matchCase);
        branch = outer;
      }
      return true;
    }
    if (node instanceof Stmt.Delete) {
      Stmt.Delete delete = (Stmt.Delete) node;
      for (Expr target : delete.targets()) {
        target(target, BindingKind.DELETION, delete.range().end(), null);
      }
      return true;
    }
    if (node instanceof Stmt.Import) {
      importStatement((Stmt.Import) node);
      return false;
    }
    if (node instanceof Stmt.ImportFrom) {
      importFrom((Stmt.ImportFrom) node);
      return false;
    }
    if (node instanceof Stmt.Global) {
      if (building) {
        for (String name : ((Stmt.Global) node).names()) {
          scope.symbolFor(name).declareGlobal();
        }
      }
      return false;
    }
    if (node instanceof Stmt.Nonlocal) {
      if (building) {
        for (String name : ((Stmt.Nonlocal) node).names()) {
          scope.symbolFor(name).declareNonlocal();
        }
      }
      return false;
    }
    return false;
  }

  private void function(
      Stmt node,
      String name,
      Arguments args,
      List<Stmt> body,
      List<Expr> decorators,
      Expr returns,
      List<TypeParam> typeParams) {
    walkAll(decorators);
    walkDefaults(args);
    Scope outer = scope;
    Frame typeScope = typeParameters(node, typeParams);
    walkAnnotations(args);
    walk(returns);
    Frame saved = enterScope(ScopeKind.FUNCTION, node, name);
    bindParameters(args, node.range().start());
    walkAll(body);
    leaveScope(saved);
    if (typeScope != null) {
      leaveScope(typeScope);
    }
    bind(
        outer,
        name,
        BindingKind.FUNCTION,
        nameRange(node, name),
        node.range().end(),
        branch,
        null,
        node,
        null);
  }

  private void classDef(Stmt.ClassDef node) {
    walkAll(node.decoratorList());
    Scope outer = scope;
    Frame typeScope = typeParameters(node, node.typeParams());
    walkAll(node.bases());
    walkAll(node.keywords());
    Frame saved = enterScope(ScopeKind.CLASS, node, node.name());
    walkAll(node.body());
    leaveScope(saved);
    if (typeScope != null) {
      leaveScope(typeScope);
    }
    bind(
        outer,
        node.name(),
        BindingKind.CLASS,
        nameRange(node, node.name()),
        node.range().end(),
        branch,
        null,
        node,
        null);
  }

  /** Opens the annotation scope of a generic definition; null when it has no type parameters. */
  private Frame typeParameters(Stmt node, List<TypeParam> typeParams) {
    if (typeParams.isEmpty()) {
      return null;
    }
    Frame outer = enterScope(ScopeKind.TYPE_PARAMETERS, typeParams.get(0), "<generic parameters>");
    for (TypeParam parameter : typeParams) {
      String name = typeParameterName(parameter);
      bind(
          scope,
          name,
          BindingKind.TYPE_PARAMETER,
          parameter.range(),
          node.range().start(),
          null,
          null,
          parameter,
          null);
      walk(parameter);
    }
    return outer;
  }

  private static String typeParameterName(TypeParam parameter) {
    if (parameter instanceof TypeParam.TypeVar) {
      return ((TypeParam.TypeVar) parameter).name();
    }
    if (parameter instanceof TypeParam.ParamSpec) {
      return ((TypeParam.ParamSpec) parameter).name();
    }
    return ((TypeParam.TypeVarTuple) parameter).name();
  }

  private void comprehension(
      Expr node, String name, List<Comprehension> generators, Expr element, Expr value) {
    walk(generators.get(0).iter());
    Branch savedBlock = comprehensionBlock;
    if (scope.kind() != ScopeKind.COMPREHENSION) {
      comprehensionBlock = branch;
    }
    Frame outer = enterScope(ScopeKind.COMPREHENSION, node, name);
    for (int i = 0; i < generators.size(); i++) {
      Comprehension generator = generators.get(i);
      enterNode(generator);
      if (i > 0) {
        walk(generator.iter());
      }
      target(generator.target(), BindingKind.LOOP_TARGET, node.range().start(), null);
      walkAll(generator.ifs());
      leaveNode(generator);
    }
    walk(element);
    walk(value);
    leaveScope(outer);
    comprehensionBlock = savedBlock;
  }

  private void forLoop(Expr target, Expr iter, List<Stmt> body, List<Stmt> orElse) {
    walk(iter);
    Branch outer = enterBranch();
    loopDepth++;
    target(target, BindingKind.LOOP_TARGET, iter.range().end(), null);
    walkAll(body);
    loopDepth--;
    branch = outer;
    conditional(orElse);
  }

  private void withItems(List<WithItem> items) {
    for (WithItem item : items) {
      enterNode(item);
      walk(item.contextExpr());
      if (item.optionalVars() != null) {
        int end = item.optionalVars().range().end();
        target(item.optionalVars(), BindingKind.WITH_TARGET, end, item.contextExpr());
      }
      leaveNode(item);
    }
  }

  private void tryStatement(
      List<Stmt> body, List<ExceptHandler> handlers, List<Stmt> orElse, List<Stmt> finalBody) {
    conditional(body);
    for (ExceptHandler handler : handlers) {
      Branch outer = enterBranch();
      enterNode(handler);
      walk(handler.type());
      if (handler.name() != null) {
        int start = handler.type() == null ? handler.range().start() : handler.type().range().end();
        bind(
            scope,
            handler.name(),
            BindingKind.EXCEPT_HANDLER,
            handler.range(),
            start,
            branch,
            handler.type(),
            null,
            null);
      }
      walkAll(handler.body());
      if (handler.name() != null) {
        bind(
            scope,
            handler.name(),
            BindingKind.DELETION,
            handler.range(),
            handler.range().end(),
            branch,
            null,
            null,
            null);
      }
      leaveNode(handler);
      branch = outer;
    }
    conditional(orElse);
    walkAll(finalBody);
  }

  private void importStatement(Stmt.Import node) {
    for (Alias alias : node.names()) {
      String full = alias.name();
      String bound;
      String imported;
      if (alias.asName() != null) {
        bound = alias.asName();
        imported = full;
      } else {
        int dot = full.indexOf('.');
        bound = dot < 0 ? full : full.substring(0, dot);
        imported = bound;
      }
      bind(
          scope,
          bound,
          BindingKind.IMPORT,
          alias.range(),
          node.range().end(),
          branch,
          null,
          alias,
          imported);
    }
  }

  private void importFrom(Stmt.ImportFrom node) {
    String module =
        ImportNames.absolute(scopes.moduleName(), scopes.isPackage(), node.level(), node.module());
    for (Alias alias : node.names()) {
      if (alias.name().equals("*")) {
        if (building) {
          scope.addStarImport(new Scope.StarImport(module, node.range().end()));
        }
        continue;
      }
      String bound = alias.asName() != null ? alias.asName() : alias.name();
      String imported = module == null ? null : module + "." + alias.name();
      bind(
          scope,
          bound,
          BindingKind.FROM_IMPORT,
          alias.range(),
          node.range().end(),
          branch,
          null,
          alias,
          imported);
    }
  }

  private void name(Expr.Name name) {
    if (name.ctx() == ExprContext.LOAD) {
      reference(name.id());
    } else if (targetKind != null) {
      bind(
          scope,
          name.id(),
          targetKind,
          name.range(),
          targetEffective,
          branch,
          targetValue,
          null,
          null);
    } else {
      bind(
          scope,
          name.id(),
          BindingKind.ASSIGNMENT,
          name.range(),
          name.range().end(),
          branch,
          null,
          null,
          null);
    }
  }

  /** Walks an assignment target, binding the names in it. */
  private void target(Expr target, BindingKind kind, int effective, Expr value) {
    BindingKind savedKind = targetKind;
    int savedEffective = targetEffective;
    Expr savedValue = targetValue;
    targetKind = kind;
    targetEffective = effective;
    // Only a name bound to the whole value gets it: `a, b = f()` tells nothing of `a`.
    targetValue = target instanceof Expr.Name ? value : null;
    if (target instanceof Expr.Attribute && kind == BindingKind.ASSIGNMENT && value != null) {
      attributeAssigned((Expr.Attribute) target, value);
    }
    walk(target);
    targetKind = savedKind;
    targetEffective = savedEffective;
    targetValue = savedValue;
  }

  private void bindCaptures(Pattern pattern) {
    String name = null;
    if (pattern instanceof Pattern.MatchAs) {
      name = ((Pattern.MatchAs) pattern).name();
    } else if (pattern instanceof Pattern.MatchStar) {
      name = ((Pattern.MatchStar) pattern).name();
    } else if (pattern instanceof Pattern.MatchMapping) {
      name = ((Pattern.MatchMapping) pattern).rest();
    }
    if (name != null) {
      bind(
          scope,
          name,
          BindingKind.MATCH_CAPTURE,
          pattern.range(),
          pattern.range().end(),
          branch,
          null,
          null,
          null);
    }
  }

  private void walkDefaults(Arguments args) {
    walkAll(args.defaults());
    walkAll(args.kwDefaults());
  }

  private void walkAnnotations(Arguments args) {
    walkAnnotations(args.posOnlyArgs());
    walkAnnotations(args.args());
    if (args.varArg() != null) {
      walk(args.varArg().annotation());
    }
    walkAnnotations(args.kwOnlyArgs());
    if (args.kwArg() != null) {
      walk(args.kwArg().annotation());
    }
  }

  private void bindParameters(Arguments args, int start) {
    bindParameters(args.posOnlyArgs(), start);
    bindParameters(args.args(), start);
    if (args.varArg() != null) {
      bindParameter(args.varArg(), start);
    }
    bindParameters(args.kwOnlyArgs(), start);
    if (args.kwArg() != null) {
      bindParameter(args.kwArg(), start);
    }
  }

  private void bindParameters(List<Arg> args, int start) {
    for (int i = 0; i < args.size(); i++) {
      bindParameter(args.get(i), start);
    }
  }

  private void walkAnnotations(List<Arg> args) {
    for (int i = 0; i < args.size(); i++) {
      walk(args.get(i).annotation());
    }
  }

  private void bindParameter(Arg arg, int start) {
    bind(
        scope,
        arg.arg(),
        BindingKind.PARAMETER,
        arg.range(),
        start,
        null,
        arg.annotation(),
        arg,
        null);
  }

  private void conditional(List<Stmt> body) {
    if (body.isEmpty()) {
      return;
    }
    Branch outer = enterBranch();
    walkAll(body);
    branch = outer;
  }

  private Branch enterBranch() {
    Branch outer = branch;
    branch = new Branch(outer, nextBranchId++);
    return outer;
  }

  /** What entering a scope replaces, restored on leaving it. */
  private record Frame(Scope scope, Branch branch, int loopDepth) {}

  /**
   * Enters a nested scope, whose conditional blocks start afresh; the loop depth starts afresh in a
   * {@code def} or {@code class} body, which does not run per iteration of a loop around it.
   */
  private Frame enterScope(ScopeKind kind, Node node, String name) {
    Frame outer = new Frame(scope, branch, loopDepth);
    scope = building ? scopes.open(kind, node, name, scope) : scopes.scopeOf(node);
    branch = null;
    if (kind == ScopeKind.FUNCTION || kind == ScopeKind.CLASS) {
      loopDepth = 0;
    }
    return outer;
  }

  private void leaveScope(Frame outer) {
    scope = outer.scope;
    branch = outer.branch;
    loopDepth = outer.loopDepth;
  }

  // Indexed: an iterator per list of a tree, passed to a recursive walk, is never optimized away.
  private void walkAll(List<? extends Node> nodes) {
    for (int i = 0; i < nodes.size(); i++) {
      walk(nodes.get(i));
    }
  }

  private void reference(String name) {
    if (building) {
      scope.symbolFor(name).markReferenced();
    }
  }

  private void bind(
      Scope target,
      String name,
      BindingKind kind,
      TextRange range,
      int effective,
      Branch block,
      Expr value,
      Node definition,
      String importedName) {
    if (building) {
      target
          .symbolFor(name)
          .add(
              new Binding(
                  kind, name, target, range, effective, block, value, definition, importedName));
    }
  }

  private void attributeAssigned(Expr.Attribute target, Expr value) {
    if (building && target.value() instanceof Expr.Name) {
      scopes.recordAttributeAssignment(
          new AttributeAssignment(
              scope,
              ((Expr.Name) target.value()).id(),
              target.attr(),
              value,
              target.range(),
              branch));
    }
  }

  /** The range of a definition's name: after {@code async}, {@code def} or {@code class}. */
  private TextRange nameRange(Stmt node, String name) {
    String source = scopes.source();
    int at = node.range().start();
    for (String keyword : DEFINITION_KEYWORDS) {
      if (source.startsWith(keyword, at)) {
        at = skipBlanks(source, at + keyword.length());
      }
    }
    if (!source.startsWith(name, at)) {
      return node.range();
    }
    return new TextRange(at, at + name.length());
  }

  private static final List<String> DEFINITION_KEYWORDS = List.of("async", "def", "class");

  private static int skipBlanks(String source, int at) {
    while (at < source.length()) {
      char c = source.charAt(at);
      if (c == ' ' || c == '\t' || c == '\f' || c == '\\' || c == '\r' || c == '\n') {
        at++;
      } else {
        break;
      }
    }
    return at;
  }
}
