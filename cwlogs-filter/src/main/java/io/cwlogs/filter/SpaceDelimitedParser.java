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
      throw InvalidFilterPatternException.invalid(
          "more than " + JsonPatternParser.MAX_REGEXES + " regexes");
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
    Comparison c = Comparison.read(p, i, SpaceDelimitedParser::isBareChar);
    i = c.end();
    return switch (c.value()) {
      case Comparison.Text t -> new FieldCondition.StringTest(c.negated(), StringMatcher.of(t.text()));
      case Comparison.Number n -> new FieldCondition.NumberTest(c.op(), n.value());
      case Comparison.Pattern r -> {
        regexes++;
        yield new FieldCondition.RegexTest(c.negated(), r.regex());
      }
    };
  }

  private static boolean isBareChar(int c) {
    return !Character.isWhitespace(c) && ",|&\"%()[]{}".indexOf(c) < 0;
  }
}
