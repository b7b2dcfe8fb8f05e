package io.cwlogs.insights;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The interpreter of {@link Expr} trees over a {@link Row}.
 *
 * <p>Missing values propagate: arithmetic and most functions over a missing field give a missing
 * result, comparisons with one are false, and {@code ispresent}, {@code isempty}, {@code isblank}
 * and {@code coalesce} exist to test for them.
 */
final class Evaluator {
  private Evaluator() {}

  static boolean test(Expr e, Row row) {
    return Values.truthy(eval(e, row));
  }

  static Object eval(Expr e, Row row) {
    return switch (e) {
      case Expr.Field f -> row.get(f.name());
      case Expr.Literal l -> l.value();
      case Expr.PeriodLiteral p -> p.period();
      case Expr.Negate n -> {
        Double d = Values.toNumber(eval(n.operand(), row));
        yield d == null ? null : -d;
      }
      case Expr.Not n -> {
        Object v = eval(n.operand(), row);
        yield v == null ? null : !Values.truthy(v);
      }
      case Expr.Binary b -> binary(b, row);
      case Expr.Contains c -> {
        String s = Values.text(eval(c.target(), row));
        yield s == null ? null : s.contains(c.text()) != c.negated();
      }
      case Expr.Matches m -> {
        String s = Values.text(eval(m.target(), row));
        yield s == null ? null : find(m.regex(), s) != m.negated();
      }
      case Expr.In in -> {
        Object v = eval(in.target(), row);
        if (v == null) {
          yield null;
        }
        boolean found = false;
        for (Expr item : in.items()) {
          if (Values.equal(v, eval(item, row))) {
            found = true;
            break;
          }
        }
        yield found != in.negated();
      }
      case Expr.Call c -> call(c.function(), c.args(), row);
      case Expr.Agg a -> row.aggResults == null ? null : row.aggResults[a.index()];
    };
  }

  /** A regex search that treats a pathological backtracking overflow as no match. */
  static boolean find(Pattern p, String s) {
    try {
      return p.matcher(s).find();
    } catch (StackOverflowError tooDeep) {
      return false;
    }
  }

  private static Object binary(Expr.Binary b, Row row) {
    return switch (b.op()) {
      case AND -> kleene(b, row, false);
      case OR -> kleene(b, row, true);
      case EQ, NE, LT, LE, GT, GE -> compare(b.op(), eval(b.left(), row), eval(b.right(), row));
      case ADD, SUB, MUL, DIV, MOD, POW ->
          arithmetic(b.op(), eval(b.left(), row), eval(b.right(), row));
    };
  }

  private static Boolean compare(Expr.Op op, Object l, Object r) {
    if (l == null || r == null) {
      return null; // a comparison with a missing value is unknown
    }
    return switch (op) {
      case EQ -> Values.equal(l, r);
      case NE -> !Values.equal(l, r);
      case LT -> ordered(l, r, c -> c < 0);
      case LE -> ordered(l, r, c -> c <= 0);
      case GT -> ordered(l, r, c -> c > 0);
      case GE -> ordered(l, r, c -> c >= 0);
      case ADD, SUB, MUL, DIV, MOD, POW, AND, OR -> throw new AssertionError(op);
    };
  }

  /**
   * Three-valued {@code and}/{@code or} (SQL's Kleene logic): a missing operand is unknown, so
   * {@code not} of a comparison with a missing field stays unknown and the row is dropped.
   */
  private static Object kleene(Expr.Binary b, Row row, boolean or) {
    Object l = eval(b.left(), row);
    if (l != null && Values.truthy(l) == or) {
      return or;
    }
    Object r = eval(b.right(), row);
    if (r != null && Values.truthy(r) == or) {
      return or;
    }
    return l == null || r == null ? null : !or;
  }

  private interface IntTest {
    boolean test(int c);
  }

  private static Boolean ordered(Object l, Object r, IntTest t) {
    Integer c = Values.compare(l, r);
    return c == null ? null : t.test(c);
  }

  private static Object arithmetic(Expr.Op op, Object l, Object r) {
    Double x = Values.toNumber(l);
    Double y = Values.toNumber(r);
    if (x == null || y == null) {
      return null;
    }
    double v =
        switch (op) {
          case ADD -> x + y;
          case SUB -> x - y;
          case MUL -> x * y;
          case DIV -> y == 0 ? Double.NaN : x / y;
          case MOD -> y == 0 ? Double.NaN : x % y;
          case POW -> Math.pow(x, y);
          case EQ, NE, LT, LE, GT, GE, AND, OR -> throw new AssertionError(op);
        };
    return Double.isFinite(v) ? v : null;
  }

