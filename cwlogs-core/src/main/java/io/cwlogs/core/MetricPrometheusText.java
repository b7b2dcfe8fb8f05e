package io.cwlogs.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Metric filter metrics in Prometheus text format (exposition format 0.0.4), for {@code /metrics}.
 *
 * <p>Each metric is one summary without quantiles: {@code cwlogs_metric_filter_value_sum} and
 * {@code _count} are cumulative since the service started, so {@code rate()} and
 * {@code increase()} work as on any Prometheus counter (per-minute values are on the JSON endpoint).
 * Labels are {@code account}, {@code region}, {@code namespace}, {@code metric}, {@code unit}, and one
 * {@code dim_<name>} per dimension, the name reduced to {@code [a-zA-Z0-9_]} (a clash after that gets a
 * numeric suffix).
 */
final class MetricPrometheusText {

  static final String NAME = "cwlogs_metric_filter_value";

  private MetricPrometheusText() {}

  static String render(MetricStore store) {
    List<MetricSeries> all = store.find(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    StringBuilder out = new StringBuilder();
    out.append("# HELP ").append(NAME)
        .append(" Values metric filters produced from log events (defaultValue included), cumulative since start.\n")
        .append("# TYPE ").append(NAME).append(" summary\n");
    for (MetricSeries s : all) {
      String labels = labels(s);
      out.append(NAME).append("_sum").append(labels).append(' ').append(number(s.totalSum())).append('\n');
      out.append(NAME).append("_count").append(labels).append(' ').append(s.totalCount()).append('\n');
    }
    out.append("# HELP cwlogs_metric_filter_series Metric filter series held in memory.\n")
        .append("# TYPE cwlogs_metric_filter_series gauge\n")
        .append("cwlogs_metric_filter_series ").append(store.seriesCount()).append('\n');
    out.append("# HELP cwlogs_metric_filter_dropped_samples_total Samples discarded because the series cap was reached.\n")
        .append("# TYPE cwlogs_metric_filter_dropped_samples_total counter\n")
        .append("cwlogs_metric_filter_dropped_samples_total ").append(store.droppedSamples()).append('\n');
    return out.toString();
  }

  private static String labels(MetricSeries s) {
    Map<String, String> labels = new LinkedHashMap<>();
    MetricSeriesKey k = s.key();
    labels.put("account", k.account());
    labels.put("region", k.region());
    labels.put("namespace", k.namespace());
    labels.put("metric", k.metricName());
    labels.put("unit", s.unit());
    for (Map.Entry<String, String> d : k.dimensions().entrySet()) {
      String name = "dim_" + d.getKey().replaceAll("[^a-zA-Z0-9_]", "_");
      String unique = name;
      for (int n = 2; labels.containsKey(unique); n++) {
        unique = name + "_" + n;
      }
      labels.put(unique, d.getValue());
    }
    StringBuilder out = new StringBuilder("{");
    labels.forEach((name, value) -> {
      if (out.length() > 1) {
        out.append(',');
      }
      out.append(name).append("=\"").append(escape(value)).append('"');
    });
    return out.append('}').toString();
  }

  /** Label value escaping: backslash, double quote and line feed. */
  static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }

  /** Whole numbers without a fraction (as most exporters print them), others as Java prints doubles. */
  static String number(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return Double.toString(v);
  }
}
