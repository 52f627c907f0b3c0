package dev.asynclint.semantic.project;

import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.syntax.ast.Keyword;

/**
 * Where a call takes a particular argument: a position from 0, a keyword, or both ({@code
 * Thread(None, f)} and {@code Thread(target=f)}).
 */
record ArgumentSlot(int position, String keyword) {

  /** Parses {@code 1}, {@code target} or {@code 1/target}. */
  static ArgumentSlot parse(String text) {
    int position = -1;
    String keyword = null;
    for (String part : text.split("/")) {
      if (Character.isDigit(part.charAt(0))) {
        position = Integer.parseInt(part);
      } else {
        keyword = part;
      }
    }
    return new ArgumentSlot(position, keyword);
  }

  /** The argument of {@code call} in this slot; null when absent or hidden behind a {@code *}. */
  Expr find(Expr.Call call) {
    if (keyword != null) {
      for (Keyword candidate : call.keywords()) {
        if (keyword.equals(candidate.arg())) {
          return candidate.value();
        }
      }
    }
    if (position < 0 || position >= call.args().size()) {
      return null;
    }
    for (int i = 0; i <= position; i++) {
      if (call.args().get(i) instanceof Expr.Starred) {
        return null;
      }
    }
    return call.args().get(position);
  }
}
