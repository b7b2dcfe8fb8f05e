package io.cwlogs.core;

import io.cwlogs.core.spi.EventPosition;
import io.cwlogs.core.spi.EventScan;
import io.cwlogs.core.spi.StoredEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A merge source whose storage scan runs on a {@link ScanWorkers} thread, ahead of the merge: the worker
 * finds the matches, the merge only takes them in order.
 *
 * <p>Implementation notes. The worker ({@link #run}) and the merge ({@link #advance}) meet in a queue
 * guarded by one lock. To keep that lock off the per-event path, the worker gathers matches in a chunk
 * of its own and hands over a whole chunk at once; it hands over early, together with how far it has
 * looked (a bound, {@link EventScan#examined}), whenever the merge is waiting for this source, which it
 * learns from a volatile flag it reads after each step of at most a budget of events. So a merge blocked
 * on a stream with no matches waits for one budget, not for the stream's end.
 *
 * <p>The pool is shared and bounded, so a worker never blocks: when the queue holds its read-ahead limit
 * (events or bytes) the task <em>parks</em>, that is returns, and the merge submits it again once it has
 * taken the queue down to half; after a turn of {@link MergeSettings#turnNanos} it resubmits itself
 * behind the other sources waiting for a thread. The merge waits only for a source whose task is queued
 * or running, never for a parked one (its queue is not empty), so the pool cannot deadlock however many
 * sources share it. Closing cancels the worker and closes the scan, which ends a running scan step at
 * its next event and releases the storage iterator before {@link #close} returns.
 */
final class ReadAheadSource extends MergeSource implements Runnable {

  private final EventScan scan;
  private final ScanWorkers workers;
  private final MergeSettings settings;
  private final int sign;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition published = lock.newCondition();
  // Guarded by lock.
  private final ArrayDeque<StoredEvent> queue = new ArrayDeque<>();
  private long queuedBytes;
  private boolean hasBound;
  private long boundTimestamp;
  private long boundSequence;
  private boolean finished;
  private Throwable failure;
  private boolean parked;
  // The worker's own.
  private final List<StoredEvent> chunk = new ArrayList<>();
  private long chunkBytes;
  // Shared without the lock.
  private volatile boolean waiting;
  private volatile boolean cancelled;

  ReadAheadSource(
      LogStreamMeta stream, EventScan scan, ScanWorkers workers, MergeSettings settings, boolean descending,
      long timestamp, long sequence) {
    super(stream, timestamp, sequence);
    this.scan = scan;
    this.workers = workers;
    this.settings = settings;
    this.sign = descending ? -1 : 1;
  }

  /** Hands the scan to the pool. */
  void start() {
    workers.execute(this);
  }

  // ---- the worker ----

  @Override
  public void run() {
    long turnEnds = System.nanoTime() + settings.turnNanos();
    try {
      while (!cancelled) {
        switch (scan.advance(settings.budget())) {
          case READY -> {
            StoredEvent event = scan.next();
            chunk.add(event);
            chunkBytes += event.message().length;
            if ((chunk.size() >= settings.chunkEvents() || waiting) && !handOver(false, false)) {
              return; // parked: the merge resubmits this task when it has taken the queue down
            }
          }
          case PAUSED -> {
            if (waiting && !handOver(true, false)) {
              return;
            }
          }
          case DONE -> {
            handOver(false, true);
            return;
          }
        }
        if (System.nanoTime() - turnEnds > 0) {
          if (handOver(false, false) && !cancelled) {
            workers.execute(this);
          }
          return;
        }
      }
    } catch (RuntimeException | Error e) {
      lock.lock();
      try {
        failure = e;
        published.signalAll();
      } finally {
        lock.unlock();
      }
    }
  }

  /**
   * Moves the chunk to the queue, with the scan's bound or its end if asked, and wakes the merge.
   *
   * @return false when the queue is now full and the task must park
   */
  private boolean handOver(boolean withBound, boolean done) {
    EventPosition bound = withBound ? scan.examined().orElseThrow() : null;
    lock.lock();
    try {
      queue.addAll(chunk);
      queuedBytes += chunkBytes;
      if (bound != null) {
        hasBound = true;
        boundTimestamp = bound.timestamp();
        boundSequence = bound.sequence();
      }
      finished |= done;
      boolean full =
          !done && (queue.size() >= settings.readAheadEvents() || queuedBytes >= settings.readAheadBytes());
      parked = full;
      published.signalAll();
      return !full;
    } finally {
      chunk.clear();
      chunkBytes = 0;
      lock.unlock();
    }
  }

  // ---- the merge ----

  @Override
  boolean advance() {
    lock.lock();
    try {
      while (true) {
        if (failure != null) {
          throw rethrow(failure);
        }
        StoredEvent event = queue.poll();
        if (event != null) {
          queuedBytes -= event.message().length;
          resumeIfDrained();
          readyAt(event);
          return true;
        }
        if (finished) {
          return false;
        }
        if (hasBound && beyondKey(boundTimestamp, boundSequence)) {
          timestamp = boundTimestamp;
          sequence = boundSequence;
          return true;
        }
        resumeIfDrained();
        waiting = true;
        try {
          published.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new ServiceUnavailableException("The search was interrupted.");
        } finally {
          waiting = false;
        }
      }
    } finally {
      lock.unlock();
    }
  }

  private boolean beyondKey(long t, long s) {
    int c = Long.compare(t, timestamp);
    if (c == 0) {
      c = Long.compare(s, sequence);
    }
    return sign * c > 0;
  }

  private void resumeIfDrained() {
    if (parked
        && queue.size() <= settings.readAheadEvents() / 2
        && queuedBytes <= settings.readAheadBytes() / 2) {
      parked = false;
      workers.execute(this);
    }
  }

  private static RuntimeException rethrow(Throwable t) {
    if (t instanceof Error e) {
      throw e;
    }
    return (RuntimeException) t;
  }

  @Override
  public void close() {
    cancelled = true;
    scan.close();
  }
}
