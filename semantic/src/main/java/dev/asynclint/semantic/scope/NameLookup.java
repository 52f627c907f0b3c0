package dev.asynclint.semantic.scope;

import java.util.List;

/**
 * What a name read at one place may refer to.
 *
 * @param bindings the bindings that may reach the read, most recent first; empty unless {@code
 *     origin} is {@link Origin#BOUND}
 * @param starModules for {@link Origin#STAR_IMPORT}, the modules of the star imports that may
 *     define the name (null entries for relative imports that could not be resolved)
 */
public record NameLookup(Origin origin, List<Binding> bindings, List<String> starModules) {
  /** Where the name's value comes from. */
  public enum Origin {
    BOUND,
    BUILTIN,
    STAR_IMPORT,
    /** Not bound where it is read: a {@code NameError} or a module attribute such as __file__. */
    UNBOUND
  }

  static final NameLookup BUILTIN = new NameLookup(Origin.BUILTIN, List.of(), List.of());
  static final NameLookup UNBOUND = new NameLookup(Origin.UNBOUND, List.of(), List.of());
}
