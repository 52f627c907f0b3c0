package dev.asynclint.semantic.project;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.function.IntFunction;

/** Per-module work of the model, side by side on the threads of the pool building it. */
final class Tasks {
  private Tasks() {}

  /**
   * The results of {@code task} for 0 to {@code count - 1}, in that order. Called from a pool's
   * thread, each is a task of its own in that pool (the linter's, whose threads have the stacks
   * deep syntax trees need, rather than the common pool), so that no thread is left with a long
   * chunk at the end; called from any other thread, they run one after another on it.
   */
  static <T> List<T> each(int count, IntFunction<T> task) {
    List<T> results = new ArrayList<>(count);
    if (Thread.currentThread() instanceof ForkJoinWorkerThread) {
      List<ForkJoinTask<T>> tasks = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        int item = i;
        tasks.add(ForkJoinTask.adapt(() -> task.apply(item)));
      }
      for (ForkJoinTask<T> done : ForkJoinTask.invokeAll(tasks)) {
        results.add(done.join());
      }
    } else {
      for (int i = 0; i < count; i++) {
        results.add(task.apply(i));
      }
    }
    return results;
  }
}
