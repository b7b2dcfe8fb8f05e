package io.cwlogs.core;

import io.cwlogs.core.spi.StreamKey;

/**
 * A log stream as the service keeps it (scope {@code <tenant>/stream/<groupId>}, id = name).
 *
 * <p>The event statistics are rewritten by every PutLogEvents in the same atomic write as the events, so
 * they never disagree with what is stored.
 *
 * @param firstEventTimestamp 0 while the stream has no events (as {@code eventCount} says)
 * @param storedBytes UTF-8 bytes of the stream's messages; counted towards the group's storedBytes
 * @param lastSequence the highest event sequence given out in this stream
 */
public record LogStreamMeta(
    long groupId,
    long id,
    String name,
    long creationTime,
    long eventCount,
    long firstEventTimestamp,
    long lastEventTimestamp,
    long lastIngestionTime,
    long storedBytes,
    long lastSequence) {

  public StreamKey key() {
    return new StreamKey(groupId, id);
  }

  public boolean hasEvents() {
    return eventCount > 0;
  }

  /** This stream after a batch of events was added. */
  public LogStreamMeta withAppended(
      int events, long minTimestamp, long maxTimestamp, long ingestionTime, long bytes, long sequence) {
    boolean first = !hasEvents();
    return new LogStreamMeta(
        groupId,
        id,
        name,
        creationTime,
        eventCount + events,
        first ? minTimestamp : Math.min(firstEventTimestamp, minTimestamp),
        first ? maxTimestamp : Math.max(lastEventTimestamp, maxTimestamp),
        ingestionTime,
        storedBytes + bytes,
        sequence);
  }

  /** This stream with its oldest remaining event at {@code timestamp} (after retention). */
  public LogStreamMeta withFirstEventTimestamp(long timestamp) {
    return new LogStreamMeta(
        groupId, id, name, creationTime, eventCount, timestamp, lastEventTimestamp, lastIngestionTime,
        storedBytes, lastSequence);
  }

  /** This stream after events were removed (retention). */
  public LogStreamMeta withRemoved(long events, long bytes) {
    long left = Math.max(0, eventCount - events);
    return new LogStreamMeta(
        groupId,
        id,
        name,
        creationTime,
        left,
        left == 0 ? 0 : firstEventTimestamp,
        left == 0 ? 0 : lastEventTimestamp,
        lastIngestionTime,
        Math.max(0, storedBytes - bytes),
        lastSequence);
  }
}
