package io.cwlogs.insights;

import java.math.BigDecimal;

/**
 * The dynamic typing of query values: coercion, truth, equality, ordering and rendering.
 *
 * <p>A value is one of {@link String}, {@link Double}, {@link NumberText}, {@link Boolean}, {@link
 * DateTime}, or {@code null} for a missing field. Strings that look like numbers take part in
 * arithmetic and in comparisons with a number; two strings compare as strings. Any comparison with
 * a missing value is false (docs/design-decisions-insights.md).
 */
final class Values {
  private Values() {}

  /** The value as a number, or null if it is missing or does not look like one. */
  static Double toNumber(Object v) {
    return switch (v) {
      case null -> null;
      case Double d -> d;
      case NumberText n -> n.value();
      case DateTime t -> (double) t.millis();
      case Boolean b -> b ? 1.0 : 0.0;
      case String s -> parseNumber(s);
      default -> null;
    };
  }

  /** Parses a decimal number such as {@code -12}, {@code 3.5} or {@code 1e3}; null otherwise. */
  static Double parseNumber(String raw) {
    String s = raw.strip();
    int n = s.length();
    int i = 0;
    if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
      i++;
    }
    int digits = 0;
    while (i < n && isDigit(s.charAt(i))) {
      i++;
      digits++;
    }
    if (i < n && s.charAt(i) == '.') {
      i++;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
        digits++;
      }
    }
    if (digits == 0) {
      return null;
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
        i++;
      }
      int exp = 0;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
        exp++;
      }
      if (exp == 0) {
        return null;
      }
    }
    if (i != n) {
      return null;
    }
    return Double.parseDouble(s);
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isTypedNumber(Object v) {
    return v instanceof Double
        || v instanceof NumberText
        || v instanceof DateTime
        || v instanceof Boolean;
  }

  /** Whether a filter keeps a row with this value. */
  static boolean truthy(Object v) {
    return switch (v) {
      case null -> false;
      case Boolean b -> b;
      case Double d -> d != 0.0 && !d.isNaN();
      case NumberText n -> n.value() != 0.0;
      case String s -> !s.isEmpty();
      case DateTime t -> true;
      default -> false;
    };
  }

  /** {@code a = b}: numbers numerically when either side is a number, else exact strings. */
  static boolean equal(Object a, Object b) {
    if (a == null || b == null) {
      return false;
    }
    if (a instanceof String sa && b instanceof String sb) {
      return sa.equals(sb);
    }
    if (isTypedNumber(a) || isTypedNumber(b)) {
      Double x = toNumber(a);
      Double y = toNumber(b);
      return x != null && y != null && x.doubleValue() == y.doubleValue();
    }
    return render(a).equals(render(b));
  }

  /**
   * Orders two values for {@code < <= > >=}: the sign of the comparison, or null if they cannot be
   * compared (one is missing, or a number meets a string that is not a number).
   */
  static Integer compare(Object a, Object b) {
    if (a == null || b == null) {
      return null;
    }
    if (a instanceof DateTime x && b instanceof DateTime y) {
      return Long.compare(x.millis(), y.millis());
    }
    if (a instanceof String sa && b instanceof String sb) {
      return Integer.signum(sa.compareTo(sb));
    }
    Double x = toNumber(a);
    Double y = toNumber(b);
    if (x == null || y == null) {
      return null;
    }
    return Double.compare(x, y);
  }

  /** The value as GetQueryResults shows it, or null if it shows as missing. */
  static String render(Object v) {
    return switch (v) {
      case null -> null;
      case String s -> s;
      case Double d -> formatNumber(d);
      case NumberText n -> n.text();
      case Boolean b -> b ? "1" : "0";
      case DateTime t -> t.render();
      default -> v.toString();
    };
  }

  /**
   * Renders a computed number: integers without a fraction ({@code 42}), others in the shortest
   * decimal that reads back as the same double, never in exponent form; NaN and infinities are
   * missing.
   */
  static String formatNumber(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return null;
    }
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
  }

  /** The value as text for string functions: rendered, or null if missing. */
  static String text(Object v) {
    return render(v);
  }
}
