package io.cwlogs.core;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that read storage ahead of a merge, so that one FilterLogEvents or Insights query scans its
 * streams on every core: a fixed pool, one thread per core, shared by all requests, so that concurrent
 * queries divide the cores rather than multiply threads.
 *
 * <p>Work on it is cooperative ({@link ReadAheadSource}): a task scans until its read-ahead is full, its
 * turn is over or its source is done, then returns; it never blocks a pool thread waiting for a merge.
 * With fewer than two threads there is no pool ({@link #none()}) and every merge reads on its own thread.
 */
public final class ScanWorkers implements AutoCloseable {

  private final ExecutorService pool;
  private final int threads;

  private ScanWorkers(ExecutorService pool, int threads) {
    this.pool = pool;
    this.threads = threads;
  }

  /** No pool: merges read on their caller's thread. */
  public static ScanWorkers none() {
    return new ScanWorkers(null, 1);
  }

  /** A pool of {@code threads} daemon threads named {@code cwlogs-scan-N}, or {@link #none()} below two. */
  public static ScanWorkers start(int threads) {
    if (threads < 2) {
      return none();
    }
    AtomicInteger n = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "cwlogs-scan-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    return new ScanWorkers(pool, threads);
  }

  /** One pool thread per available processor. */
  public static ScanWorkers perCore() {
    return start(Runtime.getRuntime().availableProcessors());
  }

  /** Whether merges may read on pool threads. */
  boolean parallel() {
    return pool != null;
  }

  int threads() {
    return threads;
  }

  void execute(Runnable task) {
    try {
      pool.execute(task);
    } catch (RejectedExecutionException e) {
      throw new ServiceUnavailableException("The service is shutting down.");
    }
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
