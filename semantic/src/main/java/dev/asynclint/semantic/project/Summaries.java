package dev.asynclint.semantic.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Computes {@link SummaryAnalysis} facts for every function: strongly connected components of the
 * call graph are solved callees first, each iterated to a fixed point, so the work is linear in the
 * graph apart from the iterations within cycles.
 */
public final class Summaries<F> {
  private final List<F> facts;

  private Summaries(List<F> facts) {
    this.facts = facts;
  }

  public static <F> Summaries<F> compute(Project project, SummaryAnalysis<F> analysis) {
    List<FunctionInfo> functions = project.index().functions();
    List<F> facts = new ArrayList<>(functions.size());
    for (FunctionInfo function : functions) {
      facts.add(analysis.initial(function));
    }
    for (List<FunctionInfo> component : project.componentsCalleesFirst()) {
      boolean changed = true;
      while (changed) {
        changed = false;
        for (FunctionInfo function : component) {
          F current = facts.get(function.id());
          List<CallEdge> calls = function.calls();
          for (int i = 0; i < calls.size(); i++) {
            CallEdge edge = calls.get(i);
            F callee = facts.get(edge.callee().id());
            if (callee == null) {
              continue;
            }
            F contribution = analysis.transfer(edge, callee);
            if (contribution != null) {
              F joined = current == null ? contribution : analysis.join(current, contribution);
              if (!Objects.equals(joined, current)) {
                current = joined;
                if (component.size() > 1 || edge.callee() == function) {
                  changed = true;
                }
              }
            }
          }
          facts.set(function.id(), current);
        }
      }
    }
    return new Summaries<>(facts);
  }

  /** The fact of a function; null when nothing holds. */
  public F of(FunctionInfo function) {
    return facts.get(function.id());
  }
}
