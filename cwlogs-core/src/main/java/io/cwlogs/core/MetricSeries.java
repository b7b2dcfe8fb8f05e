package io.cwlogs.core;

import java.util.List;

/**
 * A metric produced by metric filters, as read back: its key, its unit, its retained minutes in time order
 * and its cumulative totals since the service started (including minutes no longer retained).
 */
public record MetricSeries(
    MetricSeriesKey key, String unit, List<MetricPoint> points, double totalSum, long totalCount) {

  public MetricSeries {
    points = List.copyOf(points);
  }
}
