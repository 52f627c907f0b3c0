package dev.asynclint.rules.eventloop;

import dev.asynclint.semantic.project.CallSite;
import dev.asynclint.semantic.project.FunctionInfo;
import dev.asynclint.semantic.project.Place;
import dev.asynclint.semantic.project.Resolver;
import dev.asynclint.semantic.scope.Binding;
import dev.asynclint.semantic.scope.Symbol;
import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.syntax.ast.Keyword;
import dev.asynclint.syntax.ast.Located;
import dev.asynclint.syntax.ast.NameReads;
import dev.asynclint.syntax.ast.Node;
import dev.asynclint.syntax.ast.NodeFinder;
import dev.asynclint.syntax.ast.Stmt;
import java.util.List;

/**
 * What becomes of the loop an {@code asyncio.new_event_loop()} call creates: which name, attribute
 * or call receives it, and, for a local variable, every use of it in the function.
 */
final class CreatedLoop {
  /** Where the new loop goes. */
  enum Holder {
    /** A method is called on it at once and the loop is dropped. */
    CHAINED,
    /** A local variable of a function. */
    LOCAL,
    /** An attribute, item, global or module-level variable: it outlives the call. */
    STORED,
    /** {@code asyncio.set_event_loop(asyncio.new_event_loop())}. */
    SET_CURRENT,
    /** Returned, passed on, or used in a way the rules do not follow. */
    ESCAPES
  }

  /** The uses of a local variable holding the loop. */
  record Uses(
      boolean reassigned,
      boolean escapes,
      boolean setCurrent,
      boolean closedInCleanup,
      boolean closed) {}

  private final CallSite site;
  private final List<Located> ancestors;
  private final Holder holder;
  private final String name;
  private final boolean conditional;

  private CreatedLoop(
      CallSite site, List<Located> ancestors, Holder holder, String name, boolean conditional) {
    this.site = site;
    this.ancestors = ancestors;
    this.holder = holder;
    this.name = name;
    this.conditional = conditional;
  }

  /** Follows the loop created at {@code site}, a call of {@code asyncio.new_event_loop()}. */
  static CreatedLoop of(CallSite site, Resolver resolver) {
    List<Located> ancestors = NodeFinder.ancestors(site.caller().module().tree(), site.call());
    int offset = site.call().range().start();
    Located child = site.call();
    int index = ancestors.size() - 1;
    while (index >= 0 && isChoice(ancestors.get(index), child)) {
      child = ancestors.get(index--);
    }
    boolean conditional = Syntax.isConditional(Syntax.withinScope(ancestors), offset);
    Located parent = index >= 0 ? ancestors.get(index) : null;
    Located grandparent = index >= 1 ? ancestors.get(index - 1) : null;
    Holder holder = Holder.ESCAPES;
    String name = null;
    if (parent instanceof Expr.Attribute && grandparent instanceof Expr.Call) {
      boolean called = ((Expr.Call) grandparent).func() == parent;
      holder =
          called && !((Expr.Attribute) parent).attr().equals("close") ? Holder.CHAINED : holder;
    } else if (parent instanceof Stmt.Assign || parent instanceof Stmt.AnnAssign) {
      Expr target = assignedTarget(parent);
      if (target instanceof Expr.Name) {
        name = ((Expr.Name) target).id();
        holder = isLocal(site.caller(), name) ? Holder.LOCAL : Holder.STORED;
      } else if (target instanceof Expr.Attribute || target instanceof Expr.Subscript) {
        holder = Holder.STORED;
      }
    } else if (parent instanceof Expr.Call || parent instanceof Keyword) {
      Located call = parent instanceof Keyword ? grandparent : parent;
      if (call instanceof Expr.Call && isSetEventLoop(site, (Expr.Call) call, resolver)) {
        holder = Holder.SET_CURRENT;
      }
    }
    return new CreatedLoop(site, ancestors, holder, name, conditional);
  }

