package dev.asynclint.rules.blocking;

import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.syntax.ast.Keyword;
import dev.asynclint.text.ResourceTable;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The knowledge base of blocking library calls, loaded from {@code blocking-apis.tsv}. */
final class BlockingApis {
  private static final String RESOURCE = "/dev/asynclint/rules/blocking-apis.tsv";
  private static final String EVERY_METHOD = ".*";
  private static final BlockingApis INSTANCE = load();

  /**
   * One blocking API.
   *
   * @param alternative what to use in a coroutine instead, as Markdown
   * @param unless the argument value that makes the call non-blocking; null when none does
   */
  record Entry(String name, BlockingCategory category, String alternative, Unless unless) {
    /** Whether this call, with its arguments, blocks. */
    boolean blocks(Expr.Call call, String source) {
      return unless == null || !unless.holds(call, source);
    }
  }

  /**
   * An argument written a particular way, such as {@code blocking=False}, or containing a text
   * ({@code *NUMERIC*}: a numeric-only {@code getaddrinfo} does not query DNS).
   */
  record Unless(int position, String keyword, String value) {
    static Unless parse(String text) {
      int equals = text.indexOf('=');
      int position = -1;
      String keyword = null;
      for (String part : text.substring(0, equals).split("/")) {
        if (Character.isDigit(part.charAt(0))) {
          position = Integer.parseInt(part);
        } else {
          keyword = part;
        }
      }
      return new Unless(position, keyword, text.substring(equals + 1));
    }

    boolean holds(Expr.Call call, String source) {
      Expr argument = null;
      for (Keyword candidate : call.keywords()) {
        if (candidate.arg() != null && candidate.arg().equals(keyword)) {
          argument = candidate.value();
        }
      }
      if (argument == null && position >= 0 && position < call.args().size()) {
        for (int i = 0; i <= position; i++) {
          if (call.args().get(i) instanceof Expr.Starred) {
            return false;
          }
        }
        argument = call.args().get(position);
      }
      if (argument == null) {
        return false;
      }
      String text = source.substring(argument.range().start(), argument.range().end());
      if (value.length() > 2 && value.startsWith("*") && value.endsWith("*")) {
        return text.contains(value.substring(1, value.length() - 1));
      }
      return text.equals(value) || text.endsWith("." + value);
    }
  }

  private final Map<String, Entry> entries = new HashMap<>();
  private final Map<String, Entry> everyMethod = new HashMap<>();
  private final Set<String> notBlocking = new HashSet<>();

  static BlockingApis get() {
    return INSTANCE;
  }

  /** The blocking API a qualified name denotes, or null. */
  Entry find(String qualifiedName) {
    Entry entry = entries.get(qualifiedName);
    if (entry != null || notBlocking.contains(qualifiedName)) {
      return entry;
    }
    int dot = qualifiedName.lastIndexOf('.');
    Entry method = dot < 0 ? null : everyMethod.get(qualifiedName.substring(0, dot));
    return method == null
        ? null
        : new Entry(qualifiedName, method.category(), method.alternative(), method.unless());
  }

  /** Whether the knowledge base marks this callable as not blocking ({@code none}). */
  boolean declaredNotBlocking(String qualifiedName) {
    return notBlocking.contains(qualifiedName);
  }

  private static BlockingApis load() {
    BlockingApis apis = new BlockingApis();
    for (String[] fields : ResourceTable.read(BlockingApis.class, RESOURCE)) {
      apis.add(fields);
    }
    return apis;
  }

  private void add(String[] fields) {
    String name = fields[0];
    if (fields[1].equals("none")) {
      notBlocking.add(name);
      return;
    }
    Unless unless = fields.length > 3 ? Unless.parse(fields[3]) : null;
    Entry entry = new Entry(name, BlockingCategory.of(fields[1]), fields[2], unless);
    if (name.endsWith(EVERY_METHOD)) {
      everyMethod.put(name.substring(0, name.length() - EVERY_METHOD.length()), entry);
    } else if (entries.put(name, entry) != null) {
      throw new IllegalStateException("blocking-apis.tsv: duplicate " + name);
    }
  }
}
