package io.cwlogs.insights;

import java.util.Objects;

/**
 * One log event as the service's scan hands it to a {@link QueryExecution}.
 *
 * @param timestamp the event's timestamp, epoch milliseconds ({@code @timestamp})
 * @param ingestionTime when the service received it, epoch milliseconds ({@code @ingestionTime})
 * @param logGroup the log group's name
 * @param accountId the owning account ({@code @log} is {@code accountId:logGroup})
 * @param logStream the stream's name ({@code @logStream})
 * @param message the raw message, UTF-8 ({@code @message}); not copied, do not mutate it
 * @param ptr the opaque pointer GetLogRecord accepts ({@code @ptr}); empty if none
 */
public record QueryEvent(
    long timestamp,
    long ingestionTime,
    String logGroup,
    String accountId,
    String logStream,
    byte[] message,
    String ptr) {

  /** Checks that no component is null. */
  public QueryEvent {
    Objects.requireNonNull(logGroup, "logGroup");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(logStream, "logStream");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(ptr, "ptr");
  }
}
