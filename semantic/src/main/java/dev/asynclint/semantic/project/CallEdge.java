package dev.asynclint.semantic.project;

/**
 * A link of the project call graph: {@code caller} makes {@code callee} run, through the call
 * {@code site}.
 */
public record CallEdge(CallSite site, FunctionInfo caller, FunctionInfo callee, Kind kind) {
  /** How the callee comes to run. */
  public enum Kind {
    /** Called directly (for a class, its {@code __init__}); for a coroutine function, created. */
    CALL,
    /**
     * Passed to be run in another thread or process: {@code asyncio.to_thread}, {@code
     * run_in_executor}, {@code Thread(target=...)}, {@code executor.submit}.
     */
    THREAD,
    /** Passed as a callback the event loop runs: {@code loop.call_soon}, {@code call_later}. */
    LOOP_CALLBACK
  }
}
