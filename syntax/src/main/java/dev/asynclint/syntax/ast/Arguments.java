package dev.asynclint.syntax.ast;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The parameter list of a function or lambda ({@code ast.arguments}). */
public record Arguments(
    List<Arg> posOnlyArgs,
    List<Arg> args,
    Arg varArg,
    List<Arg> kwOnlyArgs,
    List<Expr> kwDefaults,
    Arg kwArg,
    List<Expr> defaults)
    implements Node {
  public Arguments {
    posOnlyArgs = List.copyOf(posOnlyArgs);
    args = List.copyOf(args);
    kwOnlyArgs = List.copyOf(kwOnlyArgs);
    // May hold nulls (keyword-only parameters without a default), which List.copyOf refuses.
    kwDefaults =
        kwDefaults.isEmpty()
            ? List.of()
            : Collections.unmodifiableList(new ArrayList<>(kwDefaults));
    defaults = List.copyOf(defaults);
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.visit(this);
  }
}
