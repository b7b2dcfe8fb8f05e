package io.cwlogs.core;

import io.cwlogs.core.spi.EventPosition;
import io.cwlogs.core.spi.EventScan;
import io.cwlogs.core.spi.LogStore;
import io.cwlogs.core.spi.ScanRange;
import io.cwlogs.core.spi.StoredEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/**
 * Many streams' events merged into one time-ordered scan: a k-way merge over one storage scan per stream.
 *
 * <p>Order is (timestamp, sequence, stream id), ascending or descending; since sequences follow ingestion
 * order (see {@link SequenceClock}), that is AWS's FilterLogEvents order. Streams whose first/last event
 * timestamps lie outside the range are never opened.
 */
public final class GroupScan implements AutoCloseable {

  /** An event with the stream it came from. */
  public record Item(LogStreamMeta stream, StoredEvent event) {}

  private record Head(LogStreamMeta stream, EventScan scan, StoredEvent event) {}

  private final PriorityQueue<Head> heads;
  private final List<EventScan> open = new ArrayList<>();

  /**
   * Opens the merge.
   *
   * @param from inclusive lower bound, epoch ms
   * @param to exclusive upper bound, epoch ms
   * @param after resume strictly after this (timestamp, sequence, streamId) position, or null-free empty
   */
  public GroupScan(
      LogStore store, List<LogStreamMeta> streams, long from, long to, boolean descending,
      java.util.Optional<Resume> after) {
    Comparator<Head> order =
        Comparator.<Head>comparingLong(h -> h.event().timestamp())
            .thenComparingLong(h -> h.event().sequence())
            .thenComparingLong(h -> h.stream().id());
    heads = new PriorityQueue<>(Math.max(1, streams.size()), descending ? order.reversed() : order);
    for (LogStreamMeta stream : streams) {
      if (!stream.hasEvents() || stream.lastEventTimestamp() < from || stream.firstEventTimestamp() >= to) {
        continue;
      }
      ScanRange range = new ScanRange(from, to, descending, java.util.Optional.empty());
      if (after.isPresent()) {
        range = range.resumingAfter(after.get().positionFor(stream.id(), descending));
      }
      EventScan scan = store.scan(stream.key(), range);
      open.add(scan);
      if (scan.hasNext()) {
        heads.add(new Head(stream, scan, scan.next()));
      }
    }
  }

  public boolean hasNext() {
    return !heads.isEmpty();
  }

  public Item next() {
    Head head = heads.poll();
    if (head == null) {
      throw new NoSuchElementException();
    }
    if (head.scan().hasNext()) {
      heads.add(new Head(head.stream(), head.scan(), head.scan().next()));
    }
    return new Item(head.stream(), head.event());
  }

  @Override
  public void close() {
    open.forEach(EventScan::close);
  }

  /**
   * A merged-scan position: the last event returned, as (timestamp, sequence, stream id).
   *
   * <p>Per stream it becomes a storage position: the stream that produced it resumes after its exact
   * event; for other streams, events of the same timestamp order by (sequence, stream id), so the
   * position is shifted to include or exclude the tie as the merge would.
   */
  public record Resume(long timestamp, long sequence, long streamId) {

    EventPosition positionFor(long stream, boolean descending) {
      // Events at the same timestamp and sequence from a different stream sort by stream id.
      boolean tieComesLater = descending ? stream < streamId : stream > streamId;
      long seq = sequence;
      if (stream != streamId && tieComesLater) {
        seq = descending ? sequence + 1 : sequence - 1;
      }
      return new EventPosition(timestamp, seq);
    }
  }
}