  /** Whether {@code child} is one of the alternatives of {@code a or b} / {@code a if c else b}. */
  private static boolean isChoice(Located node, Located child) {
    if (node instanceof Expr.BoolOp) {
      return true;
    }
    return node instanceof Expr.IfExp && ((Expr.IfExp) node).test() != child;
  }

  private static Expr assignedTarget(Located statement) {
    if (statement instanceof Stmt.AnnAssign) {
      return ((Stmt.AnnAssign) statement).target();
    }
    List<Expr> targets = ((Stmt.Assign) statement).targets();
    return targets.size() == 1 ? targets.get(0) : null;
  }

  private static boolean isLocal(FunctionInfo function, String name) {
    if (function.isModuleBody()) {
      return false;
    }
    Symbol symbol = function.scope().symbol(name);
    return symbol != null && symbol.isLocal();
  }

  private static boolean isSetEventLoop(CallSite site, Expr.Call call, Resolver resolver) {
    String callee = resolver.qualifiedName(site.place(), call.func());
    return callee != null && AsyncioApi.SET_EVENT_LOOP.contains(callee);
  }

  Holder holder() {
    return holder;
  }

  /** The variable holding the loop, for {@link Holder#LOCAL}. */
  String name() {
    return name;
  }

  /** Whether the loop is created only under a condition (lazily, or as a fallback). */
  boolean isConditional() {
    return conditional;
  }

  /** The ancestors of the creating call in its module, outermost first. */
  List<Located> ancestors() {
    return ancestors;
  }

  /** Every use of the local variable in the function, for {@link Holder#LOCAL}. */
  Uses uses(Resolver resolver) {
    FunctionInfo function = site.caller();
    Symbol symbol = function.scope().symbol(name);
    int bindings = 0;
    for (Binding binding : symbol.bindings()) {
      if (binding.kind().bindsValue()) {
        bindings++;
      }
    }
    UseWalker walker = new UseWalker(function, resolver);
    for (Stmt statement : function.body()) {
      walker.walk(statement);
    }
    return new Uses(
        bindings > 1, walker.escapes, walker.setCurrent, walker.closedInCleanup, walker.closed);
  }

  /** Classifies each read of the variable by what its parent node does with it. */
  private final class UseWalker extends NameReads {
    private final FunctionInfo function;
    private final Resolver resolver;
    private boolean escapes;
    private boolean setCurrent;
    private boolean closedInCleanup;
    private boolean closed;

    UseWalker(FunctionInfo function, Resolver resolver) {
      super(name);
      this.function = function;
      this.resolver = resolver;
    }

    @Override
    protected void read(Expr.Name read, boolean inNestedScope) {
      if (inNestedScope) {
        escapes = true;
        return;
      }
      Node parent = parent(1);
      Node grandparent = parent(2);
      if (parent instanceof Expr.Attribute) {
        if (grandparent instanceof Expr.Call && ((Expr.Call) grandparent).func() == parent) {
          if (((Expr.Attribute) parent).attr().equals("close")) {
            closed = true;
            List<Located> around = NodeFinder.ancestors(function.module().tree(), read);
            closedInCleanup |= Syntax.inCleanup(Syntax.withinScope(around), read.range().start());
          }
          return;
        }
        escapes = true;
        return;
      }
      Node call = parent instanceof Keyword ? grandparent : parent;
      if (call instanceof Expr.Call && ((Expr.Call) call).func() != read) {
        Place place = new Place(function.module(), function.scope(), read.range().start(), null);
        String callee = resolver.qualifiedName(place, ((Expr.Call) call).func());
        if (callee != null && AsyncioApi.SET_EVENT_LOOP.contains(callee)) {
          setCurrent = true;
        } else {
          escapes = true;
        }
        return;
      }
      // A test of the variable (`if loop is None`, `not loop`), or a bare mention of it.
      if (!(isTest(parent, read)
          || parent instanceof Stmt.ExprStatement
          || parent instanceof Expr.IfExp && ((Expr.IfExp) parent).test() == read)) {
        escapes = true;
      }
    }
  }
}
