package io.cwlogs.core;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Hands out event sequence numbers that grow with ingestion time: {@code millis << 20} plus a counter.
 *
 * <p>Because sequences follow ingestion order across every stream of the process, sorting a group's events
 * by (timestamp, sequence) gives AWS's FilterLogEvents order — timestamp, then ingestion order — without
 * storing anything more. A restart resumes above every earlier sequence as long as the wall clock has not
 * gone back; the stream document's {@code lastSequence} guards that case per stream.
 */
public final class SequenceClock {

  private final AtomicLong last = new AtomicLong();
  private final LongSupplier millis;

  public SequenceClock(LongSupplier millis) {
    this.millis = millis;
  }

  /** Reserves {@code count} consecutive sequences and returns the first, which exceeds {@code floor}. */
  public long reserve(int count, long floor) {
    long candidate = millis.getAsLong() << 20;
    while (true) {
      long prev = last.get();
      long first = Math.max(Math.max(prev, floor) + 1, candidate);
      if (last.compareAndSet(prev, first + count - 1)) {
        return first;
      }
    }
  }
}
