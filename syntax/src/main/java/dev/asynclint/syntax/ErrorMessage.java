package dev.asynclint.syntax;

/** The catalog of syntax error messages, worded as CPython words them where it can. */
public enum ErrorMessage {
  INVALID_SYNTAX("invalid syntax"),
  INVALID_SYNTAX_EXPECTED("invalid syntax: expected %s"),
  UNTERMINATED_STRING("unterminated string literal (detected at line %d)"),
  UNTERMINATED_TRIPLE_STRING("unterminated triple-quoted string literal (detected at line %d)"),
  UNTERMINATED_FSTRING("unterminated f-string literal (detected at line %d)"),
  UNEXPECTED_EOF("unexpected EOF while parsing"),
  NEVER_CLOSED("'%c' was never closed"),
  UNMATCHED("unmatched '%c'"),
  MISMATCHED_PAREN("closing parenthesis '%c' does not match opening parenthesis '%c'"),
  TOO_MANY_PARENS("too many nested parentheses"),
  TOO_MANY_INDENTS("too many levels of indentation"),
  TOO_DEEP("too many nested expressions or blocks; the source is too complex to parse"),
  UNINDENT_MISMATCH("unindent does not match any outer indentation level"),
  INCONSISTENT_TABS("inconsistent use of tabs and spaces in indentation"),
  UNEXPECTED_INDENT("unexpected indent"),
  EXPECTED_INDENT("expected an indented block"),
  LINE_CONTINUATION("unexpected character after line continuation character"),
  INVALID_CHARACTER("invalid character '%s' (U+%04X)"),
  NON_PRINTABLE("invalid non-printable character U+%04X"),
  NULL_BYTES("source code cannot contain null bytes"),
  INVALID_NUMBER("invalid %s literal"),
  INVALID_DIGIT("invalid digit '%c' in %s literal"),
  LEADING_ZEROS(
      "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal"
          + " integers"),
  FSTRING_SINGLE_BRACE("f-string: single '}' is not allowed"),
  FSTRING_EMPTY_EXPRESSION("f-string: valid expression required before '%s'"),
  FSTRING_INVALID_CONVERSION("f-string: invalid conversion character: expected 's', 'r', or 'a'"),
  FSTRING_BACKSLASH("f-string expression part cannot include a backslash"),
  FSTRING_COMMENT("f-string expression part cannot include '#'"),
  FSTRING_NESTED_QUOTE(
      "f-string: nested string uses the quote that ends the f-string before Python 3.12"),
  FSTRING_TOO_DEEP("f-string: expressions nested too deeply"),
  FSTRING_MULTILINE(
      "f-string: expressions in a single-quoted f-string cannot span lines before Python 3.12"),
  MIXED_BYTES("cannot mix bytes and nonbytes literals"),
  BYTES_NON_ASCII("bytes can only contain ASCII literal characters"),
  BAD_ESCAPE("(unicode error) %s"),
  CANNOT_ASSIGN("cannot assign to %s"),
  CANNOT_DELETE("cannot delete %s"),
  CANNOT_AUGASSIGN("'%s' is an illegal expression for augmented assignment"),
  ILLEGAL_ANNOTATION_TARGET("illegal target for annotation"),
  ONLY_SINGLE_TARGET("only single target (not %s) can be annotated"),
  NAMED_EXPR_TARGET("cannot use assignment expressions with %s"),
  POSITIONAL_AFTER_KEYWORD("positional argument follows keyword argument"),
  POSITIONAL_AFTER_KWARGS("positional argument follows keyword argument unpacking"),
  ITERABLE_AFTER_KWARGS("iterable argument unpacking follows keyword argument unpacking"),
  GENERATOR_NOT_SOLE("Generator expression must be parenthesized"),
  KEYWORD_EXPRESSION("expression cannot contain assignment, perhaps you meant \"==\"?"),
  NON_DEFAULT_AFTER_DEFAULT("non-default argument follows default argument"),
  DUPLICATE_SLASH("/ may appear only once"),
  SLASH_AFTER_STAR("/ must be ahead of *"),
  DUPLICATE_STAR("* argument may appear only once"),
  NAMED_AFTER_STAR("named arguments must follow bare *"),
  BARE_STAR_AFTER_KWARGS("arguments cannot follow var-keyword argument"),
  STAR_DEFAULT("var-positional argument cannot have default value"),
  KWARGS_DEFAULT("var-keyword argument cannot have default value"),
  STARRED_ANNOTATION("invalid star annotation"),
  AT_LEAST_ONE_ARG("at least one argument must precede /"),
  STARRED_HERE("cannot use starred expression here"),
  MIXED_EXCEPT("cannot have both 'except' and 'except*' on the same 'try'"),
  EXCEPT_STAR_BARE("expected one or more exception types"),
  EXCEPT_PARENS("multiple exception types must be parenthesized"),
  IMPORT_TRAILING_COMMA("trailing comma not allowed without surrounding parentheses"),
  NOT_SUPPORTED("%s requires Python %s or newer"),
  PATTERN_NOT_ALLOWED("%s"),
  LAMBDA_IN_FSTRING("f-string: lambda expressions are not allowed without parentheses"),
  DICT_UNPACK_IN_SET("dict unpacking cannot be used in dict comprehension"),
  TOO_MANY_DIGITS(
      "Exceeds the limit (%d digits) for integer string conversion; use a hexadecimal literal");

  private final String template;

  ErrorMessage(String template) {
    this.template = template;
  }

  public String format(Object... args) {
    return args.length == 0 ? template : String.format(template, args);
  }
}
