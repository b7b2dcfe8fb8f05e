package io.cwlogs.core.spi;

/**
 * One log event as storage keeps it.
 *
 * <p>Within a stream, events are ordered by {@code timestamp} then {@code sequence}; the pair is unique
 * within the stream and is the event's position for pagination. {@code sequence} grows in ingest order
 * (the service assigns it), so events with equal timestamps come back in the order they were put.
 *
 * @param timestamp the event's own time, epoch milliseconds, as the client sent it
 * @param sequence unique within the stream, increasing in ingest order
 * @param ingestionTime when the service accepted the event, epoch milliseconds
 * @param message the message as UTF-8 bytes (never modified)
 */
public record StoredEvent(long timestamp, long sequence, long ingestionTime, byte[] message) {

  /** This event's position, for resuming a scan after it. */
  public EventPosition position() {
    return new EventPosition(timestamp, sequence);
  }
}
