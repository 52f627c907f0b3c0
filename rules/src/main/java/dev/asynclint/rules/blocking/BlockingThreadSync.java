package dev.asynclint.rules.blocking;

import dev.asynclint.lint.RuleInfo;
import dev.asynclint.lint.Severity;

/** ASY207: the thread-sync calls of {@code blocking-apis.tsv} made in async context. */
@RuleInfo(
    code = "ASY207",
    name = "blocking-thread-sync",
    severity = Severity.ERROR,
    summary =
        "Waiting on `threading` locks, events and conditions, `queue.Queue.get/put`,"
            + " `Thread.join` or `concurrent.futures.Future.result()` in async context: the loop"
            + " stops, and deadlocks if the awaited work needs the loop.")
public final class BlockingThreadSync extends BlockingCallRule {
  public BlockingThreadSync() {
    super(BlockingCategory.THREAD_SYNC);
  }
}
