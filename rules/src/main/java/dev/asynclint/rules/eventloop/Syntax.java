package dev.asynclint.rules.eventloop;

import dev.asynclint.semantic.project.CallSite;
import dev.asynclint.semantic.project.FunctionInfo;
import dev.asynclint.semantic.scope.Scope;
import dev.asynclint.semantic.scope.ScopeKind;
import dev.asynclint.syntax.ast.ExceptHandler;
import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.syntax.ast.ExprContext;
import dev.asynclint.syntax.ast.Keyword;
import dev.asynclint.syntax.ast.Located;
import dev.asynclint.syntax.ast.Node;
import dev.asynclint.syntax.ast.NodeFinder;
import dev.asynclint.syntax.ast.NodeSearch;
import dev.asynclint.syntax.ast.Stmt;
import dev.asynclint.syntax.ast.Walker;
import dev.asynclint.text.TextRange;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Questions about the syntax around a call that the lifecycle rules share. */
public final class Syntax {
  private static final Set<String> RUNTIME_ERROR_BASES =
      Set.of("RuntimeError", "Exception", "BaseException");

  private Syntax() {}

  /** The ancestors inside the innermost function, class body or lambda, outermost first. */
  static List<Located> withinScope(List<Located> ancestors) {
    for (int i = ancestors.size() - 1; i >= 0; i--) {
      if (NodeSearch.opensScope(ancestors.get(i))) {
        return ancestors.subList(i + 1, ancestors.size());
      }
    }
    return ancestors;
  }

  /** The range of the name after {@code def}, where findings about a whole function go. */
  static TextRange defName(FunctionInfo function) {
    TextRange whole = function.node().range();
    String source = function.module().source();
    Pattern def =
        Pattern.compile("(?<![\\w.])def\\s+(" + Pattern.quote(function.name()) + ")(?!\\w)");
    Matcher matcher = def.matcher(source).region(whole.start(), whole.end());
    if (matcher.find()) {
      return new TextRange(matcher.start(1), matcher.end(1));
    }
    return new TextRange(whole.start(), whole.start());
  }

