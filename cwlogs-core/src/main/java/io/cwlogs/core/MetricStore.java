package io.cwlogs.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * The metrics metric filters produce, in memory: per series, one {@link MinuteBucket} per minute of
 * event time, and cumulative totals.
 *
 * <p>Memory is bounded twice: minutes older than {@link #RETENTION_MILLIS} (by the service clock) are
 * folded into the series' cumulative totals and dropped, and at most {@code maxSeries} series exist;
 * samples for a new series beyond that are counted in {@link #droppedSamples} and discarded. A sample
 * whose minute is already older than the retention window still counts in the cumulative totals, but
 * defaults are not applied to such minutes (they can no longer be told apart from matched ones).
 *
 * <p>Nothing is persisted: a restart starts with no metrics (docs/metrics.md).
 */
public final class MetricStore {

  /** How long minutes are kept for the JSON endpoint. */
  public static final long RETENTION_MILLIS = 24 * 60 * 60 * 1000L;

  /** The default cap on the number of series across all tenants. */
  public static final int DEFAULT_MAX_SERIES = 10_000;

  static final long MINUTE = 60_000L;

  private final Map<MetricSeriesKey, Series> series = new ConcurrentHashMap<>();
  private final LongAdder droppedSamples = new LongAdder();
  private final LongSupplier clock;
  private final int maxSeries;

  public MetricStore(LongSupplier clock, int maxSeries) {
    this.clock = clock;
    this.maxSeries = maxSeries;
  }

  /** One sample of a matching event, at the event's timestamp. */
  void sample(MetricSeriesKey key, String unit, long timestamp, double value) {
    series(key, unit).ifPresent(s -> s.sample(minute(timestamp), cutoff(), value));
  }

  /**
   * What a filter with a default value saw in one event: a match (with or without a usable value)
   * withdraws the minute's default; a non-match sets it unless the filter matched in that minute.
   */
  void defaultOutcome(MetricSeriesKey key, String unit, long timestamp, String filterId, boolean matched, double defaultValue) {
    series(key, unit).ifPresent(s -> s.outcome(minute(timestamp), cutoff(), filterId, matched, defaultValue));
  }

  /** Series matching the given (optional) coordinates, ordered by key, with their retained minutes. */
  public List<MetricSeries> find(
      Optional<String> account, Optional<String> region, Optional<String> namespace, Optional<String> metricName) {
    long cutoff = cutoff();
    List<MetricSeries> out = new ArrayList<>();
    for (Map.Entry<MetricSeriesKey, Series> e : series.entrySet()) {
      MetricSeriesKey k = e.getKey();
      if (account.map(k.account()::equals).orElse(true)
          && region.map(k.region()::equals).orElse(true)
          && namespace.map(k.namespace()::equals).orElse(true)
          && metricName.map(k.metricName()::equals).orElse(true)) {
        out.add(e.getValue().snapshot(k, cutoff));
      }
    }
    out.sort(Comparator.comparing((MetricSeries s) -> s.key().toString()));
    return out;
  }

  /** Samples discarded because the series cap was reached. */
  public long droppedSamples() {
    return droppedSamples.sum();
  }

  public int seriesCount() {
    return series.size();
  }

  /** Forgets every metric (the test-suite reset endpoint). */
  public void clear() {
    series.clear();
  }

  private Optional<Series> series(MetricSeriesKey key, String unit) {
    Series s = series.get(key);
    if (s == null) {
      if (series.size() >= maxSeries) {
        droppedSamples.increment();
        return Optional.empty();
      }
      s = series.computeIfAbsent(key, k -> new Series());
    }
    s.unit = unit;
    return Optional.of(s);
  }

  private long cutoff() {
    return minute(clock.getAsLong() - RETENTION_MILLIS);
  }

  static long minute(long millis) {
    return Math.floorDiv(millis, MINUTE) * MINUTE;
  }

  /** One series: retained minutes plus the totals of minutes already dropped. */
  private static final class Series {
    volatile String unit = "None";
    private final TreeMap<Long, MinuteBucket> minutes = new TreeMap<>();
    private double retiredSum;
    private long retiredCount;

    synchronized void sample(long minute, long cutoff, double value) {
      prune(cutoff);
      if (minute < cutoff) {
        retiredSum += value;
        retiredCount++;
      } else {
        minutes.computeIfAbsent(minute, m -> new MinuteBucket()).add(value);
      }
    }

    synchronized void outcome(long minute, long cutoff, String filterId, boolean matched, double defaultValue) {
      prune(cutoff);
      if (minute < cutoff) {
        return;
      }
      MinuteBucket bucket = minutes.computeIfAbsent(minute, m -> new MinuteBucket());
      if (matched) {
        bucket.matched(filterId);
      } else {
        bucket.unmatched(filterId, defaultValue);
      }
    }

    synchronized MetricSeries snapshot(MetricSeriesKey key, long cutoff) {
      prune(cutoff);
      List<MetricPoint> points = new ArrayList<>(minutes.size());
      double sum = retiredSum;
      long count = retiredCount;
      for (Map.Entry<Long, MinuteBucket> e : minutes.entrySet()) {
        MetricPoint p = e.getValue().point(e.getKey());
        if (p.sampleCount() > 0) {
          points.add(p);
          sum += p.sum();
          count += p.sampleCount();
        }
      }
      return new MetricSeries(key, unit, points, sum, count);
    }

    private void prune(long cutoff) {
      Iterator<Map.Entry<Long, MinuteBucket>> it = minutes.headMap(cutoff).entrySet().iterator();
      while (it.hasNext()) {
        Map.Entry<Long, MinuteBucket> e = it.next();
        MetricPoint p = e.getValue().point(e.getKey());
        retiredSum += p.sum();
        retiredCount += p.sampleCount();
        it.remove();
      }
    }
  }
}
