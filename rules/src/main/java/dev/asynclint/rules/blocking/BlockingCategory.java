package dev.asynclint.rules.blocking;

/** The kinds of blocking calls, one rule each, as named in {@code blocking-apis.tsv}. */
enum BlockingCategory {
  SLEEP("sleep", "sleeps in the event loop's thread: every other task waits as long"),
  HTTP("http", "waits for the network: every other task stands still until the response arrives"),
  DATABASE("database", "waits for the database: every other task stands still until it answers"),
  FILE_IO("file-io", "does file-system I/O in the event loop's thread: every other task waits"),
  SUBPROCESS(
      "subprocess", "waits for a child process: every other task stands still until it exits"),
  INPUT("input", "waits for the terminal: the event loop stops until someone types"),
  SOCKET("socket", "does blocking network I/O: every other task stands still while it waits"),
  THREAD_SYNC(
      "thread-sync",
      "waits on a thread primitive: the loop stops, and a deadlock follows if the waited-for work"
          + " needs the loop"),
  CPU("cpu", "runs CPU-heavy work in the event loop's thread: every other task waits"),
  SDK("sdk", "calls a synchronous SDK client over the network: every other task stands still");

  private final String key;
  private final String consequence;

  BlockingCategory(String key, String consequence) {
    this.key = key;
    this.consequence = consequence;
  }

  /** What a call of this kind does to the loop, for messages. */
  String consequence() {
    return consequence;
  }

  static BlockingCategory of(String key) {
    for (BlockingCategory category : values()) {
      if (category.key.equals(key)) {
        return category;
      }
    }
    throw new IllegalStateException("blocking-apis.tsv: unknown category " + key);
  }
}
