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
 *
 * <p>When the range holds enough data and there are {@link ScanWorkers}, the streams, cut into time
 * slices ({@link ScanPlan}), are read ahead on the pool ({@link ReadAheadSource}) and this thread only
 * merges. {@link #close} stops the workers at their next event and releases every storage scan, so a
 * page that is full costs nothing more.
 */
public final class GroupScan implements AutoCloseable {

  /** An event with the stream it came from. */
  public record Item(LogStreamMeta stream, StoredEvent event) {

    /** This item's place in the merge, to resume after it. */
    public Resume resume() {
      return new Resume(event.timestamp(), event.sequence(), stream.id());
    }
  }

  private final SourceHeap heap;
  private final List<MergeSource> opened = new ArrayList<>();

  /**
   * Opens a merge of every event of the streams in {@code [from, to)}, read on this thread.
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

  /** Opens a merge of the streams' events in {@code range}, read on this thread. */
  public GroupScan(LogStore store, List<LogStreamMeta> streams, ScanRange range, Optional<Resume> after) {
    this(store, streams, range, after, ScanWorkers.none());
  }

  /**
   * Opens a merge of the streams' events in {@code range}: its time bounds, direction and message filter.
   *
   * @param range has no {@code after} position of its own; a merge resumes with {@code after}
   * @param after resume strictly after this (timestamp, sequence, streamId) position, if present
   * @param workers where the streams are read ahead in parallel, when the range holds enough data
   */
  public GroupScan(
      LogStore store, List<LogStreamMeta> streams, ScanRange range, Optional<Resume> after,
      ScanWorkers workers) {
    this(store, streams, range, after, workers, MergeSettings.DEFAULTS);
  }

  GroupScan(
      LogStore store, List<LogStreamMeta> streams, ScanRange range, Optional<Resume> after,
      ScanWorkers workers, MergeSettings settings) {
    if (range.after().isPresent()) {
      throw new IllegalArgumentException("a group scan resumes with a Resume, not a stream position");
    }
    ScanPlan plan = ScanPlan.of(streams, range, after, workers, settings);
    heap = new SourceHeap(plan.slices().size(), range.descending());
    List<ReadAheadSource> toStart = new ArrayList<>();
    try {
      for (ScanPlan.Slice slice : plan.slices()) {
        EventPosition start = start(slice.range());
        EventScan scan = store.scan(slice.stream().key(), slice.range());
        MergeSource source;
        if (plan.parallel()) {
          ReadAheadSource ahead =
              new ReadAheadSource(
                  slice.stream(), scan, workers, settings, range.descending(), start.timestamp(), start.sequence());
          toStart.add(ahead);
          source = ahead;
        } else {
          source = new InlineSource(slice.stream(), scan, settings.budget(), start.timestamp(), start.sequence());
        }
        opened.add(source);
        heap.add(source);
      }
      toStart.forEach(ReadAheadSource::start);
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

  static boolean overlaps(LogStreamMeta stream, ScanRange range) {
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
    RuntimeException first = null;
    for (MergeSource source : opened) {
      try {
        source.close();
      } catch (RuntimeException e) {
        if (first == null) {
          first = e;
        }
      }
    }
    if (first != null) {
      throw first;
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
