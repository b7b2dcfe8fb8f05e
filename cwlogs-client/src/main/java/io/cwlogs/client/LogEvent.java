package io.cwlogs.client;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * One CloudWatch Logs event: a message and the time it happened, in milliseconds since the epoch.
 *
 * <p>Mirrors the service's {@code InputLogEvent}. Size checks use {@link #messageBytes()} (UTF-8)
 * and {@link #batchBytes()} (plus the 26 bytes the service counts per event); see {@link Limits}.
 *
 * @param message the raw message, never null (may be empty here; the service rejects empty
 *     messages, which the client replaces by a single space, see {@link EventSizePolicy})
 * @param timestamp milliseconds after 1970-01-01T00:00:00Z
 */
public record LogEvent(String message, long timestamp) {
  public LogEvent {
    Objects.requireNonNull(message, "message");
  }

  /** An event stamped with {@code instant}, truncated to milliseconds. */
  public static LogEvent of(String message, Instant instant) {
    return new LogEvent(message, instant.toEpochMilli());
  }

  /** An event stamped with {@code dateTime}; its zone only serves to find the instant. */
  public static LogEvent of(String message, ZonedDateTime dateTime) {
    return of(message, dateTime.toInstant());
  }

  /** An event stamped now by the system UTC clock. */
  public static LogEvent now(String message) {
    return now(message, Clock.systemUTC());
  }

  /** An event stamped now by {@code clock}. */
  public static LogEvent now(String message, Clock clock) {
    return new LogEvent(message, clock.millis());
  }

  /** The message's size in UTF-8 bytes. */
  public int messageBytes() {
    return Utf8.size(message);
  }

  /** The event's size as counted against a batch: message bytes plus 26. */
  public int batchBytes() {
    return messageBytes() + Limits.EVENT_OVERHEAD_BYTES;
  }

  /** The timestamp as an {@link Instant}. */
  public Instant instant() {
    return Instant.ofEpochMilli(timestamp);
  }
}
