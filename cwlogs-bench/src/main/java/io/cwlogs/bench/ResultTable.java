package io.cwlogs.bench;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Prints results: one line per endpoint as each workload finishes, and at the end a table with, per
 * workload, one line per endpoint and a ratio line for each endpoint after the first.
 *
 * <p>A ratio says how many times faster the first endpoint is: for events/s and MB/s the first's figure
 * divided by this one's, for latencies this one's divided by the first's. So above 1 the first endpoint
 * wins, below 1 it loses, in every column.
 */
final class ResultTable {

  private static final String ROW = "  %-26s %12s %9s %7s %9s %9s %9s %9s  %s%n";

  private ResultTable() {}

  static void header() {
    System.out.printf(Locale.ROOT, ROW, "endpoint", "events/s", "MB/s", "reqs", "p50 ms", "p90 ms", "p99 ms",
        "max ms", "");
  }

  /** The line for one endpoint's result of one workload. */
  static void line(String endpoint, Result r) {
    Latencies.Summary l = r.latency();
    System.out.printf(Locale.ROOT, ROW, endpoint, num(r.eventsPerSecond(), "%,.0f"), num(r.megabytesPerSecond(), "%.2f"),
        l.count(), num(l.p50Ms(), "%.2f"), num(l.p90Ms(), "%.2f"), num(l.p99Ms(), "%.2f"), num(l.maxMs(), "%.2f"),
        r.detail());
  }

  static void print(Map<String, List<Result>> byEndpoint) {
    Set<String> workloads = new LinkedHashSet<>();
    byEndpoint.values().forEach(rs -> rs.forEach(r -> workloads.add(r.workload())));
    List<String> endpoints = List.copyOf(byEndpoint.keySet());
    System.out.println();
    header();
    for (String w : workloads) {
      System.out.println(w);
      for (String e : endpoints) {
        find(byEndpoint.get(e), w).ifPresent(r -> line(e, r));
      }
      Optional<Result> first = find(byEndpoint.get(endpoints.get(0)), w);
      for (int i = 1; i < endpoints.size() && first.isPresent(); i++) {
        Result a = first.get();
        String label = "ratio 1st / " + ordinal(i + 1);
        find(byEndpoint.get(endpoints.get(i)), w).ifPresent(b -> {
          Latencies.Summary la = a.latency();
          Latencies.Summary lb = b.latency();
          System.out.printf(Locale.ROOT, ROW, label,
              times(a.eventsPerSecond() / b.eventsPerSecond()), times(a.megabytesPerSecond() / b.megabytesPerSecond()),
              "", times(lb.p50Ms() / la.p50Ms()), times(lb.p90Ms() / la.p90Ms()), times(lb.p99Ms() / la.p99Ms()),
              times(lb.maxMs() / la.maxMs()), "(how many times faster " + endpoints.get(0) + " is)");
        });
      }
    }
  }

  private static Optional<Result> find(List<Result> results, String workload) {
    return results.stream().filter(r -> r.workload().equals(workload)).findFirst();
  }

  private static String ordinal(int n) {
    return n + switch (n) {
      case 2 -> "nd";
      case 3 -> "rd";
      default -> "th";
    };
  }

  private static String num(double v, String format) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, format, v);
  }

  private static String times(double ratio) {
    return Double.isNaN(ratio) || Double.isInfinite(ratio) ? "-" : String.format(Locale.ROOT, "%.2fx", ratio);
  }
}
