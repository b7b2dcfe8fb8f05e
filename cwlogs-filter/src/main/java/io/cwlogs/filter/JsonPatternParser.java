package io.cwlogs.filter;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the inside of a {@code { ... }} pattern: {@code ||} binds loosest, then {@code &&}, then
 * parentheses; each test is {@code selector op value}, {@code selector IS TRUE|FALSE|NULL} or
 * {@code selector NOT EXISTS}.
 */
final class JsonPatternParser {
  /** Deepest parenthesis nesting accepted; deeper input is rejected rather than recursed into. */
  static final int MAX_NESTING = 64;

  /** AWS's quota on wildcard selectors in one pattern. */
  static final int MAX_WILDCARDS = 3;

  /** AWS's quota on regexes in one JSON or space-delimited pattern. */
  static final int MAX_REGEXES = 2;

  private final String p;
  private int i;
  private int regexes;
  private int wildcards;

  private JsonPatternParser(String p) {
    this.p = p;
  }

  /** Parses a whole pattern that starts with '{' and ends with '}'. */
  static JsonPattern parse(String pattern) {
    JsonPatternParser parser = new JsonPatternParser(pattern.substring(1, pattern.length() - 1));
    JsonPattern.Expr e = parser.or(0);
    parser.ws();
    if (parser.i != parser.p.length()) {
      throw InvalidFilterPatternException.invalid("unexpected text at " + (parser.i + 1));
    }
    if (parser.regexes > MAX_REGEXES) {
      throw InvalidFilterPatternException.invalid("more than " + MAX_REGEXES + " regexes");
    }
    if (parser.wildcards > MAX_WILDCARDS) {
      throw InvalidFilterPatternException.invalid("more than " + MAX_WILDCARDS + " wildcards");
    }
    return new JsonPattern(e, parser.regexes);
  }

  private void ws() {
    while (i < p.length() && Character.isWhitespace(p.charAt(i))) {
      i++;
    }
  }

  private boolean take(String s) {
    ws();
    if (p.startsWith(s, i)) {
      i += s.length();
      return true;
    }
    return false;
  }

  private JsonPattern.Expr or(int depth) {
    List<JsonPattern.Expr> xs = new ArrayList<>();
    xs.add(and(depth));
    while (take("||")) {
      xs.add(and(depth));
    }
    return xs.size() == 1 ? xs.get(0) : new JsonPattern.Or(xs);
  }

  private JsonPattern.Expr and(int depth) {
    List<JsonPattern.Expr> xs = new ArrayList<>();
    xs.add(primary(depth));
    while (take("&&")) {
      xs.add(primary(depth));
    }
    return xs.size() == 1 ? xs.get(0) : new JsonPattern.And(xs);
  }

  private JsonPattern.Expr primary(int depth) {
    ws();
    if (i >= p.length()) {
      throw InvalidFilterPatternException.invalid("expected a test");
    }
    char c = p.charAt(i);
    if (c == '(') {
      if (depth >= MAX_NESTING) {
        throw InvalidFilterPatternException.invalid("parentheses nested too deeply");
      }
      i++;
      JsonPattern.Expr e = or(depth + 1);
      if (!take(")")) {
        throw InvalidFilterPatternException.invalid("expected ')' at " + (i + 1));
      }
      return e;
    }
    if (c != '$') {
      throw InvalidFilterPatternException.invalid("expected a selector at " + (i + 1));
    }
    int[] end = new int[1];
    JsonSelector sel = JsonSelector.parse(p, i, end);
    i = end[0];
    wildcards += sel.wildcards();
    return new JsonPattern.Test(sel, condition());
  }

  private JsonCondition condition() {
    ws();
    if (keyword("IS")) {
      ws();
      for (String lit : new String[] {"TRUE", "FALSE", "NULL"}) {
        if (keyword(lit)) {
          return new JsonCondition.IsLiteral(lit.toLowerCase(java.util.Locale.ROOT));
        }
      }
      throw InvalidFilterPatternException.invalid("IS must be followed by TRUE, FALSE or NULL");
    }
    if (keyword("NOT")) {
      ws();
      if (keyword("EXISTS")) {
        return new JsonCondition.NotExists();
      }
      throw InvalidFilterPatternException.invalid("NOT must be followed by EXISTS");
    }
    CompareOp op = CompareOp.at(p, i);
    if (op == null) {
      throw InvalidFilterPatternException.invalid("expected an operator at " + (i + 1));
    }
    i += op.symbol.length();
    ws();
    if (i >= p.length()) {
      throw InvalidFilterPatternException.invalid("expected a value");
    }
    boolean eqOrNe = op == CompareOp.EQ || op == CompareOp.NE;
    char c = p.charAt(i);
    if (c == '"') {
      StringBuilder sb = new StringBuilder();
      i = TermPattern.readQuoted(p, i, sb);
      if (!eqOrNe) {
        throw InvalidFilterPatternException.invalid("'" + op.symbol + "' needs a number");
      }
      return new JsonCondition.StringTest(op == CompareOp.NE, StringMatcher.of(sb.toString()));
    }
    if (c == '%') {
      int close = p.indexOf('%', i + 1);
      if (close < 0 || !eqOrNe) {
        throw InvalidFilterPatternException.invalid("bad regex value");
      }
      Regex re = FilterPattern.regex(p.substring(i + 1, close));
      regexes++;
      i = close + 1;
      return new JsonCondition.RegexTest(op == CompareOp.NE, re);
    }
    int s = i;
    while (i < p.length() && isBareChar(p.charAt(i))) {
      i++;
    }
    String word = p.substring(s, i);
    if (word.isEmpty()) {
      throw InvalidFilterPatternException.invalid("bad value at " + (s + 1));
    }
    if (word.equals("*")) {
      if (op == CompareOp.EQ) {
        return new JsonCondition.Present();
      }
      if (op == CompareOp.NE) {
        return new JsonCondition.StringTest(true, StringMatcher.of("*"));
      }
      throw InvalidFilterPatternException.invalid("'*' needs '=' or '!='");
    }
    double v = Numbers.parse(word);
    if (!Double.isNaN(v)) {
      return new JsonCondition.NumberTest(op, v);
    }
    if (!eqOrNe) {
      throw InvalidFilterPatternException.invalid("'" + op.symbol + "' needs a number");
    }
    return new JsonCondition.StringTest(op == CompareOp.NE, StringMatcher.of(word));
  }

  /** Characters an unquoted value may contain; others (such as @ $ \) need quotes. */
  static boolean isBareChar(char c) {
    return TermPattern.isWord(c) || c == '.' || c == '*' || c == '-' || c == '+' || c == ':';
  }

  private boolean keyword(String k) {
    if (p.startsWith(k, i)) {
      int after = i + k.length();
      if (after == p.length() || !TermPattern.isWord(p.charAt(after))) {
        i = after;
        return true;
      }
    }
    return false;
  }
}
