package dev.asynclint.rules.unnecessary;

import dev.asynclint.semantic.project.CallSite;
import dev.asynclint.semantic.project.FunctionInfo;
import dev.asynclint.semantic.project.Project;
import dev.asynclint.semantic.project.SourceModule;
import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.syntax.ast.ExprContext;
import dev.asynclint.syntax.ast.Node;
import dev.asynclint.syntax.ast.Walker;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.stream.Stream;

/**
 * How the project uses the names of its functions, to tell whether a coroutine function may be
 * required to stay one. A name counts as used as a value when it is read other than as the callee
 * of a call ({@code create_task(worker)}, {@code handlers = [on_message]}, {@code
 * callback=self.on_done}), or spelled as a string ({@code getattr(self, "on_" + ...)} targets,
 * {@code __all__}). A call whose coroutine is not awaited on the spot ({@code
 * create_task(worker())}, {@code asyncio.run(main())}, {@code coro = fetch()}) makes its callee
 * required as well: by the resolved function, or by name when the call does not resolve.
 */
final class NameUses {
  private final Set<String> values = new HashSet<>();
  private final Set<String> unresolvedNotAwaited = new HashSet<>();
  private final Set<FunctionInfo> resolvedNotAwaited =
      Collections.newSetFromMap(new IdentityHashMap<>());

  /** The function names asked about: other names are not kept. */
  private final Set<String> names;

  private NameUses(Set<String> names) {
    this.names = names;
  }

  /** The uses of the functions named {@code names} in the project. */
  static NameUses of(Project project, Set<String> names) {
    // Module by module, side by side when called from a pool's thread (the linter's, whose
    // threads have the stacks deep syntax trees need).
    List<SourceModule> modules = List.copyOf(project.index().modules());
    Stream<SourceModule> stream =
        Thread.currentThread() instanceof ForkJoinWorkerThread
            ? modules.parallelStream()
            : modules.stream();
    return stream.collect(
        () -> new NameUses(names), (uses, module) -> uses.scan(project, module), NameUses::addAll);
  }

  private void addAll(NameUses other) {
    values.addAll(other.values);
    unresolvedNotAwaited.addAll(other.unresolvedNotAwaited);
    resolvedNotAwaited.addAll(other.resolvedNotAwaited);
  }

  /** Whether the project uses the function other than by awaiting a direct call of it. */
  boolean requiresCoroutineFunction(FunctionInfo function) {
    return values.contains(function.name())
        || unresolvedNotAwaited.contains(function.name())
        || resolvedNotAwaited.contains(function);
  }

  private void scan(Project project, SourceModule module) {
    // Only the calls that can matter are looked up in the walk: those resolved to a function asked
    // about, and those resolved elsewhere whose spelled name is one asked about.
    Map<Expr.Call, FunctionInfo> resolved = new IdentityHashMap<>();
    for (CallSite site : project.callSites(module)) {
      FunctionInfo callee = site.target().function();
      if (callee != null
          && (names.contains(callee.name()) || names.contains(spelledName(site.call())))) {
        resolved.put(site.call(), callee);
      }
    }
    List<Node> stack = new ArrayList<>();
    Walker walker =
        new Walker() {
          @Override
          protected boolean enter(Node node) {
            Node parent = stack.isEmpty() ? null : stack.get(stack.size() - 1);
            if (node instanceof Expr.Name && ((Expr.Name) node).ctx() == ExprContext.LOAD) {
              if (!isCallee(parent, node)) {
                value(((Expr.Name) node).id());
              }
            } else if (node instanceof Expr.Attribute
                && ((Expr.Attribute) node).ctx() == ExprContext.LOAD) {
              if (!isCallee(parent, node)) {
                value(((Expr.Attribute) node).attr());
              }
            } else if (node instanceof Expr.Constant
                && ((Expr.Constant) node).value() instanceof String) {
              String text = (String) ((Expr.Constant) node).value();
              if (names.contains(text)) {
                values.add(text);
              }
            } else if (node instanceof Expr.Call && !(parent instanceof Expr.Await)) {
              notAwaited((Expr.Call) node, resolved.get(node));
            }
            stack.add(node);
            return true;
          }

          @Override
          protected void leave(Node node) {
            stack.remove(stack.size() - 1);
          }
        };
    walker.walk(module.tree());
  }

  private void value(String name) {
    if (names.contains(name)) {
      values.add(name);
    }
  }

  private void notAwaited(Expr.Call call, FunctionInfo callee) {
    if (callee != null) {
      if (names.contains(callee.name())) {
        resolvedNotAwaited.add(callee);
      }
      return;
    }
    String name = spelledName(call);
    if (name != null && names.contains(name)) {
      unresolvedNotAwaited.add(name);
    }
  }

  /** The name a call is written with: {@code f} of {@code f()} and of {@code obj.f()}. */
  private static String spelledName(Expr.Call call) {
    Expr func = call.func();
    return func instanceof Expr.Name
        ? ((Expr.Name) func).id()
        : func instanceof Expr.Attribute ? ((Expr.Attribute) func).attr() : null;
  }

  private static boolean isCallee(Node parent, Node node) {
    return parent instanceof Expr.Call && ((Expr.Call) parent).func() == node;
  }
}
