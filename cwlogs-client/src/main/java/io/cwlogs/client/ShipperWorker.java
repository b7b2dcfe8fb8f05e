package io.cwlogs.client;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The loop behind {@link LogShipper}: collect a batch, send it, and deal with outages.
 *
 * <p>Implementation notes. One thread runs this loop, so no state here needs locking except what
 * {@link #flush} and {@link #close} touch (volatile fields and the monitor used for waiting). Each
 * round, in order: (1) if the spool holds segments and the backoff has passed, send the oldest; (2)
 * if batches are stalled (an outage without spool), retry the first one after its backoff; (3)
 * otherwise collect events from the queue until a batch is full, the linger time has passed, or a
 * flush or close asks for it, then size, sort and split them with {@link Batcher}. While the spool
 * is not empty, new batches are appended to it rather than sent, so events leave in the order they
 * were queued. Ordering is per stream: a batch is never sent before an earlier one.
 */
final class ShipperWorker implements Runnable {
  private static final System.Logger LOG = System.getLogger(ShipperWorker.class.getName());
  private static final RetryPolicy ONE_ATTEMPT = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);
  private static final long POLL_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

  private final BlockingQueue<LogEvent> queue;
  private final ShipperCounters counters;
  private final Optional<Spool> spool;
  private final Supplier<LogStream> streamFactory;
  private final Batcher batcher;
  private final BatchRules rules;
  private final long lingerNanos;
  private final RetryPolicy retry;
  private final Runnable releaseClient;
  private final Deque<List<LogEvent>> stalled = new ArrayDeque<>();
  private final Map<String, LogStream> siblings = new HashMap<>();
  private final Object progress = new Object();

  private volatile boolean closing;
  private volatile long closeDeadline;
  private volatile int flushWaiters;
  private LogStream stream;
  private long retryAt;
  private int consecutiveFailures;

  ShipperWorker(
      BlockingQueue<LogEvent> queue,
      ShipperCounters counters,
      Optional<Spool> spool,
      Supplier<LogStream> streamFactory,
      BatchRules rules,
      Duration linger,
      RetryPolicy retry,
      Runnable releaseClient) {
    this.queue = queue;
    this.counters = counters;
    this.spool = spool;
    this.streamFactory = streamFactory;
    this.batcher = new Batcher(rules);
    this.rules = rules;
    this.lingerNanos = linger.toNanos();
    this.retry = retry;
    this.releaseClient = releaseClient;
    this.retryAt = System.nanoTime();
  }

  boolean isClosing() {
    return closing;
  }

  @Override
  public void run() {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        if (closing && (System.nanoTime() - closeDeadline >= 0 || idle())) {
          break;
        }
        if (System.nanoTime() - retryAt < 0) {
          if (spool.isPresent() && !closing) {
            ship(collect()); // keep the queue flowing into the spool during an outage
          } else {
            pause();
          }
        } else if (spooledSegments() > 0 && stalled.isEmpty()) {
          if (!queue.isEmpty()) {
            ship(drainNow()); // to the spool first, so a slow probe cannot overflow the queue
          }
          sendOldestSegment();
        } else if (!stalled.isEmpty()) {
          sendStalled();
        } else {
          ship(collect());
        }
        signalProgress();
      }
    } catch (RuntimeException | Error e) {
      LOG.log(System.Logger.Level.ERROR, "shipper worker failed", e);
    } finally {
      settleLeftovers();
      spool.ifPresent(
          s -> {
            try {
              s.close();
            } catch (IOException e) {
              LOG.log(System.Logger.Level.WARNING, "spool close failed", e);
            }
          });
      releaseClient.run();
      signalProgress();
    }
  }

  private int spooledSegments() {
    return spool.map(Spool::count).orElse(0);
  }

  private boolean idle() {
    return queue.isEmpty() && stalled.isEmpty() && spooledSegments() == 0;
  }

  /** Takes events from the queue until a batch is due; may return an empty list. */
  private List<LogEvent> collect() {
    List<LogEvent> out = new ArrayList<>();
    long bytes = 0;
    long start = System.nanoTime();
    while (out.size() < rules.maxEvents() && bytes < rules.maxBytes()) {
      LogEvent e = queue.poll();
      if (e == null) {
        boolean lingered = System.nanoTime() - start >= lingerNanos;
        if (!out.isEmpty() && (closing || flushWaiters > 0 || lingered)) {
          break;
        }
        if (out.isEmpty() && (closing || lingered)) {
          break;
        }
        try {
          e = queue.poll(POLL_SLICE_NANOS, TimeUnit.NANOSECONDS);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          break;
        }
        if (e == null) {
          continue;
        }
      }
      out.add(e);
      bytes += e.batchBytes();
    }
    return out;
  }

  private List<LogEvent> drainNow() {
    List<LogEvent> out = new ArrayList<>();
    queue.drainTo(out, rules.maxEvents());
    return out;
  }

  /** Sizes, sorts, splits and sends (or spools) events taken from the queue. */
  private void ship(List<LogEvent> events) {
    if (events.isEmpty()) {
      return;
    }
    List<LogEvent> sendable = stream().sizePolicy().applyAll(events);
    int oversize = events.size() - sendable.size();
    counters.rejected.add(oversize);
    counters.settled.addAndGet(oversize);
    for (List<LogEvent> batch : batcher.split(sendable)) {
      if (!stalled.isEmpty()) {
        stalled.addLast(batch);
      } else if (spool.isPresent()
          && (spool.get().count() > 0 || System.nanoTime() - retryAt < 0)) {
        toSpool(stream().group(), stream().stream(), batch);
      } else {
        sendFresh(batch);
      }
    }
  }

  private void sendFresh(List<LogEvent> batch) {
    if (concluded(stream().put(batch))) {
      counters.settled.addAndGet(batch.size());
    } else if (spool.isPresent()) {
      toSpool(stream().group(), stream().stream(), batch);
    } else {
      stalled.addLast(batch);
    }
  }

  private void sendStalled() {
    List<LogEvent> batch = stalled.peekFirst();
    if (concluded(stream().put(batch))) {
      stalled.removeFirst();
      counters.settled.addAndGet(batch.size());
    }
  }

  private void sendOldestSegment() {
    Spool s = spool.orElseThrow();
    try {
      Optional<Path> oldest = s.oldest();
      if (oldest.isEmpty()) {
        return;
      }
      SpoolCodec.Segment segment = s.read(oldest.get());
      if (segment.events().isEmpty()) {
        s.delete(oldest.get());
        return;
      }
      LogStream target = streamFor(segment.group(), segment.stream());
      if (consecutiveFailures > 0) { // in an outage: probe once, backoff is handled here
        target = target.withRetry(ONE_ATTEMPT);
      }
      if (concluded(target.put(segment.events()))) {
        s.delete(oldest.get());
      }
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "spool read failed", e);
      backoff();
    }
  }

  private void toSpool(String group, String streamName, List<LogEvent> batch) {
    boolean written;
    try {
      written = spool.orElseThrow().append(group, streamName, batch);
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "spool write failed", e);
      written = false;
    }
    if (written) {
      counters.spooled.add(batch.size());
    } else {
      counters.dropped.add(batch.size());
    }
    counters.settled.addAndGet(batch.size());
  }

  /**
   * Counts a batch's outcome: a final one (delivered, or failed for good) is recorded and ends an
   * outage; otherwise the batch will be sent again, so its attempts count as retries and the next
   * send waits for the backoff.
   *
   * @return true when the outcome is final
   */
  private boolean concluded(BatchOutcome outcome) {
    if (outcome.delivered() || outcome.permanent()) {
      SubmitResult r = outcome.result();
      counters.sent.add(r.accepted());
      counters.rejected.add(r.rejected());
      counters.failed.add(r.failed());
      counters.retried.add(r.retries());
      consecutiveFailures = 0;
      return true;
    }
    counters.retried.add(outcome.result().retries() + 1);
    backoff();
    return false;
  }

  private void backoff() {
    consecutiveFailures++;
    Duration d = retry.delay(consecutiveFailures);
    retryAt = System.nanoTime() + Math.max(d.toNanos(), TimeUnit.MILLISECONDS.toNanos(50));
  }

  private void pause() {
    try {
      long wait = Math.min(POLL_SLICE_NANOS, retryAt - System.nanoTime());
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** After the loop: spool what is left if possible, otherwise count it as dropped. */
  private void settleLeftovers() {
    boolean interrupted = Thread.interrupted(); // FileChannel refuses to write when interrupted
    List<LogEvent> rest = new ArrayList<>();
    stalled.forEach(rest::addAll);
    stalled.clear();
    queue.drainTo(rest);
    if (rest.isEmpty()) {
      return;
    }
    if (spool.isPresent() && streamAvailable()) {
      List<LogEvent> sized = stream.sizePolicy().applyAll(rest);
      counters.dropped.add(rest.size() - sized.size());
      counters.settled.addAndGet(rest.size() - sized.size());
      for (List<LogEvent> batch : batcher.split(sized)) {
        toSpool(stream.group(), stream.stream(), batch);
      }
    } else {
      counters.dropped.add(rest.size());
      counters.settled.addAndGet(rest.size());
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private boolean streamAvailable() {
    try {
      return stream() != null;
    } catch (RuntimeException e) { // e.g. no region configured
      LOG.log(System.Logger.Level.WARNING, "cannot build the client", e);
      return false;
    }
  }

  private LogStream stream() {
    if (stream == null) {
      stream = streamFactory.get();
    }
    return stream;
  }

  private LogStream streamFor(String group, String streamName) {
    LogStream own = stream();
    if (own.group().equals(group) && own.stream().equals(streamName)) {
      return own;
    }
    return siblings.computeIfAbsent(group + '\n' + streamName, k -> own.sibling(group, streamName));
  }

  private void signalProgress() {
    synchronized (progress) {
      progress.notifyAll();
    }
  }

  /** Waits until every event enqueued up to {@code target} is settled and the spool is empty. */
  boolean flush(long target, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (progress) {
      flushWaiters++;
      try {
        while (counters.settled.get() < target || spooledSegments() > 0) {
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            return false;
          }
          progress.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 50)));
        }
        return true;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      } finally {
        flushWaiters--;
      }
    }
  }

  void close(long deadlineNanos) {
    closeDeadline = deadlineNanos;
    closing = true;
  }
}
