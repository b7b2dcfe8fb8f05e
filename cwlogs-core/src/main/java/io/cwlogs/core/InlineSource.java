package io.cwlogs.core;

import io.cwlogs.core.spi.EventPosition;
import io.cwlogs.core.spi.EventScan;

/**
 * A merge source that reads its storage scan on the merging thread, a budget of events at a time, so
 * that a stream without matches holds up the merge by one budget rather than by its whole range.
 */
final class InlineSource extends MergeSource {

  private final EventScan scan;
  private final int budget;

  /**
   * @param budget stored events one {@link #advance} may examine before it settles for a bound
   */
  InlineSource(LogStreamMeta stream, EventScan scan, int budget, long timestamp, long sequence) {
    super(stream, timestamp, sequence);
    this.scan = scan;
    this.budget = budget;
  }

  @Override
  boolean advance() {
    switch (scan.advance(budget)) {
      case READY -> readyAt(scan.next());
      case PAUSED -> {
        EventPosition bound = scan.examined().orElseThrow();
        timestamp = bound.timestamp();
        sequence = bound.sequence();
      }
      case DONE -> {
        return false;
      }
    }
    return true;
  }

  @Override
  public void close() {
    scan.close();
  }
}
