package io.cwlogs.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The largest event the client sends and what happens to larger ones.
 *
 * <p>The default allows 1 MB events ({@code 1,048,576 - 26} message bytes) and truncates; {@link
 * #legacy256k(OversizePolicy)} selects the 256 KB limit of older servers.
 *
 * @param maxEventBytes the largest event, message bytes plus the 26-byte overhead
 * @param oversize what to do with a larger event
 */
public record EventSizePolicy(int maxEventBytes, OversizePolicy oversize) {
  /** Appended to a truncated message; counted within the limit. */
  public static final String TRUNCATION_MARKER = "...[truncated]";

  public EventSizePolicy {
    if (maxEventBytes <= Limits.EVENT_OVERHEAD_BYTES + Utf8.size(TRUNCATION_MARKER)
        || maxEventBytes > Limits.MAX_BATCH_BYTES) {
      throw new IllegalArgumentException("maxEventBytes out of range: " + maxEventBytes);
    }
    if (oversize == null) {
      throw new IllegalArgumentException("oversize policy is required");
    }
  }

  /** 1 MB events, truncating larger ones. */
  public static EventSizePolicy defaults() {
    return new EventSizePolicy(Limits.MAX_EVENT_BYTES, OversizePolicy.TRUNCATE);
  }

  /** 256 KB events for older servers. */
  public static EventSizePolicy legacy256k(OversizePolicy oversize) {
    return new EventSizePolicy(Limits.LEGACY_MAX_EVENT_BYTES, oversize);
  }

  /** The largest message, in UTF-8 bytes. */
  public int maxMessageBytes() {
    return maxEventBytes - Limits.EVENT_OVERHEAD_BYTES;
  }

  /**
   * Returns the event as it will be sent: unchanged, truncated, or empty when rejected. An empty
   * message becomes a single space because the service requires at least one character.
   */
  public Optional<LogEvent> apply(LogEvent event) {
    String message = event.message();
    if (message.isEmpty()) {
      return Optional.of(new LogEvent(" ", event.timestamp()));
    }
    int max = maxMessageBytes();
    // Cheap bound first: a char is at most 3 bytes (a pair is 4 bytes for 2 chars).
    if ((long) message.length() * 3 <= max || Utf8.size(message) <= max) {
      return Optional.of(event);
    }
    return switch (oversize) {
      case REJECT -> Optional.empty();
      case TRUNCATE -> {
        int keep = Utf8.prefixFitting(message, max - Utf8.size(TRUNCATION_MARKER));
        yield Optional.of(
            new LogEvent(message.substring(0, keep) + TRUNCATION_MARKER, event.timestamp()));
      }
    };
  }

  /**
   * Applies {@link #apply(LogEvent)} to each event, in order.
   *
   * @return the events as they will be sent, without the rejected ones; the difference in size is
   *     how many were rejected
   */
  public List<LogEvent> applyAll(List<LogEvent> events) {
    List<LogEvent> sendable = new ArrayList<>(events.size());
    for (LogEvent e : events) {
      apply(e).ifPresent(sendable::add);
    }
    return sendable;
  }
}
