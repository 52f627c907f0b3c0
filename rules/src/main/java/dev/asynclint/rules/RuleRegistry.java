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
import dev.asynclint.rules.cancellation.SwallowedCancellation;
import dev.asynclint.rules.concurrency.AwaitUnderThreadLock;
import dev.asynclint.rules.concurrency.CheckThenActAcrossAwait;
import dev.asynclint.rules.concurrency.LockPerCall;
import dev.asynclint.rules.concurrency.QueueJoinWithoutTaskDone;
import dev.asynclint.rules.eventloop.DeprecatedGetEventLoop;
import dev.asynclint.rules.eventloop.GetEventLoopInCoroutine;
import dev.asynclint.rules.eventloop.LoopNotClosed;
import dev.asynclint.rules.eventloop.LoopPerCall;
import dev.asynclint.rules.eventloop.RunInRunningLoop;
import dev.asynclint.rules.eventloop.RunPerCall;
import dev.asynclint.rules.eventloop.SetEventLoopPerCall;
import dev.asynclint.rules.eventloop.SyncViewBridgesAsync;
import dev.asynclint.rules.tasks.CoroutineFromSync;
import dev.asynclint.rules.tasks.DanglingTask;
import dev.asynclint.rules.tasks.GatheredExceptionsIgnored;
import dev.asynclint.rules.tasks.MissingAwait;
import dev.asynclint.rules.tasks.WaitOnBareCoroutines;
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
          new CoroutineFromSync(),
          new WaitOnBareCoroutines(),
          new GatheredExceptionsIgnored(),
          new SwallowedCancellation(),
          new AwaitWithoutTimeout(),
          new LockPerCall(),
          new AwaitUnderThreadLock(),
          new CheckThenActAcrossAwait(),
          new QueueJoinWithoutTaskDone(),
          new SyncViewBridgesAsync());

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
