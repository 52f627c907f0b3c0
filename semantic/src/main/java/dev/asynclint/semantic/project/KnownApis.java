package dev.asynclint.semantic.project;

import dev.asynclint.text.ResourceTable;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** What the model knows of library APIs it cannot read, loaded from {@code known-apis.tsv}. */
final class KnownApis {
  /** A callable that runs one of its arguments: {@code asyncio.to_thread(f, ...)}. */
  record Runner(ArgumentSlot argument, CallEdge.Kind how) {}

  private static final KnownApis INSTANCE = load();

  private final Map<String, String> returns = new HashMap<>();
  private final Set<String> lowercaseClasses = new HashSet<>();
  private final Map<String, Runner> runners = new HashMap<>();

  static KnownApis get() {
    return INSTANCE;
  }

  /** The class of what calling {@code callable} gives, or null. */
  String returnedClass(String callable) {
    return returns.get(callable);
  }

  /**
   * Whether a name outside the project is a class: capitalized by Python's convention (but not an
   * all-capitals constant), or listed as a class.
   */
  boolean isClass(String qualifiedName) {
    if (lowercaseClasses.contains(qualifiedName)) {
      return true;
    }
    String last = qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
    return !last.isEmpty()
        && Character.isUpperCase(last.charAt(0))
        && !last.chars().noneMatch(Character::isLowerCase);
  }

  Runner runner(String callable) {
    return runners.get(callable);
  }

  private static KnownApis load() {
    KnownApis apis = new KnownApis();
    for (String[] fields :
        ResourceTable.read(KnownApis.class, "/dev/asynclint/semantic/known-apis.tsv")) {
      switch (fields[0]) {
        case "returns":
          apis.returns.put(fields[1], fields[2]);
          break;
        case "class":
          apis.lowercaseClasses.add(fields[1]);
          break;
        case "runs":
          CallEdge.Kind how =
              fields[3].equals("thread") ? CallEdge.Kind.THREAD : CallEdge.Kind.LOOP_CALLBACK;
          apis.runners.put(fields[1], new Runner(ArgumentSlot.parse(fields[2]), how));
          break;
        default:
          throw new IllegalStateException("known-apis.tsv: unknown fact " + fields[0]);
      }
    }
    return apis;
  }
}
