package dev.asynclint.rules.unnecessary;

import dev.asynclint.semantic.project.CallSite;
import dev.asynclint.semantic.project.FunctionInfo;
import dev.asynclint.semantic.project.Project;
import dev.asynclint.semantic.project.SourceModule;
import dev.asynclint.syntax.ast.Expr;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Set;

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
    NameUses uses = new NameUses(names);
    for (SourceModule module : project.index().modules()) {
      uses.scan(project, module);
    }
    return uses;
  }

  /** Whether the project uses the function other than by awaiting a direct call of it. */
  boolean requiresCoroutineFunction(FunctionInfo function) {
    return values.contains(function.name())
        || unresolvedNotAwaited.contains(function.name())
        || resolvedNotAwaited.contains(function);
  }

  private void scan(Project project, SourceModule module) {
    for (String name : module.scopes().valueNames()) {
      if (names.contains(name)) {
        values.add(name);
      }
    }
    for (CallSite site : project.callSites(module)) {
      if (!site.awaited()) {
        notAwaited(site);
      }
    }
  }

  private void notAwaited(CallSite site) {
    FunctionInfo callee = site.target().function();
    if (callee != null) {
      if (names.contains(callee.name())) {
        resolvedNotAwaited.add(callee);
      }
      return;
    }
    Expr func = site.call().func();
    String name =
        func instanceof Expr.Name
            ? ((Expr.Name) func).id()
            : func instanceof Expr.Attribute ? ((Expr.Attribute) func).attr() : null;
    if (name != null && names.contains(name)) {
      unresolvedNotAwaited.add(name);
    }
  }
}
