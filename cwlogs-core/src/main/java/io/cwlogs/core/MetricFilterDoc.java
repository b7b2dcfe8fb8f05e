package io.cwlogs.core;

import java.util.List;
import java.util.Map;

/**
 * A metric filter as stored (scope {@link MetricFilterScopes#scope}, id = filter name).
 *
 * @param transformations AWS allows exactly one; kept as a list as the API shapes it
 */
public record MetricFilterDoc(
    String filterName,
    String logGroupName,
    String filterPattern,
    long creationTime,
    boolean applyOnTransformedLogs,
    List<Transformation> transformations) {

  /** One metric transformation; {@code defaultValue} is absent when {@code hasDefault} is false. */
  public record Transformation(
      String metricName,
      String metricNamespace,
      String metricValue,
      boolean hasDefault,
      double defaultValue,
      Map<String, String> dimensions,
      String unit) {}
}
