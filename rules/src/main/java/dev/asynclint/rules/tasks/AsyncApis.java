package dev.asynclint.rules.tasks;

import dev.asynclint.text.ResourceTable;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** The knowledge base of library calls that give awaitables, loaded from {@code async-apis.tsv}. */
final class AsyncApis {
  private static final String RESOURCE = "/dev/asynclint/rules/async-apis.tsv";
  private static final AsyncApis INSTANCE = load();

  /** What calling an async API gives. */
  enum Kind {
    /** An awaitable that does nothing until awaited: dropping it loses the work. */
    COROUTINE,
    /** A future whose work is already scheduled: dropping it loses only the result. */
    FUTURE
  }

  /**
   * One async API.
   *
   * @param fetch whether it is a read-only request, independent of other calls with other arguments
   */
  record Entry(String name, Kind kind, boolean fetch) {}

  private final Map<String, Entry> entries = new HashMap<>();

  static AsyncApis get() {
    return INSTANCE;
  }

  /** The async API a qualified name denotes, or null. */
  Entry find(String qualifiedName) {
    return qualifiedName == null ? null : entries.get(qualifiedName);
  }

  /** Whether calling {@code qualifiedName} gives an awaitable that does nothing until awaited. */
  boolean lazy(String qualifiedName) {
    Entry entry = find(qualifiedName);
    return entry != null && entry.kind() == Kind.COROUTINE;
  }

  private static AsyncApis load() {
    AsyncApis apis = new AsyncApis();
    for (String[] fields : ResourceTable.read(AsyncApis.class, RESOURCE)) {
      apis.add(fields);
    }
    return apis;
  }

  private void add(String[] fields) {
    if (fields.length < 2
        || fields.length > 3
        || fields.length == 3 && !fields[2].equals("fetch")) {
      throw new IllegalStateException("async-apis.tsv: malformed line for " + fields[0]);
    }
    Kind kind = Kind.valueOf(fields[1].toUpperCase(Locale.ROOT));
    Entry entry = new Entry(fields[0], kind, fields.length == 3);
    if (entries.put(fields[0], entry) != null) {
      throw new IllegalStateException("async-apis.tsv: duplicate " + fields[0]);
    }
  }
}
