package io.cwlogs.filter;

/**
 * The exception thrown when a metric filter's {@code metricValue} or {@code dimensions} do not fit
 * its pattern; its message is the text returned with {@code InvalidParameterException}.
 */
public final class InvalidMetricTransformationException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** AWS's message for dimensions on a pattern that is neither JSON nor space-delimited. */
  public static final String NO_DIMENSIONS =
      "The specified filter pattern does not support dimensions";

  InvalidMetricTransformationException(String message) {
    super(message);
  }
}
