package io.cwlogs.core;

import io.cwlogs.filter.FilterPattern;
import io.cwlogs.filter.InvalidFilterPatternException;

/**
 * Compiles a {@code filterPattern} (FilterLogEvents, metric and subscription filters) with the
 * cwlogs-filter language, turning its errors into AWS's {@code InvalidParameterException}.
 */
public final class EventFilters {

  private EventFilters() {}

  /** The compiled pattern, or AWS's error for an invalid one. */
  public static FilterPattern pattern(String pattern) {
    try {
      return FilterPattern.compile(pattern);
    } catch (InvalidFilterPatternException e) {
      throw new InvalidParameterException(e.getMessage());
    }
  }

  public static EventFilter compile(String pattern) {
    FilterPattern compiled = pattern(pattern);
    return message -> compiled.matches(message, 0, message.length);
  }
}
