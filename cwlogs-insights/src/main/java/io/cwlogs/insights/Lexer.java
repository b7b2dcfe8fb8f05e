package io.cwlogs.insights;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The tokenizer of the query language.
 *
 * <p>{@code #} starts a comment to the end of the line. A {@code /} starts a regex literal unless
 * it follows an operand (then it divides), or it follows {@code parse} and its field. Field names
 * are letters, digits, {@code _}, {@code @} and {@code .}; others go in backticks, and
 * {@code @`a:b`} names the field {@code @a:b} (GUIDELINES).
 */
final class Lexer {
  private static final Set<String> REGEX_AFTER =
      Set.of(
          "like", "parse", "filter", "where", "and", "or", "not", "in", "by", "fields", "display",
          "as");

  private final String q;
  private int i;
  private final List<Token> out = new ArrayList<>();

  private Lexer(String q) {
    this.q = q;
  }

  static List<Token> tokenize(String query) {
    Lexer l = new Lexer(query);
    l.run();
    return l.out;
  }

  private MalformedQueryException error(int start, int end, String what) {
    return MalformedQueryException.at(q, start, end, what);
  }

  private void run() {
    int n = q.length();
    while (true) {
      while (i < n && Character.isWhitespace(q.charAt(i))) {
        i++;
      }
      if (i >= n) {
        break;
      }
      char c = q.charAt(i);
      int start = i;
      if (c == '#') {
        while (i < n && q.charAt(i) != '\n') {
          i++;
        }
      } else if (isWordStart(c)) {
        word(start);
      } else if (Values.isDigit(c) || (c == '.' && i + 1 < n && Values.isDigit(q.charAt(i + 1)))) {
        number(start);
      } else if (c == '"' || c == '\'') {
        add(Token.Kind.STRING, quoted(c, start, true), start);
      } else if (c == '`') {
        String name = quoted('`', start, false);
        if (name.isEmpty()) {
          throw error(start, i, "empty field name");
        }
        add(Token.Kind.QUOTED_FIELD, name, start);
      } else if (c == '/' && regexAllowed()) {
        add(Token.Kind.REGEX, regex(start), start);
      } else {
        operator(c, start);
      }
    }
    out.add(new Token(Token.Kind.EOF, "", n, n));
  }

  private static boolean isWordStart(char c) {
    return Character.isLetter(c) || c == '_' || c == '@' || c == '$';
  }

  private static boolean isWordPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '@' || c == '.' || c == '$';
  }

  private void add(Token.Kind kind, String text, int start) {
    out.add(new Token(kind, text, start, i));
  }

  private void word(int start) {
    int n = q.length();
    StringBuilder b = new StringBuilder();
    while (i < n) {
      char c = q.charAt(i);
      if (isWordPart(c)) {
        b.append(c);
        i++;
      } else if (c == '`'
          && b.length() > 0
          && (b.charAt(b.length() - 1) == '@' || b.charAt(b.length() - 1) == '.')) {
        b.append(quoted('`', i, false));
      } else {
        break;
      }
    }
    boolean quotedPart = i - start != b.length();
    add(quotedPart ? Token.Kind.QUOTED_FIELD : Token.Kind.WORD, b.toString(), start);
  }

  private void number(int start) {
    int n = q.length();
    while (i < n && Values.isDigit(q.charAt(i))) {
      i++;
    }
    if (i + 1 < n && q.charAt(i) == '.' && Values.isDigit(q.charAt(i + 1))) {
      i++;
      while (i < n && Values.isDigit(q.charAt(i))) {
        i++;
      }
    }
    if (i < n && Character.isLetter(q.charAt(i))) {
      while (i < n && Character.isLetter(q.charAt(i))) {
        i++;
      }
      add(Token.Kind.PERIOD, q.substring(start, i), start);
      return;
    }
    add(Token.Kind.NUMBER, q.substring(start, i), start);
  }

  /** Reads a quoted run starting at the quote at {@code start}; returns its unescaped content. */
  private String quoted(char quote, int start, boolean escapes) {
    int n = q.length();
    i = start + 1;
    StringBuilder b = new StringBuilder();
    while (i < n) {
      char c = q.charAt(i);
      if (c == quote) {
        i++;
        return b.toString();
      }
      if (escapes && c == '\\' && i + 1 < n) {
        char e = q.charAt(i + 1);
        switch (e) {
          case 'n' -> b.append('\n');
          case 't' -> b.append('\t');
          case 'r' -> b.append('\r');
          case '\\', '"', '\'' -> b.append(e);
          default -> b.append('\\').append(e);
        }
        i += 2;
        continue;
      }
      b.append(c);
      i++;
    }
    String what = quote == '`' ? "unterminated field name" : "unterminated string";
    throw error(start, n, what + " starting with " + quote);
  }

  private String regex(int start) {
    int n = q.length();
    i = start + 1;
    StringBuilder b = new StringBuilder();
    while (i < n) {
      char c = q.charAt(i);
      if (c == '/') {
        i++;
        return b.toString();
      }
      if (c == '\\' && i + 1 < n) {
        char e = q.charAt(i + 1);
        if (e != '/') {
          b.append('\\');
        }
        b.append(e);
        i += 2;
        continue;
      }
      b.append(c);
      i++;
    }
    throw error(start, n, "unterminated regular expression starting with /");
  }

  private boolean regexAllowed() {
    if (out.isEmpty()) {
      return true;
    }
    Token last = out.get(out.size() - 1);
    if (out.size() >= 2) {
      Token before = out.get(out.size() - 2);
      if (before.isWord("parse")
          && (last.kind() == Token.Kind.WORD || last.kind() == Token.Kind.QUOTED_FIELD)) {
        return true;
      }
    }
    return switch (last.kind()) {
      case WORD -> REGEX_AFTER.contains(last.text().toLowerCase(Locale.ROOT));
      case QUOTED_FIELD, STRING, NUMBER, PERIOD, REGEX, RPAREN, RBRACKET -> false;
      case PIPE,
          COMMA,
          LPAREN,
          LBRACKET,
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
          EOF ->
          true;
    };
  }

  private void operator(char c, int start) {
    int n = q.length();
    char next = i + 1 < n ? q.charAt(i + 1) : '\0';
    Token.Kind kind;
    int len = 1;
    switch (c) {
      case '|' -> kind = Token.Kind.PIPE;
      case ',' -> kind = Token.Kind.COMMA;
      case '(' -> kind = Token.Kind.LPAREN;
      case ')' -> kind = Token.Kind.RPAREN;
      case '[' -> kind = Token.Kind.LBRACKET;
      case ']' -> kind = Token.Kind.RBRACKET;
      case '+' -> kind = Token.Kind.PLUS;
      case '-' -> kind = Token.Kind.MINUS;
      case '*' -> kind = Token.Kind.STAR;
      case '/' -> kind = Token.Kind.SLASH;
      case '%' -> kind = Token.Kind.PERCENT;
      case '^' -> kind = Token.Kind.CARET;
      case '=' -> {
        if (next == '~') {
          kind = Token.Kind.MATCH;
          len = 2;
        } else {
          kind = Token.Kind.EQ;
          len = next == '=' ? 2 : 1;
        }
      }
      case '!' -> {
        if (next != '=') {
          throw error(start, start + 1, "unexpected symbol found !");
        }
        kind = Token.Kind.NE;
        len = 2;
      }
      case '<' -> {
        kind = next == '=' ? Token.Kind.LE : Token.Kind.LT;
        len = next == '=' ? 2 : 1;
      }
      case '>' -> {
        kind = next == '=' ? Token.Kind.GE : Token.Kind.GT;
        len = next == '=' ? 2 : 1;
      }
      default -> {
        int cp = q.codePointAt(start);
        throw error(
            start,
            start + Character.charCount(cp),
            "unexpected symbol found " + new String(Character.toChars(cp)));
      }
    }
    i = start + len;
    add(kind, q.substring(start, i), start);
  }
}
