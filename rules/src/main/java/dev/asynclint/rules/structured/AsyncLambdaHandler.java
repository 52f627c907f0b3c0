package dev.asynclint.rules.structured;

import dev.asynclint.lint.FileContext;
import dev.asynclint.lint.FunctionRule;
import dev.asynclint.lint.RuleInfo;
import dev.asynclint.lint.Severity;
import dev.asynclint.semantic.project.FunctionInfo;
import dev.asynclint.semantic.project.Place;
import dev.asynclint.semantic.scope.Binding;
import dev.asynclint.semantic.scope.Scope;
import dev.asynclint.semantic.scope.Symbol;
import dev.asynclint.syntax.ast.Arg;
import dev.asynclint.syntax.ast.Arguments;
import dev.asynclint.text.TextRange;
import java.util.ArrayList;
import java.util.List;

/**
 * ASY707: an AWS Lambda handler declared {@code async def}. The Python runtime calls the handler
 * and serializes what it returns; it never awaits it, so the body never runs and the invocation
 * fails to serialize a coroutine. A handler is a module-level function taking {@code (event,
 * context)} that is recognisably one: named {@code lambda_handler} (the console's default), {@code
 * context} annotated as a {@code LambdaContext}, or decorated by AWS Lambda Powertools. Any other
 * decorator may be a wrapper that runs the coroutine, so it keeps the rule silent, as does
 * rebinding the name in the module.
 */
@RuleInfo(
    code = "ASY707",
    name = "async-lambda-handler",
    severity = Severity.WARNING,
    summary =
        "An AWS Lambda handler declared `async def`: the Python runtime calls it without"
            + " awaiting, so the body never runs and the invocation fails on the returned"
            + " coroutine.")
public final class AsyncLambdaHandler implements FunctionRule {
  static final String MESSAGE =
      "AWS Lambda handler `%s` is `async def`, but the Lambda runtime does not await it: its body"
          + " never runs; make it a plain `def` that calls `asyncio.run(...)` on the async work";

  private static final String POWERTOOLS = "aws_lambda_powertools";

  @Override
  public void checkFunction(FunctionInfo function, FileContext context) {
    if (!function.isAsync() || function.owner() != null || !atModuleLevel(function)) {
      return;
    }
    List<Arg> parameters = positional(function.parameters());
    if (parameters.size() != 2
        || !parameters.get(0).arg().equals("event")
        || !parameters.get(1).arg().equals("context")
        || !onlyPowertoolsDecorators(function)
        || reboundInModule(function)) {
      return;
    }
    boolean powertools = !function.decoratorNames().isEmpty();
    if (function.name().equals("lambda_handler")
        || powertools
        || annotatedAsLambdaContext(parameters.get(1), function, context)) {
      context.report(this, nameRange(function), String.format(MESSAGE, function.name()));
    }
  }

  private static boolean atModuleLevel(FunctionInfo function) {
    Scope parent = function.scope().parent();
    return parent != null && parent.parent() == null;
  }

  private static List<Arg> positional(Arguments arguments) {
    List<Arg> all = new ArrayList<>(arguments.posOnlyArgs());
    all.addAll(arguments.args());
    return arguments.varArg() == null && arguments.kwOnlyArgs().isEmpty() ? all : List.of();
  }

  private static boolean onlyPowertoolsDecorators(FunctionInfo function) {
    if (function.decorators().size() != function.decoratorNames().size()) {
      return false;
    }
    for (String decorator : function.decoratorNames()) {
      if (!decorator.startsWith(POWERTOOLS + ".")) {
        return false;
      }
    }
    return true;
  }

  private static boolean reboundInModule(FunctionInfo function) {
    Symbol symbol = function.scope().parent().symbol(function.name());
    if (symbol == null) {
      return true;
    }
    for (Binding binding : symbol.bindings()) {
      if (binding.definition() != function.node()) {
        return true;
      }
    }
    return false;
  }

  private static boolean annotatedAsLambdaContext(
      Arg parameter, FunctionInfo function, FileContext context) {
    if (parameter.annotation() == null) {
      return false;
    }
    Place place =
        new Place(
            function.module(),
            function.scope().parent(),
            parameter.annotation().range().start(),
            null);
    String name = context.resolver().qualifiedName(place, parameter.annotation());
    return name != null && name.endsWith("LambdaContext");
  }

  /** The function's name in its {@code async def} line. */
  private static TextRange nameRange(FunctionInfo function) {
    Symbol symbol = function.scope().parent().symbol(function.name());
    for (Binding binding : symbol.bindings()) {
      if (binding.definition() == function.node()) {
        return binding.range();
      }
    }
    return function.node().range();
  }
}
