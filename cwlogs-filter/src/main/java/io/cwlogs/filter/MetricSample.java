package io.cwlogs.filter;

import java.util.Map;

/** What one matching event contributes to a metric: its value and its resolved dimensions. */
public record MetricSample(double value, Map<String, String> dimensions) {
  public MetricSample {
    dimensions = Map.copyOf(dimensions);
  }
}
