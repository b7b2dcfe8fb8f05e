package io.cwlogs.filter;

import java.util.function.IntPredicate;

/**
 * The operator and value of one comparison — {@code = "x"}, {@code > 5}, {@code != %re%}, {@code = 4*}
 * — written the same way in JSON and space-delimited patterns, and read here for both.
 *
 * <p>A quoted value is always text; an unquoted one is a number when it parses as one, else text
 * (which syntax allows which unquoted characters is the caller's {@code bareChar}). Only {@code =} and
 * {@code !=} take text or a regex; the ordering operators need a number.
 *
 * @param end the index just after the value
 */
record Comparison(CompareOp op, Value value, int end) {

  /** What the operator compares against. */
  sealed interface Value {}

  record Text(String text, boolean quoted) implements Value {}

  record Number(double value) implements Value {}

  record Pattern(Regex regex) implements Value {}

  boolean negated() {
    return op == CompareOp.NE;
  }

  /** Reads a comparison whose operator starts at {@code start}. */
  static Comparison read(String p, int start, IntPredicate bareChar) {
    CompareOp op = CompareOp.at(p, start);
    if (op == null) {
      throw InvalidFilterPatternException.invalid("expected an operator at " + (start + 1));
    }
    int i = start + op.symbol.length();
    while (i < p.length() && Character.isWhitespace(p.charAt(i))) {
      i++;
    }
    if (i >= p.length()) {
      throw InvalidFilterPatternException.invalid("expected a value");
    }
    boolean equality = op == CompareOp.EQ || op == CompareOp.NE;
    char c = p.charAt(i);
    if (c == '"') {
      StringBuilder sb = new StringBuilder();
      int end = TermPattern.readQuoted(p, i, sb);
      requireEquality(op, equality);
      return new Comparison(op, new Text(sb.toString(), true), end);
    }
    if (c == '%') {
      int close = p.indexOf('%', i + 1);
      if (close < 0 || !equality) {
        throw InvalidFilterPatternException.invalid("bad regex value");
      }
      return new Comparison(op, new Pattern(FilterPattern.regex(p.substring(i + 1, close))), close + 1);
    }
    int s = i;
    while (i < p.length() && bareChar.test(p.charAt(i))) {
      i++;
    }
    String word = p.substring(s, i);
    if (word.isEmpty()) {
      throw InvalidFilterPatternException.invalid("bad value at " + (s + 1));
    }
    double v = Numbers.parse(word);
    if (!Double.isNaN(v)) {
      return new Comparison(op, new Number(v), i);
    }
    requireEquality(op, equality);
    return new Comparison(op, new Text(word, false), i);
  }

  private static void requireEquality(CompareOp op, boolean equality) {
    if (!equality) {
      throw InvalidFilterPatternException.invalid("'" + op.symbol + "' needs a number");
    }
  }
}
