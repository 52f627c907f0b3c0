package dev.asynclint.engine.config;

import java.util.ArrayList;
import java.util.List;

/**
 * The rule selectors of the command line, which take precedence over the configuration file's:
 * {@code --select} replaces the file's selection, {@code --extend-select} adds to it and {@code
 * --ignore} turns rules off. Each value may hold several selectors separated by commas ({@code
 * --select ASY2,ASY30}).
 *
 * @param select the selectors of {@code --select}, or null when it is not given
 * @param ignore the selectors of {@code --ignore}
 * @param extendSelect the selectors of {@code --extend-select}
 */
public record SelectionOverrides(
    List<String> select, List<String> ignore, List<String> extendSelect) {
  /** No selector on the command line: the configuration decides. */
  public static final SelectionOverrides NONE = new SelectionOverrides(null, List.of(), List.of());

  public SelectionOverrides {
    select = select == null ? null : split(select);
    ignore = split(ignore);
    extendSelect = split(extendSelect);
  }

  private static List<String> split(List<String> values) {
    List<String> selectors = new ArrayList<>();
    for (String value : values) {
      for (String part : value.split(",")) {
        String selector = part.strip();
        if (!selector.isEmpty()) {
          selectors.add(selector);
        }
      }
    }
    return List.copyOf(selectors);
  }
}
