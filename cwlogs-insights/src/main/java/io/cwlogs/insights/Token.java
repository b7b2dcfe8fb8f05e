package io.cwlogs.insights;

/**
 * A lexical token of a query string.
 *
 * @param kind what it is
 * @param text its value: an identifier's or field's name, a string's or regex's unescaped content,
 *     a number's or period's text, or the operator itself
 * @param start the offset of its first character
 * @param end the offset just past its last character
 */
record Token(Kind kind, String text, int start, int end) {

  /** The token kinds. */
  enum Kind {
    /** A bare word: a command, keyword, function or field name. */
    WORD,
    /** A backtick-quoted field name. */
    QUOTED_FIELD,
    STRING,
    NUMBER,
    /** A number with a unit, such as {@code 5m}. */
    PERIOD,
    REGEX,
    PIPE,
    COMMA,
    LPAREN,
    RPAREN,
    LBRACKET,
    RBRACKET,
    EQ,
    NE,
    LT,
    LE,
    GT,
    GE,
    MATCH,
    PLUS,
    MINUS,
    STAR,
    SLASH,
    PERCENT,
    CARET,
    EOF
  }

  boolean isWord(String word) {
    return kind == Kind.WORD && text.equalsIgnoreCase(word);
  }
}