  /**
   * Whether the node at {@code offset}, with these ancestors in its scope, runs in a {@code
   * finally} block or an {@code except} clause: code that also runs when something failed.
   */
  static boolean inCleanup(List<Located> ancestors, int offset) {
    for (Located ancestor : ancestors) {
      if (ancestor instanceof ExceptHandler) {
        return true;
      }
      List<Stmt> finalBody = List.of();
      if (ancestor instanceof Stmt.Try) {
        finalBody = ((Stmt.Try) ancestor).finalBody();
      } else if (ancestor instanceof Stmt.TryStar) {
        finalBody = ((Stmt.TryStar) ancestor).finalBody();
      }
      if (spans(finalBody, offset)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the node at {@code offset}, with these ancestors in its scope, runs only under a
   * condition: in an {@code if}, a conditional expression, the right of {@code and}/{@code or}, or
   * an {@code except} clause.
   */
  static boolean isConditional(List<Located> ancestors, int offset) {
    for (Located ancestor : ancestors) {
      if (ancestor instanceof ExceptHandler) {
        return true;
      }
      if (ancestor instanceof Stmt.If) {
        Stmt.If ifStmt = (Stmt.If) ancestor;
        if (spans(ifStmt.body(), offset) || spans(ifStmt.orElse(), offset)) {
          return true;
        }
      }
      if (ancestor instanceof Expr.IfExp
          && !((Expr.IfExp) ancestor).test().range().contains(offset)) {
        return true;
      }
      if (ancestor instanceof Expr.BoolOp
          && !((Expr.BoolOp) ancestor).values().get(0).range().contains(offset)) {
        return true;
      }
    }
    return false;
  }

  /** Whether one of the statements holds the offset. */
  static boolean spans(List<Stmt> statements, int offset) {
    for (Stmt statement : statements) {
      if (statement.range().contains(offset)) {
        return true;
      }
    }
    return false;
  }

  /** The names bound by assignments, loops, {@code with} and walruses in these statements. */
  static Set<String> assignedNames(List<? extends Node> nodes) {
    Set<String> names = new HashSet<>();
    Walker walker =
        new Walker() {
          @Override
          protected boolean enter(Node node) {
            if (node instanceof Located && NodeSearch.opensScope((Located) node)) {
              return false;
            }
            if (node instanceof Expr.Name && ((Expr.Name) node).ctx() == ExprContext.STORE) {
              names.add(((Expr.Name) node).id());
            }
            return true;
          }
        };
    for (Node node : nodes) {
      walker.walk(node);
    }
    return names;
  }

  /** Whether a name of {@code names} is read anywhere in these nodes. */
  static boolean reads(List<? extends Node> nodes, Set<String> names) {
    return NodeSearch.any(
        nodes,
        node ->
            node instanceof Expr.Name
                && ((Expr.Name) node).ctx() == ExprContext.LOAD
                && names.contains(((Expr.Name) node).id()));
  }

  /** The arguments of a call, positional and keyword, as expressions. */
  static List<Expr> arguments(Expr.Call call) {
    List<Expr> arguments = new ArrayList<>(call.args());
    call.keywords().forEach(keyword -> arguments.add(keyword.value()));
    return arguments;
  }

  /**
   * Whether the call is in the body of a lambda handed to another call ({@code
   * Thread(target=lambda: asyncio.run(job()))}): the model counts it as code of the enclosing
   * function, but it runs whenever and wherever the receiver calls it.
   */
  static boolean inCallbackLambda(CallSite site) {
    boolean inLambda = false;
    for (Scope scope = site.place().scope(); scope != null; scope = scope.parent()) {
      if (scope.kind() == ScopeKind.LAMBDA) {
        inLambda = true;
      }
      if (scope.kind() == ScopeKind.FUNCTION || scope.kind() == ScopeKind.CLASS) {
        break;
      }
    }
    if (!inLambda) {
      return false;
    }
    List<Located> ancestors = NodeFinder.ancestors(site.caller().module().tree(), site.call());
    for (int i = ancestors.size() - 1; i >= 1; i--) {
      Located node = ancestors.get(i);
      if (node instanceof Expr.Lambda) {
        Located parent = ancestors.get(i - 1);
        if (parent instanceof Keyword) {
          return true;
        }
        if (parent instanceof Expr.Call && ((Expr.Call) parent).func() != node) {
          return true;
        }
      } else if (NodeSearch.opensScope(node)) {
        return false;
      }
    }
    return false;
  }

  /** Whether the call sits in a {@code try} whose handlers catch {@code RuntimeError}. */
  static boolean catchesRuntimeError(CallSite site) {
    List<Located> ancestors =
        withinScope(NodeFinder.ancestors(site.caller().module().tree(), site.call()));
    int offset = site.call().range().start();
    for (Located ancestor : ancestors) {
      List<ExceptHandler> handlers = List.of();
      List<Stmt> body = List.of();
      if (ancestor instanceof Stmt.Try) {
        handlers = ((Stmt.Try) ancestor).handlers();
        body = ((Stmt.Try) ancestor).body();
      } else if (ancestor instanceof Stmt.TryStar) {
        handlers = ((Stmt.TryStar) ancestor).handlers();
        body = ((Stmt.TryStar) ancestor).body();
      }
      if (!spans(body, offset)) {
        continue;
      }
      for (ExceptHandler handler : handlers) {
        if (catchesRuntimeError(handler.type())) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean catchesRuntimeError(Expr type) {
    if (type == null) {
      return true;
    }
    if (type instanceof Expr.Tuple) {
      for (Expr element : ((Expr.Tuple) type).elts()) {
        if (catchesRuntimeError(element)) {
          return true;
        }
      }
      return false;
    }
    String name = null;
    if (type instanceof Expr.Name) {
      name = ((Expr.Name) type).id();
    } else if (type instanceof Expr.Attribute) {
      name = ((Expr.Attribute) type).attr();
    }
    return name != null && RUNTIME_ERROR_BASES.contains(name);
  }
}
