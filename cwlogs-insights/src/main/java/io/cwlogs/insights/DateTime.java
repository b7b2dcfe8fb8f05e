package io.cwlogs.insights;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * A point in time as a query value ({@code @timestamp}, {@code bin(5m)}, {@code fromMillis(n)}),
 * rendered the way GetQueryResults shows it: {@code YYYY-MM-DD HH:MM:SS.mmm} in UTC.
 *
 * @param millis epoch milliseconds
 */
record DateTime(long millis) {

  /** The AWS rendering, for example {@code 2024-05-01 12:00:00.000}. */
  String render() {
    LocalDateTime t = LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
    StringBuilder b = new StringBuilder(23);
    int year = t.getYear();
    if (year < 0 || year > 9999) {
      b.append(year);
    } else {
      pad(b, year, 4);
    }
    b.append('-');
    pad(b, t.getMonthValue(), 2);
    b.append('-');
    pad(b, t.getDayOfMonth(), 2);
    b.append(' ');
    pad(b, t.getHour(), 2);
    b.append(':');
    pad(b, t.getMinute(), 2);
    b.append(':');
    pad(b, t.getSecond(), 2);
    b.append('.');
    pad(b, (int) Math.floorMod(millis, 1000L), 3);
    return b.toString();
  }

  private static void pad(StringBuilder b, int v, int width) {
    String s = Integer.toString(v);
    for (int i = s.length(); i < width; i++) {
      b.append('0');
    }
    b.append(s);
  }
}
