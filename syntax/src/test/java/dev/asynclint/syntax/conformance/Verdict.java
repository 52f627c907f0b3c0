package dev.asynclint.syntax.conformance;

/** What a parser made of a file: a dump when it accepts the file, or why it rejects it. */
record Verdict(String dump, String error) {
  static Verdict accepted(String dump) {
    return new Verdict(dump, null);
  }

  static Verdict rejected(String error) {
    return new Verdict(null, error);
  }

  boolean accepted() {
    return dump != null;
  }
}
