package io.cwlogs.core;

import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.services.cloudwatchlogs.model.Entity;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
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

  /**
   * The members of the SDK's {@code PutLogEventsRequest}, in its declared order: the order in which the
   * generic codec and validation report failures, which the fast path's decoder and validator mirror by
   * handling the members in this order. {@link #requireSdkShape} checks the SDK still agrees.
   */
  public static final List<String> MEMBERS =
      List.of("logGroupName", "logStreamName", "logEvents", "sequenceToken", "entity");

  /** The members of the SDK's {@code InputLogEvent}, in its declared order. */
  public static final List<String> EVENT_MEMBERS = List.of("timestamp", "message");

  /**
   * Fails if the SDK's request or event classes no longer have exactly {@link #MEMBERS} and
   * {@link #EVENT_MEMBERS} in that order, so the fast path cannot silently disagree with the generic one.
   */
  public static void requireSdkShape() {
    List<String> request = names(PutLogEventsRequest.builder().build().sdkFields());
    List<String> event = names(InputLogEvent.builder().build().sdkFields());
    if (!request.equals(MEMBERS) || !event.equals(EVENT_MEMBERS)) {
      throw new IllegalStateException(
          "the SDK's PutLogEventsRequest " + request + " or InputLogEvent " + event
              + " changed; update the PutLogEvents fast path");
    }
  }

  private static List<String> names(List<SdkField<?>> fields) {
    return fields.stream().map(SdkField::locationName).toList();
  }

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
