package dev.asynclint.syntax.lexer;

/** The kinds of Python tokens; keywords have kinds of their own, soft keywords are names. */
public enum TokenKind {
  NAME,
  NUMBER,
  STRING,
  FSTRING_START,
  FSTRING_MIDDLE,
  FSTRING_END,
  NEWLINE,
  INDENT,
  DEDENT,
  ENDMARKER,
  /** Stands where the lexer stopped at an error; the parser reports the lexer's error there. */
  ERROR,

  LPAR("("),
  RPAR(")"),
  LSQB("["),
  RSQB("]"),
  LBRACE("{"),
  RBRACE("}"),
  COLON(":"),
  COMMA(","),
  SEMI(";"),
  PLUS("+"),
  MINUS("-"),
  STAR("*"),
  SLASH("/"),
  VBAR("|"),
  AMPER("&"),
  LESS("<"),
  GREATER(">"),
  EQUAL("="),
  DOT("."),
  PERCENT("%"),
  EQEQUAL("=="),
  NOTEQUAL("!="),
  LESSEQUAL("<="),
  GREATEREQUAL(">="),
  TILDE("~"),
  CIRCUMFLEX("^"),
  LEFTSHIFT("<<"),
  RIGHTSHIFT(">>"),
  DOUBLESTAR("**"),
  PLUSEQUAL("+="),
  MINEQUAL("-="),
  STAREQUAL("*="),
  SLASHEQUAL("/="),
  PERCENTEQUAL("%="),
  AMPEREQUAL("&="),
  VBAREQUAL("|="),
  CIRCUMFLEXEQUAL("^="),
  LEFTSHIFTEQUAL("<<="),
  RIGHTSHIFTEQUAL(">>="),
  DOUBLESTAREQUAL("**="),
  DOUBLESLASH("//"),
  DOUBLESLASHEQUAL("//="),
  AT("@"),
  ATEQUAL("@="),
  RARROW("->"),
  ELLIPSIS("..."),
  COLONEQUAL(":="),
  /** {@code !} before an f-string conversion character. */
  EXCLAMATION("!"),

  FALSE("False"),
  NONE("None"),
  TRUE("True"),
  AND("and"),
  AS("as"),
  ASSERT("assert"),
  ASYNC("async"),
  AWAIT("await"),
  BREAK("break"),
  CLASS("class"),
  CONTINUE("continue"),
  DEF("def"),
  DEL("del"),
  ELIF("elif"),
  ELSE("else"),
  EXCEPT("except"),
  FINALLY("finally"),
  FOR("for"),
  FROM("from"),
  GLOBAL("global"),
  IF("if"),
  IMPORT("import"),
  IN("in"),
  IS("is"),
  LAMBDA("lambda"),
  NONLOCAL("nonlocal"),
  NOT("not"),
  OR("or"),
  PASS("pass"),
  RAISE("raise"),
  RETURN("return"),
  TRY("try"),
  WHILE("while"),
  WITH("with"),
  YIELD("yield");

  private final String text;

  TokenKind() {
    this.text = null;
  }

  TokenKind(String text) {
    this.text = text;
  }

  /** The fixed spelling of an operator or keyword, or null for tokens with variable text. */
  public String text() {
    return text;
  }

  public boolean isKeyword() {
    return compareTo(FALSE) >= 0;
  }

  /** How the token is named in messages: its spelling in quotes, or a description. */
  public String describe() {
    if (text != null) {
      return "'" + text + "'";
    }
    switch (this) {
      case NEWLINE:
        return "newline";
      case INDENT:
        return "indent";
      case DEDENT:
        return "dedent";
      case ENDMARKER:
        return "end of file";
      default:
        return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
