package io.cwlogs.core;

import io.cwlogs.core.spi.EventPosition;
import io.cwlogs.core.spi.EventScan;
import io.cwlogs.core.spi.LogStore;
import io.cwlogs.core.spi.ScanRange;
import io.cwlogs.core.spi.StoredEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Many streams' events merged into one time-ordered scan: a k-way merge over one storage scan per stream.
 *
 * <p>Order is (timestamp, sequence, stream id), ascending or descending; since sequences follow ingestion
 * order (see {@link SequenceClock}), that is AWS's FilterLogEvents order. Streams whose first/last event
 * timestamps lie outside the range are never opened.
 *
 * <p>With a message filter in the range, each storage scan drops non-matching events itself, before
 * decoding them. A stream with no match near the front then must not hold up the others: each source
 * examines a budget of events at a time and otherwise reports how far it has looked (a bound, see
 * {@link MergeSource}), and the merge hands out any event that sorts before every bound. So a page that
 * fills from one stream reads at most a budget further into the others.
 */
public final class GroupScan implements AutoCloseable {

  /** An event with the stream it came from. */
  public record Item(LogStreamMeta stream, StoredEvent event) {

    /** This item's place in the merge, to resume after it. */
    public Resume resume() {
      return new Resume(event.timestamp(), event.sequence(), stream.id());
    }
  }

  /** Stored events a source examines before it reports a bound instead of a match. */
  static final int BUDGET = 1024;

  private final SourceHeap heap;
  private final List<MergeSource> opened = new ArrayList<>();

  /**
   * Opens a merge of every event of the streams in {@code [from, to)}.
   *
   * @param from inclusive lower bound, epoch ms
   * @param to exclusive upper bound, epoch ms
   * @param after resume strictly after this (timestamp, sequence, streamId) position, if present
   */
  public GroupScan(
      LogStore store, List<LogStreamMeta> streams, long from, long to, boolean descending,
      Optional<Resume> after) {
    this(store, streams, new ScanRange(from, to, descending, Optional.empty()), after);
  }

  /**
   * Opens a merge of the streams' events in {@code range}: its time bounds, direction and message filter.
   *
   * @param range has no {@code after} position of its own; a merge resumes with {@code after}
   * @param after resume strictly after this (timestamp, sequence, streamId) position, if present
   */
  public GroupScan(LogStore store, List<LogStreamMeta> streams, ScanRange range, Optional<Resume> after) {
    this(store, streams, range, after, BUDGET);
  }

  /** As above, with the per-source budget chosen (tests make it tiny to exercise bounds). */
  GroupScan(LogStore store, List<LogStreamMeta> streams, ScanRange range, Optional<Resume> after, int budget) {
    if (range.after().isPresent()) {
      throw new IllegalArgumentException("a group scan resumes with a Resume, not a stream position");
    }
    heap = new SourceHeap(streams.size(), range.descending());
    try {
      for (LogStreamMeta stream : streams) {
        if (!overlaps(stream, range)) {
          continue;
        }
        ScanRange streamRange = range;
        if (after.isPresent()) {
          streamRange = range.resumingAfter(after.get().positionFor(stream.id(), range.descending()));
        }
        EventPosition start = start(streamRange);
        MergeSource source =
            new InlineSource(stream, store.scan(stream.key(), streamRange), budget, start.timestamp(), start.sequence());
        opened.add(source);
        heap.add(source);
      }
    } catch (RuntimeException | Error e) {
      close();
      throw e;
    }
  }

  /**
   * Whether any of the streams holds an event of {@code range} (filter or not) that the merge would
   * order after {@code last}: FilterLogEvents gives a next token exactly then. One short seek per stream.
   */
  public static boolean anyEventAfter(
      LogStore store, List<LogStreamMeta> streams, ScanRange range, Resume last) {
    for (LogStreamMeta stream : streams) {
      if (!overlaps(stream, range)) {
        continue;
      }
      ScanRange rest = range.unfiltered().resumingAfter(last.positionFor(stream.id(), range.descending()));
      try (EventScan scan = store.scan(stream.key(), rest)) {
        if (scan.hasNext()) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean overlaps(LogStreamMeta stream, ScanRange range) {
    return stream.hasEvents()
        && stream.lastEventTimestamp() >= range.fromTimestamp()
        && stream.firstEventTimestamp() < range.toTimestamp();
  }

  /** A first bound for a stream's scan: the edge of its range, or its resume position if tighter. */
  static EventPosition start(ScanRange range) {
    EventPosition edge =
        new EventPosition(range.descending() ? range.toTimestamp() : range.fromTimestamp(), Long.MIN_VALUE);
    if (range.after().isEmpty()) {
      return edge;
    }
    EventPosition after = range.after().get();
    int c = after.compareTo(edge);
    return (range.descending() ? c < 0 : c > 0) ? after : edge;
  }

  public boolean hasNext() {
    while (heap.size() > 0) {
      MergeSource top = heap.top();
      if (top.ready) {
        return true;
      }
      if (top.advance()) {
        heap.topChanged();
      } else {
        heap.removeTop().close();
      }
    }
    return false;
  }

  public Item next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    MergeSource top = heap.top();
    // The taken event's position stays as the top's key, now a bound: the heap's order is unchanged.
    return new Item(top.stream, top.take());
  }

  @Override
  public void close() {
    for (MergeSource source : opened) {
      source.close();
    }
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