  private static Object call(ScalarFunction f, List<Expr> args, Row row) {
    return switch (f) {
      case ABS -> math(args, row, Math::abs);
      case CEIL -> math(args, row, Math::ceil);
      case FLOOR -> math(args, row, Math::floor);
      case LOG -> math(args, row, Math::log);
      case SQRT -> math(args, row, Math::sqrt);
      case GREATEST, LEAST -> {
        Double best = null;
        for (Expr a : args) {
          Double d = Values.toNumber(eval(a, row));
          if (d != null && (best == null || (f == ScalarFunction.GREATEST ? d > best : d < best))) {
            best = d;
          }
        }
        yield best;
      }
      case ISPRESENT -> eval(args.get(0), row) != null;
      case COALESCE -> {
        for (Expr a : args) {
          Object v = eval(a, row);
          if (v != null) {
            yield v;
          }
        }
        yield null;
      }
      case ISEMPTY -> {
        String s = Values.text(eval(args.get(0), row));
        yield s == null || s.isEmpty();
      }
      case ISBLANK -> {
        String s = Values.text(eval(args.get(0), row));
        yield s == null || s.isBlank();
      }
      case CONCAT -> {
        StringBuilder b = new StringBuilder();
        for (Expr a : args) {
          String s = Values.text(eval(a, row));
          if (s != null) {
            b.append(s);
          }
        }
        yield b.toString();
      }
      case TRIM, LTRIM, RTRIM -> trim(f, args, row);
      case STRLEN -> {
        String s = Values.text(eval(args.get(0), row));
        yield s == null ? null : (double) s.codePointCount(0, s.length());
      }
      case TOUPPER -> {
        String s = Values.text(eval(args.get(0), row));
        yield s == null ? null : s.toUpperCase(Locale.ROOT);
      }
      case TOLOWER -> {
        String s = Values.text(eval(args.get(0), row));
        yield s == null ? null : s.toLowerCase(Locale.ROOT);
      }
      case SUBSTR -> substr(args, row);
      case REPLACE -> {
        String s = Values.text(eval(args.get(0), row));
        String search = Values.text(eval(args.get(1), row));
        String repl = Values.text(eval(args.get(2), row));
        if (s == null || search == null || repl == null) {
          yield s;
        }
        yield search.isEmpty() ? s : s.replace(search, repl);
      }
      case STRCONTAINS -> {
        String s = Values.text(eval(args.get(0), row));
        String x = Values.text(eval(args.get(1), row));
        yield s == null || x == null ? null : s.contains(x);
      }
      case BIN -> {
        Long t = row.timestampMillis();
        yield t == null ? null : new DateTime(((Period) eval(args.get(0), row)).floor(t));
      }
      case DATEFLOOR, DATECEIL -> {
        Double t = Values.toNumber(eval(args.get(0), row));
        if (t == null) {
          yield null;
        }
        Period p = (Period) eval(args.get(1), row);
        long ms = t.longValue();
        yield new DateTime(f == ScalarFunction.DATEFLOOR ? p.floor(ms) : p.ceil(ms));
      }
      case FROMMILLIS -> {
        Double t = Values.toNumber(eval(args.get(0), row));
        yield t == null ? null : new DateTime(t.longValue());
      }
      case TOMILLIS -> {
        Double t = Values.toNumber(eval(args.get(0), row));
        yield t == null ? null : (double) t.longValue();
      }
      case ISVALIDIP -> ip(args, row, s -> IpAddresses.v4(s) != null || IpAddresses.v6(s) != null);
      case ISVALIDIPV4 -> ip(args, row, s -> IpAddresses.v4(s) != null);
      case ISVALIDIPV6 -> ip(args, row, s -> IpAddresses.v6(s) != null);
      case ISIPINSUBNET -> subnet(args, row, 0);
      case ISIPV4INSUBNET -> subnet(args, row, 4);
      case ISIPV6INSUBNET -> subnet(args, row, 6);
      case UNMASK -> eval(args.get(0), row);
    };
  }

  private interface DoubleOp {
    double apply(double d);
  }

  private static Object math(List<Expr> args, Row row, DoubleOp op) {
    Double d = Values.toNumber(eval(args.get(0), row));
    if (d == null) {
      return null;
    }
    double v = op.apply(d);
    return Double.isFinite(v) ? v : null;
  }

  private interface StringTest {
    boolean test(String s);
  }

  private static Object ip(List<Expr> args, Row row, StringTest t) {
    String s = Values.text(eval(args.get(0), row));
    return s != null && t.test(s);
  }

  private static Object subnet(List<Expr> args, Row row, int family) {
    String ip = Values.text(eval(args.get(0), row));
    String cidr = Values.text(eval(args.get(1), row));
    return ip != null && cidr != null && IpAddresses.inSubnet(ip, cidr, family);
  }

  private static Object trim(ScalarFunction f, List<Expr> args, Row row) {
    String s = Values.text(eval(args.get(0), row));
    if (s == null) {
      return null;
    }
    if (args.size() == 1) {
      return switch (f) {
        case LTRIM -> s.stripLeading();
        case RTRIM -> s.stripTrailing();
        default -> s.strip();
      };
    }
    String set = Values.text(eval(args.get(1), row));
    if (set == null) {
      return s;
    }
    int start = 0;
    int end = s.length();
    if (f != ScalarFunction.RTRIM) {
      while (start < end && set.indexOf(s.codePointAt(start)) >= 0) {
        start += Character.charCount(s.codePointAt(start));
      }
    }
    if (f != ScalarFunction.LTRIM) {
      while (end > start && set.indexOf(s.codePointBefore(end)) >= 0) {
        end -= Character.charCount(s.codePointBefore(end));
      }
    }
    return s.substring(start, end);
  }

  private static Object substr(List<Expr> args, Row row) {
    String s = Values.text(eval(args.get(0), row));
    Double start = Values.toNumber(eval(args.get(1), row));
    if (s == null || start == null) {
      return null;
    }
    int cps = s.codePointCount(0, s.length());
    long from = Math.max(0, Math.min(cps, start.longValue()));
    long to = cps;
    if (args.size() == 3) {
      Double len = Values.toNumber(eval(args.get(2), row));
      if (len == null) {
        return null;
      }
      to = from + Math.min(cps - from, Math.max(0L, len.longValue()));
    }
    int b = s.offsetByCodePoints(0, (int) from);
    int e = s.offsetByCodePoints(b, (int) (to - from));
    return s.substring(b, e);
  }
}
