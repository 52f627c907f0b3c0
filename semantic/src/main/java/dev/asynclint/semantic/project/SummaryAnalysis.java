package dev.asynclint.semantic.project;

/**
 * A fact about each function that depends on the facts of the functions it calls, such as "may
 * block the event loop, through this chain of calls". {@link Summaries#compute} finds the least
 * fixpoint over the call graph, so recursion and cycles terminate.
 *
 * @param <F> the fact; null means "nothing known yet" (the bottom of the lattice)
 */
public interface SummaryAnalysis<F> {
  /** What the function's own code establishes, before looking at what it calls; may be null. */
  F initial(FunctionInfo function);

  /**
   * What a call along {@code edge} to a callee with fact {@code callee} contributes; may be null.
   */
  F transfer(CallEdge edge, F callee);

  /**
   * Combines the current fact with a contribution. Must be monotone and reach a fixed point: return
   * {@code current} itself when the contribution adds nothing.
   */
  F join(F current, F contribution);
}
