package io.cwlogs.core;

/**
 * One minute of one metric: what CloudWatch would report as the Sum, SampleCount, Minimum and Maximum
 * statistics of the period starting at {@code timestamp} (epoch milliseconds, a whole minute).
 */
public record MetricPoint(long timestamp, double sum, long sampleCount, double min, double max) {}
