package io.cwlogs.insights;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

/**
 * A time period such as {@code 5m} or {@code 1qtr}, the argument of {@code bin}, {@code datefloor}
 * and {@code dateceil}.
 *
 * <p>Fixed units (milliseconds to weeks) floor to multiples of the period counted from the epoch,
 * except weeks, which start on Monday (ISO). Calendar units (months, quarters, years) floor to
 * multiples counted from January 1970 in UTC. See docs/design-decisions-insights.md.
 *
 * @param amount how many units, at least 1
 * @param unit the unit
 * @param text the period as written, for example {@code 5m}
 */
record Period(long amount, Unit unit, String text) {

  /** The period units the STATS page lists, with their spellings. */
  enum Unit {
    MILLISECOND(1L, "ms", "msec", "millisecond"),
    SECOND(1_000L, "s", "sec", "second"),
    MINUTE(60_000L, "m", "min", "minute"),
    HOUR(3_600_000L, "h", "hr", "hour"),
    DAY(86_400_000L, "d", "day"),
    WEEK(7 * 86_400_000L, "w", "week"),
    MONTH(0L, "mo", "mon", "month"),
    QUARTER(0L, "q", "qtr", "quarter"),
    YEAR(0L, "y", "yr", "year");

    final long millis;
    final String[] names;

    Unit(long millis, String... names) {
      this.millis = millis;
      this.names = names;
    }

    int months() {
      return switch (this) {
        case MONTH -> 1;
        case QUARTER -> 3;
        case YEAR -> 12;
        case MILLISECOND, SECOND, MINUTE, HOUR, DAY, WEEK -> 0;
      };
    }

    /** Finds a unit by spelling; a spelling longer than one character may take a plural "s". */
    static Optional<Unit> of(String spelling) {
      String s = spelling.toLowerCase(Locale.ROOT);
      for (int pass = 0; pass < 2; pass++) {
        for (Unit u : values()) {
          for (String n : u.names) {
            if (n.equals(s)) {
              return Optional.of(u);
            }
          }
        }
        if (s.length() > 2 && s.endsWith("s")) {
          s = s.substring(0, s.length() - 1);
        } else {
          break;
        }
      }
      return Optional.empty();
    }
  }

  private static final long MONDAY_OFFSET = 4 * 86_400_000L; // 1970-01-05 was a Monday

  /** The start of the period that holds {@code t}. */
  long floor(long t) {
    int months = unit.months();
    if (months == 0) {
      long size = amount * unit.millis;
      long offset = unit == Unit.WEEK ? MONDAY_OFFSET : 0L;
      return Math.floorDiv(t - offset, size) * size + offset;
    }
    long day = Math.floorDiv(t, 86_400_000L);
    LocalDate d = LocalDate.ofEpochDay(day);
    long index = (d.getYear() - 1970L) * 12 + d.getMonthValue() - 1;
    long step = amount * months;
    long start = Math.floorDiv(index, step) * step;
    return monthStart(start);
  }

  /** The end of the period that holds {@code t}, or {@code t} if it starts a period. */
  long ceil(long t) {
    long f = floor(t);
    if (f == t) {
      return t;
    }
    int months = unit.months();
    if (months == 0) {
      return f + amount * unit.millis;
    }
    LocalDate d = LocalDate.ofEpochDay(Math.floorDiv(f, 86_400_000L));
    long index = (d.getYear() - 1970L) * 12 + d.getMonthValue() - 1;
    return monthStart(index + amount * months);
  }

  private static long monthStart(long monthIndex) {
    long year = 1970 + Math.floorDiv(monthIndex, 12);
    int month = Math.floorMod(monthIndex, 12) + 1;
    if (year < -999_999_999L || year > 999_999_999L) {
      return monthIndex < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
    return LocalDate.of((int) year, month, 1).atStartOfDay().toEpochSecond(ZoneOffset.UTC) * 1000L;
  }
}
