package io.cwlogs.client;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/** A shipper's live counters; the MXBean registered for it, and the source of its snapshots. */
final class ShipperCounters implements LogShipperMXBean {
  final LongAdder offered = new LongAdder();
  final LongAdder sent = new LongAdder();
  final LongAdder rejected = new LongAdder();
  final LongAdder failed = new LongAdder();
  final LongAdder dropped = new LongAdder();
  final LongAdder retried = new LongAdder();
  final LongAdder spooled = new LongAdder();
  /** Events taken into the queue; with {@link #settled}, drives {@code flush}. */
  final AtomicLong enqueued = new AtomicLong();
  /** Queued events that reached a final state (or the spool). */
  final AtomicLong settled = new AtomicLong();

  private final LongSupplier queueDepth;
  private final LongSupplier spoolSegments;

  ShipperCounters(LongSupplier queueDepth, LongSupplier spoolSegments) {
    this.queueDepth = queueDepth;
    this.spoolSegments = spoolSegments;
  }

  ShipperMetrics snapshot() {
    return new ShipperMetrics(
        getOffered(),
        getSent(),
        getRejected(),
        getFailed(),
        getDropped(),
        getRetried(),
        getSpooled(),
        getQueueDepth(),
        getSpoolSegments());
  }

  @Override
  public long getOffered() {
    return offered.sum();
  }

  @Override
  public long getSent() {
    return sent.sum();
  }

  @Override
  public long getRejected() {
    return rejected.sum();
  }

  @Override
  public long getFailed() {
    return failed.sum();
  }

  @Override
  public long getDropped() {
    return dropped.sum();
  }

  @Override
  public long getRetried() {
    return retried.sum();
  }

  @Override
  public long getSpooled() {
    return spooled.sum();
  }

  @Override
  public long getQueueDepth() {
    return queueDepth.getAsLong();
  }

  @Override
  public long getSpoolSegments() {
    return spoolSegments.getAsLong();
  }
}
