package io.cwlogs.core.spi;

import java.util.Optional;

/**
 * Which events of a stream a scan returns, and in which direction.
 *
 * @param fromTimestamp inclusive lower bound, epoch ms
 * @param toTimestamp exclusive upper bound, epoch ms
 * @param descending newest first when true
 * @param after if present, only events strictly after this position in the scan's direction
 * @param filter if present, only events whose message passes it; positions ({@link #after}) and the
 *     order of the events returned are those of the unfiltered scan
 */
public record ScanRange(
    long fromTimestamp,
    long toTimestamp,
    boolean descending,
    Optional<EventPosition> after,
    Optional<MessageFilter> filter) {

  /** Every event of [from, to) in the given direction, after {@code after} if present. */
  public ScanRange(long fromTimestamp, long toTimestamp, boolean descending, Optional<EventPosition> after) {
    this(fromTimestamp, toTimestamp, descending, after, Optional.empty());
  }

  /** Every event of the stream, oldest first. */
  public static ScanRange all() {
    return new ScanRange(Long.MIN_VALUE, Long.MAX_VALUE, false, Optional.empty());
  }

  /** Events in [from, to), oldest first. */
  public static ScanRange forward(long fromTimestamp, long toTimestamp) {
    return new ScanRange(fromTimestamp, toTimestamp, false, Optional.empty());
  }

  /** Events in [from, to), newest first. */
  public static ScanRange backward(long fromTimestamp, long toTimestamp) {
    return new ScanRange(fromTimestamp, toTimestamp, true, Optional.empty());
  }

  /** The same range, resuming strictly after {@code position}. */
  public ScanRange resumingAfter(EventPosition position) {
    return new ScanRange(fromTimestamp, toTimestamp, descending, Optional.of(position), filter);
  }

  /** The same range, returning only the events whose message passes {@code messageFilter}. */
  public ScanRange filtered(MessageFilter messageFilter) {
    return new ScanRange(fromTimestamp, toTimestamp, descending, after, Optional.of(messageFilter));
  }

  /** The same range without a message filter. */
  public ScanRange unfiltered() {
    return new ScanRange(fromTimestamp, toTimestamp, descending, after, Optional.empty());
  }
}
