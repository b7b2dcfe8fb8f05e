package io.cwlogs.bench;

import io.cwlogs.core.Limits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;

/**
 * The ingest workload: PutLogEvents from {@code --threads} threads into {@code --streams} streams.
 *
 * <p>Thread {@code t} writes stream {@code stream-(t mod streams)}; several threads may share a stream,
 * as AWS allows since it dropped sequence tokens (2023). Without {@code --rate} each thread sends its next
 * batch as soon as the last one is answered (closed loop: the endpoint sets the pace, and latency is the
 * service time). With {@code --rate R} each thread owns {@code R / threads} events/s and sends batch
 * {@code k} at its intended time {@code start + offset(t) + k * interval} (offsets stagger the threads
 * across one interval); a thread that falls behind sends at once and does not skip. Two latencies are
 * recorded per batch: from the actual send (service time) and from the intended send (response time as a
 * client with a fixed schedule would see it). When the endpoint stalls, the second grows while the first
 * does not: that gap is the coordinated omission a closed-loop generator hides.
 */
final class IngestWorkload {

  /**
   * What the ingest did.
   *
   * @param results PutLogEvents rows: one (closed loop) or two (paced: from actual and from intended send)
   * @param eventsPerStream events stored in {@code stream-i}
   * @param messageBytes UTF-8 message bytes stored in the group
   * @param firstTimestamp the oldest event timestamp sent (epoch ms)
   * @param lastTimestamp the newest event timestamp sent (epoch ms)
   */
  record Outcome(List<Result> results, long[] eventsPerStream, long messageBytes, long firstTimestamp,
      long lastTimestamp) {}

  private IngestWorkload() {}

  static String stream(int i) {
    return "stream-" + i;
  }

  static Outcome run(CloudWatchLogsClient logs, String group, LoadSettings s) throws Exception {
    MessagePool pool = MessagePool.generate(s);
    long worst = LoadSettings.batchBytes(s.batch(), pool.maxBytes());
    if (worst > Limits.MAX_BATCH_BYTES) {
      throw new IllegalStateException("a batch could reach " + worst + " bytes, over the PutLogEvents limit");
    }
    for (int i = 0; i < s.streams(); i++) {
      String stream = stream(i);
      try {
        logs.createLogStream(r -> r.logGroupName(group).logStreamName(stream));
      } catch (ResourceAlreadyExistsException e) {
        // a named --group filled again: add to its streams
      }
    }
    AtomicLong bytes = new AtomicLong();
    AtomicLongArray perStream = new AtomicLongArray(s.streams());
    AtomicLong firstTs = new AtomicLong(Long.MAX_VALUE);
    AtomicLong lastTs = new AtomicLong(Long.MIN_VALUE);
    Latencies[] service = new Latencies[s.threads()];
    Latencies[] response = new Latencies[s.threads()];
    // Each thread's share of the batches' schedule: batch k of thread t is due at first(t) + k * interval.
    long interval = s.paced() ? Math.round(s.batch() * (double) s.threads() * 1e9 / s.rate()) : 0;
    long started = System.nanoTime();
    long startedMillis = System.currentTimeMillis();
    long deadline = s.seconds() > 0 ? started + Duration.ofSeconds(s.seconds()).toNanos() : Long.MAX_VALUE;
    ExecutorService threads = Executors.newFixedThreadPool(s.threads(), r -> new Thread(r, "load-ingest"));
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < s.threads(); t++) {
      int thread = t;
      int streamIndex = t % s.streams();
      String stream = stream(streamIndex);
      long quota = s.events() == 0 ? Long.MAX_VALUE
          : s.events() / s.threads() + (t < s.events() % s.threads() ? 1 : 0);
      service[t] = new Latencies();
      response[t] = new Latencies();
      futures.add(threads.submit(() -> {
        long first = started + interval * thread / s.threads();
        int next = thread * 7919;
        long sent = 0;
        for (long k = 0; sent < quota; k++) {
          long due = first + k * interval;
          if (System.nanoTime() >= deadline || (s.paced() && due >= deadline)) {
            break;
          }
          long timestamp = s.paced() ? startedMillis + (due - started) / 1_000_000 : System.currentTimeMillis();
          int size = (int) Math.min(s.batch(), quota - sent);
          List<InputLogEvent> batch = new ArrayList<>(size);
          long batchBytes = 0;
          for (int i = 0; i < size; i++) {
            int m = next++ % pool.size();
            batch.add(InputLogEvent.builder().timestamp(timestamp).message(pool.message(m)).build());
            batchBytes += pool.bytes(m);
          }
          if (s.paced()) {
            for (long wait; (wait = due - System.nanoTime()) > 0; ) {
              LockSupport.parkNanos(wait);
            }
          }
          long t0 = System.nanoTime();
          logs.putLogEvents(r -> r.logGroupName(group).logStreamName(stream).logEvents(batch));
          long t1 = System.nanoTime();
          service[thread].add(t1 - t0);
          response[thread].add(t1 - (s.paced() ? due : t0));
          sent += size;
          bytes.addAndGet(batchBytes);
          perStream.addAndGet(streamIndex, size);
          firstTs.accumulateAndGet(timestamp, Math::min);
          lastTs.accumulateAndGet(timestamp, Math::max);
        }
        return null;
      }));
    }
    try {
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      threads.shutdownNow();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    long[] counts = new long[s.streams()];
    long events = 0;
    for (int i = 0; i < counts.length; i++) {
      counts[i] = perStream.get(i);
      events += counts[i];
    }
    double eventsPerSecond = events / seconds;
    double mbPerSecond = bytes.get() / seconds / 1e6;
    String detail = String.format(Locale.ROOT, "%,d events in %.1f s", events, seconds);
    List<Result> results = new ArrayList<>();
    if (s.paced()) {
      String target = String.format(Locale.ROOT, "%s, target %,.0f/s", detail, s.rate());
      results.add(new Result("PutLogEvents, latency from actual send", target, eventsPerSecond, mbPerSecond,
          service[0].summary(rest(service))));
      results.add(new Result("PutLogEvents, latency from intended send", target, eventsPerSecond, mbPerSecond,
          response[0].summary(rest(response))));
    } else {
      results.add(new Result("PutLogEvents", detail, eventsPerSecond, mbPerSecond, service[0].summary(rest(service))));
    }
    return new Outcome(results, counts, bytes.get(), firstTs.get(), lastTs.get());
  }

  private static Latencies[] rest(Latencies[] all) {
    return Arrays.copyOfRange(all, 1, all.length);
  }
}
