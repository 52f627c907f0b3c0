package dev.asynclint.rules;

import dev.asynclint.lint.Rule;
import dev.asynclint.rules.blocking.BlockingCallChain;
import dev.asynclint.rules.blocking.BlockingDatabase;
import dev.asynclint.rules.blocking.BlockingFileIo;
import dev.asynclint.rules.blocking.BlockingHttp;
import dev.asynclint.rules.blocking.BlockingInput;
import dev.asynclint.rules.blocking.BlockingSdk;
import dev.asynclint.rules.blocking.BlockingSleep;
import dev.asynclint.rules.blocking.BlockingSocket;
import dev.asynclint.rules.blocking.BlockingSubprocess;
import dev.asynclint.rules.blocking.BlockingThreadSync;
import dev.asynclint.rules.blocking.BusyWait;
import dev.asynclint.rules.blocking.CpuBoundInCoroutine;
import dev.asynclint.rules.blocking.EagerCallInExecutor;
import dev.asynclint.rules.blocking.SyncOrmInAsync;
import dev.asynclint.rules.blocking.UserBlockingCall;
import dev.asynclint.rules.cancellation.AwaitWithoutTimeout;
import dev.asynclint.rules.cancellation.CancelNotAwaited;
import dev.asynclint.rules.cancellation.CleanupNotCancellationSafe;
import dev.asynclint.rules.cancellation.SwallowedCancellation;
import dev.asynclint.rules.cancellation.TimeoutParameter;
import dev.asynclint.rules.concurrency.AwaitUnderThreadLock;
import dev.asynclint.rules.concurrency.CheckThenActAcrossAwait;
import dev.asynclint.rules.concurrency.ClientNotClosed;
import dev.asynclint.rules.concurrency.ClientPerRequest;
import dev.asynclint.rules.concurrency.LockOrderInversion;
import dev.asynclint.rules.concurrency.LockPerCall;
import dev.asynclint.rules.concurrency.QueueJoinWithoutTaskDone;
import dev.asynclint.rules.concurrency.ThreadPrimitiveInAsync;
import dev.asynclint.rules.concurrency.UnboundedFanOut;
import dev.asynclint.rules.concurrency.WebSocketLoopUnguarded;
import dev.asynclint.rules.eventloop.DeprecatedGetEventLoop;
import dev.asynclint.rules.eventloop.GetEventLoopInCoroutine;
import dev.asynclint.rules.eventloop.LoopNotClosed;
import dev.asynclint.rules.eventloop.LoopPerCall;
import dev.asynclint.rules.eventloop.RunInRunningLoop;
import dev.asynclint.rules.eventloop.RunPerCall;
import dev.asynclint.rules.eventloop.SetEventLoopPerCall;
import dev.asynclint.rules.eventloop.SyncViewBridgesAsync;
import dev.asynclint.rules.structured.AsyncLambdaHandler;
import dev.asynclint.rules.structured.AwaitOutsideAsync;
import dev.asynclint.rules.structured.ControlFlowInTaskGroup;
import dev.asynclint.rules.structured.ResourceClosedBeforeTask;
import dev.asynclint.rules.structured.SyncWithOnAsyncResource;
import dev.asynclint.rules.structured.TaskGroupSingleTask;
import dev.asynclint.rules.structured.TimeoutWithoutAwait;
import dev.asynclint.rules.structured.YieldInAsyncGeneratorContext;
import dev.asynclint.rules.tasks.CoroutineFromSync;
import dev.asynclint.rules.tasks.DanglingTask;
import dev.asynclint.rules.tasks.GatheredExceptionsIgnored;
import dev.asynclint.rules.tasks.MissingAwait;
import dev.asynclint.rules.tasks.OrphanedForeverTask;
import dev.asynclint.rules.tasks.SequentialAwaitInLoop;
import dev.asynclint.rules.tasks.WaitOnBareCoroutines;
import dev.asynclint.rules.unnecessary.AsyncWithoutAwait;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** Every rule of asynclint, sorted by code: adding a rule adds one line here. */
public final class RuleRegistry {
  private static final List<Rule> RULES =
      List.of(
          new SyntaxErrorRule(),
          new UnusedNoqaRule(),
          new LoopPerCall(),
          new RunPerCall(),
          new LoopNotClosed(),
          new RunInRunningLoop(),
          new GetEventLoopInCoroutine(),
          new DeprecatedGetEventLoop(),
          new SetEventLoopPerCall(),
          new BlockingSleep(),
          new BlockingHttp(),
          new BlockingDatabase(),
          new BlockingFileIo(),
          new BlockingSubprocess(),
          new BlockingInput(),
          new BlockingSocket(),
          new BlockingThreadSync(),
          new BlockingCallChain(),
          new CpuBoundInCoroutine(),
          new BlockingSdk(),
          new BusyWait(),
          new UserBlockingCall(),
          new EagerCallInExecutor(),
          new SyncOrmInAsync(),
          new MissingAwait(),
          new DanglingTask(),
          new OrphanedForeverTask(),
          new SequentialAwaitInLoop(),
          new CoroutineFromSync(),
          new WaitOnBareCoroutines(),
          new GatheredExceptionsIgnored(),
          new SwallowedCancellation(),
          new CleanupNotCancellationSafe(),
          new CancelNotAwaited(),
          new TimeoutParameter(),
          new AwaitWithoutTimeout(),
          new UnboundedFanOut(),
          new ClientPerRequest(),
          new ClientNotClosed(),
          new LockOrderInversion(),
          new LockPerCall(),
          new ThreadPrimitiveInAsync(),
          new AwaitUnderThreadLock(),
          new WebSocketLoopUnguarded(),
          new CheckThenActAcrossAwait(),
          new QueueJoinWithoutTaskDone(),
          new AsyncWithoutAwait(),
          new SyncViewBridgesAsync(),
          new TimeoutWithoutAwait(),
          new TaskGroupSingleTask(),
          new ControlFlowInTaskGroup(),
          new ResourceClosedBeforeTask(),
          new YieldInAsyncGeneratorContext(),
          new SyncWithOnAsyncResource(),
          new AwaitOutsideAsync(),
          new AsyncLambdaHandler());

  private RuleRegistry() {}

  public static List<Rule> all() {
    return RULES;
  }

  public static Optional<Rule> byCode(String code) {
    return RULES.stream().filter(rule -> rule.metadata().code().equals(code)).findFirst();
  }

  /** The Markdown documentation of a rule, from {@code docs/<CODE>.md} next to the classes. */
  public static String documentation(Rule rule) {
    String code = rule.metadata().code();
    try (InputStream in = RuleRegistry.class.getResourceAsStream("docs/" + code + ".md")) {
      if (in == null) {
        throw new IllegalStateException("no documentation for " + code);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
