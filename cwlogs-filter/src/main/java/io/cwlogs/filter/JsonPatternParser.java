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
    Comparison c = Comparison.read(p, i, JsonPatternParser::isBareChar);
    i = c.end();
    return switch (c.value()) {
      // An unquoted * alone means "present with a value"; != * can never hold for a present value.
      case Comparison.Text t when !t.quoted() && t.text().equals("*") ->
          c.negated() ? new JsonCondition.StringTest(true, StringMatcher.of("*")) : new JsonCondition.Present();
      case Comparison.Text t -> new JsonCondition.StringTest(c.negated(), StringMatcher.of(t.text()));
      case Comparison.Number n -> new JsonCondition.NumberTest(c.op(), n.value());
      case Comparison.Pattern r -> {
        regexes++;
        yield new JsonCondition.RegexTest(c.negated(), r.regex());
      }
    };
  }

  /** Characters an unquoted value may contain; others (such as @ $ \) need quotes. */
  static boolean isBareChar(int c) {
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
