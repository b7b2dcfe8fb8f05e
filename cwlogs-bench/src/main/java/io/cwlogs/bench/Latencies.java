package io.cwlogs.bench;

import java.util.Arrays;

/** A growable record of request latencies in nanoseconds, one per request, for one thread. */
final class Latencies {

  /** Percentiles of a set of latencies, in milliseconds; all NaN when there were none. */
  record Summary(int count, double p50Ms, double p90Ms, double p99Ms, double maxMs) {}

  private long[] nanos = new long[1024];
  private int count;

  void add(long latencyNanos) {
    if (count == nanos.length) {
      nanos = Arrays.copyOf(nanos, count * 2);
    }
    nanos[count++] = latencyNanos;
  }

  /** The percentiles over this and {@code others} together (nearest-rank). */
  Summary summary(Latencies... others) {
    int total = count;
    for (Latencies o : others) {
      total += o.count;
    }
    long[] all = Arrays.copyOf(nanos, total);
    int at = count;
    for (Latencies o : others) {
      System.arraycopy(o.nanos, 0, all, at, o.count);
      at += o.count;
    }
    Arrays.sort(all);
    return new Summary(total, pct(all, 50), pct(all, 90), pct(all, 99), total == 0 ? Double.NaN : all[total - 1] / 1e6);
  }

  private static double pct(long[] sorted, int p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, i)] / 1e6;
  }
}
