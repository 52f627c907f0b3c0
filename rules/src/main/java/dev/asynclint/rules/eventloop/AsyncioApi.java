package dev.asynclint.rules.eventloop;

import dev.asynclint.semantic.project.CallSite;
import java.util.Set;

/**
 * The qualified names of the asyncio event-loop API the lifecycle rules look for. Each set also
 * holds the names of the defining modules ({@code asyncio.events.new_event_loop}), which is what
 * calls resolve to when asyncio itself is part of the checked project.
 */
final class AsyncioApi {
  static final ApiNames NEW_EVENT_LOOP =
      ApiNames.of("asyncio.new_event_loop", "asyncio.events.new_event_loop");

  /** {@code asyncio.run()}: a new loop, run to completion, then closed. */
  static final ApiNames RUN = ApiNames.of("asyncio.run", "asyncio.runners.run");

  /** Running an existing loop until a coroutine completes. */
  static final ApiNames RUN_UNTIL_COMPLETE =
      ApiNames.of(
          "asyncio.AbstractEventLoop.run_until_complete",
          "asyncio.events.AbstractEventLoop.run_until_complete",
          "asyncio.base_events.BaseEventLoop.run_until_complete",
          "asyncio.Runner.run",
          "asyncio.runners.Runner.run");

  static final ApiNames RUN_FOREVER =
      ApiNames.of(
          "asyncio.AbstractEventLoop.run_forever",
          "asyncio.events.AbstractEventLoop.run_forever",
          "asyncio.base_events.BaseEventLoop.run_forever");

  static final ApiNames GET_EVENT_LOOP =
      ApiNames.of("asyncio.get_event_loop", "asyncio.events.get_event_loop");

  static final ApiNames SET_EVENT_LOOP =
      ApiNames.of("asyncio.set_event_loop", "asyncio.events.set_event_loop");

  static final ApiNames CLOSE =
      ApiNames.of(
          "asyncio.AbstractEventLoop.close",
          "asyncio.events.AbstractEventLoop.close",
          "asyncio.base_events.BaseEventLoop.close");

  /** Calls by which code asks whether an event loop is running before it starts one. */
  static final ApiNames RUNNING_LOOP_CHECKS =
      ApiNames.of(
          "asyncio.get_running_loop",
          "asyncio._get_running_loop",
          "asyncio.events.get_running_loop",
          "asyncio.events._get_running_loop",
          "asyncio.AbstractEventLoop.is_running",
          "asyncio.events.AbstractEventLoop.is_running",
          "asyncio.current_task",
          "asyncio.tasks.current_task",
          "sniffio.current_async_library");

  /** Patches asyncio so that loops can run inside running loops. */
  static final String NEST_ASYNCIO_APPLY = "nest_asyncio.apply";

  /** Callables that run their target once in a thread or process of its own. */
  static final ApiNames DEDICATED_THREADS =
      ApiNames.of("threading.Thread", "threading.Timer", "multiprocessing.Process");

  private AsyncioApi() {}

  static boolean calls(CallSite site, ApiNames names) {
    String name = site.target().qualifiedName();
    return name != null && names.contains(name);
  }

  /**
   * A few qualified names, asked about for every call of a project: a bit per hash code turns
   * almost every other name away before the set is probed.
   */
  static final class ApiNames {
    private final Set<String> names;
    private final long hashBits;

    private ApiNames(Set<String> names) {
      this.names = names;
      long bits = 0;
      for (String name : names) {
        bits |= 1L << name.hashCode();
      }
      this.hashBits = bits;
    }

    static ApiNames of(String... names) {
      return new ApiNames(Set.of(names));
    }

    boolean contains(String name) {
      return (hashBits & 1L << name.hashCode()) != 0 && names.contains(name);
    }
  }

  /** Whether the call runs a loop until a coroutine completes: a new one or an existing one. */
  static boolean runsCoroutine(CallSite site) {
    return calls(site, RUN) || calls(site, RUN_UNTIL_COMPLETE);
  }

  /** Whether the call runs an event loop in the calling thread, which a running loop forbids. */
  static boolean runsLoop(CallSite site) {
    return runsCoroutine(site) || calls(site, RUN_FOREVER);
  }

  /** How messages name the API a call site calls, such as {@code `asyncio.run()`}. */
  static String display(CallSite site) {
    String name = site.target().qualifiedName();
    if (name == null) {
      return "the call";
    }
    if (RUN.contains(name)) {
      return "`asyncio.run()`";
    }
    if (NEW_EVENT_LOOP.contains(name)) {
      return "`asyncio.new_event_loop()`";
    }
    if (name.endsWith("Runner.run")) {
      return "`runner.run()`";
    }
    if (RUN_UNTIL_COMPLETE.contains(name)) {
      return "`loop.run_until_complete()`";
    }
    if (RUN_FOREVER.contains(name)) {
      return "`loop.run_forever()`";
    }
    if (GET_EVENT_LOOP.contains(name)) {
      return "`asyncio.get_event_loop()`";
    }
    if (SET_EVENT_LOOP.contains(name)) {
      return "`asyncio.set_event_loop()`";
    }
    return "`" + name + "()`";
  }
}
