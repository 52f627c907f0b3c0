package dev.asynclint.rules.eventloop;

import dev.asynclint.lint.FileContext;
import dev.asynclint.lint.ProjectContext;
import dev.asynclint.lint.Related;
import dev.asynclint.semantic.project.CallEdge;
import dev.asynclint.semantic.project.CallSite;
import dev.asynclint.semantic.project.FunctionInfo;
import dev.asynclint.semantic.project.SourceModule;
import dev.asynclint.text.TextRange;
import java.util.ArrayList;
import java.util.List;

/** Secondary locations for call chains: from a handler, a loop or a coroutine to a call. */
public final class Chains {
  private Chains() {}

  /**
   * How messages name a function: {@code fetch}, {@code Client.get}, {@code Client()} for a
   * constructor, or its module.
   */
  public static String name(FunctionInfo function) {
    if (function.isModuleBody()) {
      return "module `" + function.module().name() + "`";
    }
    if (function.owner() != null) {
      String owner = function.owner().qualifiedName();
      String cls = owner.substring(owner.lastIndexOf('.') + 1);
      return function.name().equals("__init__") ? cls + "()" : cls + "." + function.name();
    }
    return function.name();
  }

  /** {@link #name} in backticks, for functions. */
  public static String quoted(FunctionInfo function) {
    return function.isModuleBody() ? name(function) : "`" + name(function) + "`";
  }

  public static Related at(
      ProjectContext context, SourceModule module, TextRange range, String message) {
    FileContext file = context.file(module);
    String path = file == null ? module.path().toString() : file.displayPath();
    return new Related(path, module.source(), range, message);
  }

  /** A location at a call site. */
  public static Related at(ProjectContext context, CallSite site, String message) {
    return at(context, site.caller().module(), site.call().range(), message);
  }

  /** One location per call of the chain: "`a` calls `b`". */
  public static List<Related> calls(ProjectContext context, List<CallEdge> chain) {
    List<Related> related = new ArrayList<>();
    for (CallEdge edge : chain) {
      related.add(at(context, edge.site(), describe(edge)));
    }
    return related;
  }

  private static String describe(CallEdge edge) {
    String caller = quoted(edge.caller());
    String callee = quoted(edge.callee());
    switch (edge.kind()) {
      case THREAD:
        return caller + " runs " + callee + " in another thread";
      case LOOP_CALLBACK:
        return caller + " schedules " + callee + " as an event-loop callback";
      default:
        return caller + " calls " + callee;
    }
  }

  /**
   * The handler's definition, the wrapper a decorator puts around it (if the chain starts there),
   * then the calls down the chain.
   */
  static List<Related> fromHandler(
      ProjectContext context, Handlers handlers, Repetition.FromHandler reason) {
    FunctionInfo handler = reason.handler();
    List<Related> related = new ArrayList<>();
    related.add(
        at(
            context,
            handler.module(),
            Syntax.defName(handler),
            quoted(handler) + " is " + handlers.describe(handler)));
    FunctionInfo wrapper = reason.wrapper();
    if (wrapper != null) {
      related.add(
          at(
              context,
              wrapper.module(),
              Syntax.defName(wrapper),
              quoted(wrapper) + " wraps " + quoted(handler) + " and runs on each of its calls"));
    }
    related.addAll(calls(context, reason.chain()));
    return related;
  }
}
