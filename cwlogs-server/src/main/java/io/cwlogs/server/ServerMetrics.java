package io.cwlogs.server;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Request counters by operation and outcome, and a latency histogram per operation, served at
 * {@code /metrics} in Prometheus text format. The histogram is measured inside the server (request read
 * to response handed to Jetty), so it separates server time from what a client adds on the same machine.
 */
public final class ServerMetrics {

  /** Upper bounds of the latency buckets, in seconds (Prometheus {@code le}); +Inf is implicit. */
  static final double[] BUCKETS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

  private record Key(String operation, String outcome) {}

  /** Per-operation time: the sum, and counts per bucket (not cumulative; summed when rendered). */
  private static final class Latency {
    final LongAdder nanos = new LongAdder();
    final LongAdder[] buckets = new LongAdder[BUCKETS.length + 1];

    Latency() {
      for (int i = 0; i < buckets.length; i++) {
        buckets[i] = new LongAdder();
      }
    }

    void add(long elapsedNanos) {
      nanos.add(elapsedNanos);
      double seconds = elapsedNanos / 1e9;
      int i = 0;
      while (i < BUCKETS.length && seconds > BUCKETS[i]) {
        i++;
      }
      buckets[i].increment();
    }
  }

  private final Map<Key, LongAdder> requests = new ConcurrentHashMap<>();
  private final Map<String, Latency> latencies = new ConcurrentHashMap<>();

  public void record(String operation, String outcome, long elapsedNanos) {
    requests.computeIfAbsent(new Key(operation, outcome), k -> new LongAdder()).increment();
    latencies.computeIfAbsent(operation, k -> new Latency()).add(elapsedNanos);
  }

  public String prometheusText() {
    StringBuilder out = new StringBuilder();
    out.append("# HELP cwlogs_requests_total API requests by operation and outcome (ok or the error code).\n");
    out.append("# TYPE cwlogs_requests_total counter\n");
    requests.forEach((k, v) -> out.append(String.format(
        "cwlogs_requests_total{operation=\"%s\",outcome=\"%s\"} %d%n", k.operation(), k.outcome(), v.sum())));
    out.append("# HELP cwlogs_request_seconds_total Time spent answering API requests, by operation.\n");
    out.append("# TYPE cwlogs_request_seconds_total counter\n");
    latencies.forEach((op, v) -> out.append(String.format(
        Locale.ROOT, "cwlogs_request_seconds_total{operation=\"%s\"} %.6f%n", op, v.nanos.sum() / 1e9)));
    out.append("# HELP cwlogs_request_duration_seconds Time to answer an API request inside the server.\n");
    out.append("# TYPE cwlogs_request_duration_seconds histogram\n");
    latencies.forEach((op, v) -> {
      long cumulative = 0;
      for (int i = 0; i < v.buckets.length; i++) {
        cumulative += v.buckets[i].sum();
        String le = i < BUCKETS.length ? String.format(Locale.ROOT, "%s", BUCKETS[i]) : "+Inf";
        out.append(String.format(
            Locale.ROOT, "cwlogs_request_duration_seconds_bucket{operation=\"%s\",le=\"%s\"} %d%n", op, le, cumulative));
      }
      out.append(String.format(
          Locale.ROOT, "cwlogs_request_duration_seconds_sum{operation=\"%s\"} %.6f%n", op, v.nanos.sum() / 1e9));
      out.append(String.format(
          Locale.ROOT, "cwlogs_request_duration_seconds_count{operation=\"%s\"} %d%n", op, cumulative));
    });
    return out.toString();
  }
}
