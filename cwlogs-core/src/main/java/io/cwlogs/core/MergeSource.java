package io.cwlogs.core;

import io.cwlogs.core.spi.StoredEvent;

/**
 * One input of {@link GroupScan}'s merge: the events of one stream (or of one time slice of it), in scan
 * order, seen through a single mutable key so that the merge allocates nothing per event.
 *
 * <p>The key ({@link #timestamp}, {@link #sequence}, stream id) is either the next event's, when
 * {@link #ready}, or a <em>bound</em>: a position every later event of this source lies strictly beyond,
 * in the merge's direction. A bound lets the merge hand out other streams' events that sort before it
 * without waiting for this source to find its next match, which with a rare term may be far away.
 */
abstract class MergeSource implements AutoCloseable {

  final LogStreamMeta stream;
  long timestamp;
  long sequence;
  boolean ready;
  StoredEvent head;

  /** A source whose key starts as the bound {@code (timestamp, sequence)}. */
  MergeSource(LogStreamMeta stream, long timestamp, long sequence) {
    this.stream = stream;
    this.timestamp = timestamp;
    this.sequence = sequence;
  }

  /**
   * Moves the key on: to the next event, or to a bound beyond the current key. Called when the merge
   * has taken the head, or needs to know more than the bound says.
   *
   * @return false when the source has no more events
   */
  abstract boolean advance();

  /** Takes the ready head; the key stays at its position, which is now a bound. */
  final StoredEvent take() {
    StoredEvent event = head;
    head = null;
    ready = false;
    return event;
  }

  final void readyAt(StoredEvent event) {
    head = event;
    ready = true;
    timestamp = event.timestamp();
    sequence = event.sequence();
  }

  @Override
  public abstract void close();
}
