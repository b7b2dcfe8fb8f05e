package io.cwlogs.server;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Request counters by operation and outcome, served at {@code /metrics} in Prometheus text format. */
public final class ServerMetrics {

  private record Key(String operation, String outcome) {}

  private final Map<Key, LongAdder> requests = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> nanos = new ConcurrentHashMap<>();

  public void record(String operation, String outcome, long elapsedNanos) {
    requests.computeIfAbsent(new Key(operation, outcome), k -> new LongAdder()).increment();
    nanos.computeIfAbsent(operation, k -> new LongAdder()).add(elapsedNanos);
  }

  public String prometheusText() {
    StringBuilder out = new StringBuilder();
    out.append("# HELP cwlogs_requests_total API requests by operation and outcome (ok or the error code).\n");
    out.append("# TYPE cwlogs_requests_total counter\n");
    requests.forEach((k, v) -> out.append(String.format(
        "cwlogs_requests_total{operation=\"%s\",outcome=\"%s\"} %d%n", k.operation(), k.outcome(), v.sum())));
    out.append("# HELP cwlogs_request_seconds_total Time spent answering API requests, by operation.\n");
    out.append("# TYPE cwlogs_request_seconds_total counter\n");
    nanos.forEach((op, v) -> out.append(String.format(
        java.util.Locale.ROOT, "cwlogs_request_seconds_total{operation=\"%s\"} %.6f%n", op, v.sum() / 1e9)));
    return out.toString();
  }
}
