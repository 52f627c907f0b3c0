package dev.asynclint.semantic.project;

import dev.asynclint.text.ResourceTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** How frameworks mark request handlers and entry points, loaded from {@code frameworks.tsv}. */
final class Frameworks {
  /** The method names class-based views dispatch requests to. */
  static final Set<String> VIEW_METHODS =
      Set.of(
          "get",
          "post",
          "put",
          "patch",
          "delete",
          "head",
          "options",
          "trace",
          "dispatch",
          "list",
          "retrieve",
          "create",
          "update",
          "partial_update",
          "destroy",
          "on_connect",
          "on_receive",
          "on_disconnect");

  private static final Frameworks INSTANCE = load();

  private final Set<String> handlerDecorators = new HashSet<>();
  private final Map<String, ArgumentSlot> handlerArguments = new HashMap<>();
  private final List<String> viewBases = new ArrayList<>();
  private final Set<String> entryDecorators = new HashSet<>();

  static Frameworks get() {
    return INSTANCE;
  }

  boolean isHandlerDecorator(String name) {
    return handlerDecorators.contains(name);
  }

  ArgumentSlot handlerArgument(String callable) {
    return handlerArguments.get(callable);
  }

  boolean isViewBase(String className) {
    for (String base : viewBases) {
      if (base.endsWith(".") ? className.startsWith(base) : className.equals(base)) {
        return true;
      }
    }
    return false;
  }

  boolean isEntryDecorator(String name) {
    return entryDecorators.contains(name);
  }

  private static Frameworks load() {
    Frameworks frameworks = new Frameworks();
    for (String[] fields :
        ResourceTable.read(Frameworks.class, "/dev/asynclint/semantic/frameworks.tsv")) {
      switch (fields[0]) {
        case "handler-decorator":
          frameworks.handlerDecorators.add(fields[1]);
          break;
        case "handler-argument":
          frameworks.handlerArguments.put(fields[1], ArgumentSlot.parse(fields[2]));
          break;
        case "view-base":
          frameworks.viewBases.add(fields[1]);
          break;
        case "entry-decorator":
          frameworks.entryDecorators.add(fields[1]);
          break;
        default:
          throw new IllegalStateException("frameworks.tsv: unknown fact " + fields[0]);
      }
    }
    return frameworks;
  }
}
