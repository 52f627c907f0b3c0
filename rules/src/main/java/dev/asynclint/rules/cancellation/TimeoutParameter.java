package dev.asynclint.rules.cancellation;

import dev.asynclint.lint.FileContext;
import dev.asynclint.lint.FixAvailability;
import dev.asynclint.lint.FunctionRule;
import dev.asynclint.lint.RuleInfo;
import dev.asynclint.lint.Severity;
import dev.asynclint.rules.Definitions;
import dev.asynclint.rules.TestCode;
import dev.asynclint.semantic.project.FunctionInfo;
import dev.asynclint.syntax.ast.Arg;
import dev.asynclint.syntax.ast.Arguments;
import java.util.ArrayList;
import java.util.List;

/**
 * ASY403: an {@code async def} with a parameter named {@code timeout}. Silent for signatures the
 * function does not own: methods of a class deriving from a class outside the project, methods a
 * project base or subclass also defines, dunder methods, {@code @overload} declarations, stubs
 * (body of {@code pass}/{@code ...}/docstring/{@code raise}) and {@code .pyi} files; also test
 * modules (which parametrize deadlines on purpose) and asyncio's own modules (which define the
 * timeout primitives).
 */
@RuleInfo(
    code = "ASY403",
    name = "timeout-parameter",
    severity = Severity.INFO,
    fix = FixAvailability.UNSAFE,
    equivalents = {"ASYNC109", "TRIO109"},
    summary =
        "An `async def` that takes a `timeout` parameter: each coroutine then implements its own"
            + " deadline, which does not compose with the caller's; callers can bound any call"
            + " with `async with asyncio.timeout(...)` instead.")
public final class TimeoutParameter implements FunctionRule {
  static final String MESSAGE =
      "`%s` takes a `timeout` parameter: let callers bound the call with `async with"
          + " asyncio.timeout(...)` instead, which composes with their own deadlines and cancels"
          + " everything the call awaits";

  private static final String OVERLOAD = "typing.overload";

  @Override
  public void checkFunction(FunctionInfo function, FileContext context) {
    if (!function.isAsync()
        || Definitions.isStubFile(function)
        || TestCode.isTest(function.module())
        || definesTimeouts(function)
        || Definitions.isDunder(function.name())
        || Definitions.isStub(function.body())
        || function.hasDecorator(OVERLOAD)
        || function.hasDecorator("typing_extensions.overload")) {
      return;
    }
    Arg timeout = timeoutParameter(function.parameters());
    if (timeout == null || Definitions.inHierarchy(function, context.project())) {
      return;
    }
    context.report(
        this,
        timeout.range(),
        String.format(MESSAGE, function.name()),
        List.of(),
        TimeoutParameterFix.of(function, timeout, context));
  }

  /** Whether the function belongs to asyncio, which defines the timeout primitives themselves. */
  private static boolean definesTimeouts(FunctionInfo function) {
    String module = function.module().name();
    return module.equals("asyncio") || module.startsWith("asyncio.");
  }

  /** The parameter named {@code timeout}, positional or keyword-only; null if none. */
  static Arg timeoutParameter(Arguments arguments) {
    List<Arg> all = new ArrayList<>(arguments.posOnlyArgs());
    all.addAll(arguments.args());
    all.addAll(arguments.kwOnlyArgs());
    for (Arg arg : all) {
      if (arg.arg().equals("timeout")) {
        return arg;
      }
    }
    return null;
  }
}
