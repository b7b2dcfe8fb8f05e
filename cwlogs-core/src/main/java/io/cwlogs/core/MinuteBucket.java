package io.cwlogs.core;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * One minute of one metric while it can still change: the samples so far, plus the default values of
 * filters that saw events in this minute but no match yet. A default is provisional until the minute is
 * read; a later match of the same filter in the same minute withdraws it, so a minute never holds both a
 * filter's matches and its default, in whatever order the events arrive. Guarded by its series' lock.
 */
final class MinuteBucket {

  private double sum;
  private long count;
  private double min = Double.POSITIVE_INFINITY;
  private double max = Double.NEGATIVE_INFINITY;
  /** filter id -> defaultValue, for filters with a default that matched nothing in this minute so far. */
  private final Map<String, Double> pendingDefaults = new HashMap<>(2);
  /** Filters with a default that matched at least once in this minute. */
  private final Set<String> matchedFilters = new HashSet<>(2);

  void add(double value) {
    sum += value;
    count++;
    min = Math.min(min, value);
    max = Math.max(max, value);
  }

  /** A filter with a default matched an event of this minute (whether or not it yielded a value). */
  void matched(String filterId) {
    matchedFilters.add(filterId);
    pendingDefaults.remove(filterId);
  }

  /** A filter with a default saw an event of this minute that it did not match. */
  void unmatched(String filterId, double defaultValue) {
    if (!matchedFilters.contains(filterId)) {
      pendingDefaults.put(filterId, defaultValue);
    }
  }

  /** The minute as it stands, defaults included; sampleCount 0 when nothing is reported for it. */
  MetricPoint point(long minute) {
    double s = sum;
    long c = count;
    double lo = min;
    double hi = max;
    for (double d : pendingDefaults.values()) {
      s += d;
      c++;
      lo = Math.min(lo, d);
      hi = Math.max(hi, d);
    }
    return new MetricPoint(minute, s, c, c == 0 ? 0 : lo, c == 0 ? 0 : hi);
  }
}
