package io.cwlogs.core;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The identity of one metric a metric filter writes to: CloudWatch's (namespace, metric name, dimensions)
 * within one tenant. Dimensions are kept sorted by name, so equal sets are equal keys.
 */
public record MetricSeriesKey(
    String account, String region, String namespace, String metricName, SortedMap<String, String> dimensions) {

  public MetricSeriesKey {
    dimensions = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(dimensions));
  }

  static MetricSeriesKey of(Tenant tenant, String namespace, String metricName, Map<String, String> dimensions) {
    return new MetricSeriesKey(tenant.account(), tenant.region(), namespace, metricName, new TreeMap<>(dimensions));
  }
}
