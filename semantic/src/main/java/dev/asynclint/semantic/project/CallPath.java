package dev.asynclint.semantic.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A path of calls through the call graph, first call first, that shares the path it extends: {@link
 * #through} is constant work. Summaries keep a witness path for every function, each one call
 * longer than a callee's, so copying the paths made long call chains quadratic in time and memory.
 * Equal when the calls are.
 */
public final class CallPath {
  private static final CallPath EMPTY = new CallPath(null, null);

  private final CallEdge first;
  private final CallPath rest;
  private final int length;
  private final int hash;

  private CallPath(CallEdge first, CallPath rest) {
    this.first = first;
    this.rest = rest;
    this.length = rest == null ? 0 : rest.length + 1;
    this.hash = rest == null ? 1 : 31 * rest.hash + first.hashCode();
  }

  /** The path of no calls. */
  public static CallPath empty() {
    return EMPTY;
  }

  /** This path entered through {@code edge}: the edge's callee is where this path starts. */
  public CallPath through(CallEdge edge) {
    return new CallPath(Objects.requireNonNull(edge), this);
  }

  /** How many calls the path makes. */
  public int length() {
    return length;
  }

  /** The calls, first call first. */
  public List<CallEdge> edges() {
    List<CallEdge> edges = new ArrayList<>(length);
    for (CallPath path = this; path.rest != null; path = path.rest) {
      edges.add(path.first);
    }
    return List.copyOf(edges);
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof CallPath) || ((CallPath) other).length != length) {
      return false;
    }
    CallPath a = this;
    CallPath b = (CallPath) other;
    // Iterative: a path may be thousands of calls long.
    while (a != b) {
      if (a.hash != b.hash || !a.first.equals(b.first)) {
        return false;
      }
      a = a.rest;
      b = b.rest;
    }
    return true;
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return edges().toString();
  }
}
