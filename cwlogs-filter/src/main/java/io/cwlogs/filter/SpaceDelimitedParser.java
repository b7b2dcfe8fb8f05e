package io.cwlogs.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses a {@code [ ... ]} pattern: comma-separated field specs, each {@code ...}, {@code name} or
 * {@code name op value}, where one field's condition may chain {@code ||} and {@code &&} (binding
 * tighter) over comparisons that all name that same field.
 *
 * <p>Conditions that join different fields ({@code status = 4* && bytes > 1000}) are rejected, as
 * real AWS does even though old documentation showed them.
 */
final class SpaceDelimitedParser {
  private final String p;
  private int i;
  private int regexes;

  private SpaceDelimitedParser(String p) {
    this.p = p;
  }

  static SpaceDelimitedPattern parse(String pattern) {
    SpaceDelimitedParser parser =
        new SpaceDelimitedParser(pattern.substring(1, pattern.length() - 1));
    List<SpaceDelimitedPattern.Field> fields = parser.fields();
    if (parser.regexes > JsonPatternParser.MAX_REGEXES) {
      throw InvalidFilterPatternException.invalid("more than 2 regexes");
    }
    return new SpaceDelimitedPattern(fields, parser.regexes);
  }

  private void ws() {
    while (i < p.length() && Character.isWhitespace(p.charAt(i))) {
      i++;
    }
  }

  private List<SpaceDelimitedPattern.Field> fields() {
    List<SpaceDelimitedPattern.Field> out = new ArrayList<>();
    while (true) {
      ws();
      if (p.startsWith("...", i)) {
        i += 3;
        out.add(new SpaceDelimitedPattern.Ellipsis());
      } else {
        String name = identifier();
        ws();
        Optional<FieldCondition> cond = Optional.empty();
        if (i < p.length() && p.charAt(i) != ',') {
          cond = Optional.of(anyOf(name));
        }
        out.add(new SpaceDelimitedPattern.Named(name, cond));
      }
      ws();
      if (i >= p.length()) {
        return out;
      }
      if (p.charAt(i) != ',') {
        throw InvalidFilterPatternException.invalid("expected ',' at " + (i + 2));
      }
      i++;
    }
  }

  private String identifier() {
    int s = i;
    while (i < p.length() && TermPattern.isWord(p.charAt(i))) {
      i++;
    }
    if (s == i) {
      throw InvalidFilterPatternException.invalid("expected a field name at " + (i + 2));
    }
    return p.substring(s, i);
  }

  private boolean take(String s) {
    ws();
    if (p.startsWith(s, i)) {
      i += s.length();
      return true;
    }
    return false;
  }

  private FieldCondition anyOf(String name) {
    List<FieldCondition> xs = new ArrayList<>();
    xs.add(allOf(name, true));
    while (take("||")) {
      xs.add(allOf(name, false));
    }
    return xs.size() == 1 ? xs.get(0) : new FieldCondition.AnyOf(xs);
  }

  private FieldCondition allOf(String name, boolean nameConsumed) {
    List<FieldCondition> xs = new ArrayList<>();
    xs.add(comparison(name, nameConsumed));
    while (take("&&")) {
      xs.add(comparison(name, false));
    }
    return xs.size() == 1 ? xs.get(0) : new FieldCondition.AllOf(xs);
  }

  private FieldCondition comparison(String name, boolean nameConsumed) {
    ws();
    if (!nameConsumed) {
      String other = identifier();
      if (!other.equals(name)) {
        throw InvalidFilterPatternException.invalid(
            "a condition may only refer to its own field '" + name + "', not '" + other + "'");
      }
      ws();
    }
    CompareOp op = CompareOp.at(p, i);
    if (op == null) {
      throw InvalidFilterPatternException.invalid("expected an operator at " + (i + 2));
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
      return new FieldCondition.StringTest(op == CompareOp.NE, StringMatcher.of(sb.toString()));
    }
    if (c == '%') {
      int close = p.indexOf('%', i + 1);
      if (close < 0 || !eqOrNe) {
        throw InvalidFilterPatternException.invalid("bad regex value");
      }
      Regex re = FilterPattern.regex(p.substring(i + 1, close));
      regexes++;
      i = close + 1;
      return new FieldCondition.RegexTest(op == CompareOp.NE, re);
    }
    int s = i;
    while (i < p.length() && isBareChar(p.charAt(i))) {
      i++;
    }
    String word = p.substring(s, i);
    if (word.isEmpty()) {
      throw InvalidFilterPatternException.invalid("bad value at " + (s + 2));
    }
    double v = Numbers.parse(word);
    if (!Double.isNaN(v)) {
      return new FieldCondition.NumberTest(op, v);
    }
    if (!eqOrNe) {
      throw InvalidFilterPatternException.invalid("'" + op.symbol + "' needs a number");
    }
    return new FieldCondition.StringTest(op == CompareOp.NE, StringMatcher.of(word));
  }

  private static boolean isBareChar(char c) {
    return !Character.isWhitespace(c) && ",|&\"%()[]{}".indexOf(c) < 0;
  }
}
