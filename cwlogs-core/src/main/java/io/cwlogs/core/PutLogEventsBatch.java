package io.cwlogs.core;

import java.util.Optional;
import software.amazon.awssdk.services.cloudwatchlogs.model.Entity;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsRequest;

/**
 * A PutLogEvents request in the compact form ingestion works on: the request's members, with the events
 * as {@link LogEventArrays} instead of SDK objects. Members are empty when absent (or JSON {@code null}).
 *
 * <p>The server decodes it straight from the wire; the SDK request converts into it with {@link #of}, so
 * both go through the same validation ({@link PutLogEventsValidator}) and the same batch rules
 * ({@link EventIngest}).
 */
public record PutLogEventsBatch(
    Optional<String> logGroupName,
    Optional<String> logStreamName,
    Optional<LogEventArrays> logEvents,
    Optional<String> sequenceToken,
    Optional<Entity> entity) {

  /** The batch an SDK request describes. */
  public static PutLogEventsBatch of(PutLogEventsRequest request) {
    return new PutLogEventsBatch(
        Optional.ofNullable(request.logGroupName()),
        Optional.ofNullable(request.logStreamName()),
        request.hasLogEvents() ? Optional.of(LogEventArrays.of(request.logEvents())) : Optional.empty(),
        Optional.ofNullable(request.sequenceToken()),
        Optional.ofNullable(request.entity()));
  }
}
