package dev.asynclint.rules.concurrency;

import dev.asynclint.semantic.project.CallSite;
import dev.asynclint.text.ResourceTable;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The catalog of async clients, pools and connections, loaded from {@code async-clients.tsv}, plus
 * the user's {@code async-clients}.
 */
final class AsyncClients {
  private static final String RESOURCE = "/dev/asynclint/rules/async-clients.tsv";
  private static final Map<String, String> CATALOG = load();

  private AsyncClients() {}

  /**
   * What a call creates, for messages ({@code client}, {@code pool}, {@code connection}); null when
   * it creates none of these.
   */
  static String kind(CallSite site, Set<String> userClients) {
    String name = site.target().qualifiedName();
    if (name == null) {
      return null;
    }
    String kind = CATALOG.get(name);
    if (kind == null && userClients.contains(name)) {
      return "client";
    }
    return kind;
  }

  /** How messages spell the call: {@code aiohttp.ClientSession()}. */
  static String spelling(CallSite site) {
    return site.target().qualifiedName() + "()";
  }

  private static Map<String, String> load() {
    Map<String, String> catalog = new HashMap<>();
    for (String[] fields : ResourceTable.read(AsyncClients.class, RESOURCE)) {
      if (catalog.put(fields[0], fields[1]) != null) {
        throw new IllegalStateException("async-clients.tsv: duplicate " + fields[0]);
      }
    }
    return Map.copyOf(catalog);
  }
}
