package io.cwlogs.core;

import io.cwlogs.core.spi.EventScan;
import io.cwlogs.core.spi.LogStore;
import io.cwlogs.core.spi.ScanRange;
import io.cwlogs.core.spi.StoredDocument;
import io.cwlogs.core.spi.StoredEvent;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one subscription filter's matching events, at least once and in order per stream, on its own
 * virtual thread.
 *
 * <p><b>Durable position.</b> Per stream, a cursor document holds the highest event sequence whose
 * delivery is done (delivered, or not matching). Sequences grow in ingestion order within a stream (see
 * {@link SequenceClock}), so "everything with a sequence above the cursor" is exactly what is owed. The
 * cursor advances only after the sink accepted a payload.
 *
 * <p><b>Two paths to the same events.</b> Normally the events come from {@link IngestListener} callbacks,
 * in memory, in append order (appends to a stream are serialised and the listener runs under that lock).
 * When memory cannot be trusted to hold everything owed — when the pump starts (after a restart, or when
 * the filter is created while events flow), or when the in-memory queue overflows — a stream is marked for
 * a <em>rescan</em>: its events are read back from the store and those above the cursor are delivered in
 * sequence order. Events already covered by the cursor are skipped on either path, so the two never
 * deliver twice, and nothing appended is ever owed only to memory.
 *
 * <p>A rescan reads the stream from {@code (cursor's ingestion time − 14 days − 1 hour)} on, because
 * PutLogEvents refuses events older than 14 days; an event that sneaks below that (a wall clock set back)
 * is not found again after a restart.
 *
 * <p><b>Retries.</b> A failing sink is retried with exponential backoff (200 ms doubling to 30 s) while
 * later work queues; after 24 hours of failure the payload is dropped and counted, as AWS does.
 */
final class SubscriptionPump implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(SubscriptionPump.class);
  private static final int MAX_PENDING_EVENTS = 50_000;
  private static final int MAX_RESCAN_EVENTS = 10_000;
  private static final long RETRY_GIVE_UP_MILLIS = 24 * 3_600_000L;
  private static final long RESCAN_MARGIN_MILLIS = Limits.MAX_PAST.toMillis() + 3_600_000L;

  /** Work owed for one stream: in-memory events, or a rescan of the store. */
  private static final class Work {
    LogStreamMeta stream;
    final ArrayDeque<StoredEvent> events = new ArrayDeque<>();
    boolean rescan;
  }

  /** A cursor document's value. */
  record Cursor(long sequence) {}

  /** Where a filter's payloads go right now. */
  record Route(TargetKind kind, String arn, DeliverySink sink) {}

  /** Finds the filter's current route; empty when its destination is gone. */
  interface Router {
    Optional<Route> route(SubscriptionFilterMeta filter);
  }

  private final Tenant tenant;
  private final SubscriptionFilterMeta filter;
  private final EventFilter matcher;
  private final LogStore store;
  private final Router router;
  private final DeliveryMetrics metrics;
  private final LongSupplier clock;
  private final String cursorScope;
  private final Map<Long, Long> cursors = new HashMap<>();
  private final LinkedHashMap<Long, Work> pending = new LinkedHashMap<>();
  private int pendingEvents;
  private volatile boolean running = true;
  private boolean controlOwed;
  private Thread thread;

  SubscriptionPump(
      Tenant tenant, SubscriptionFilterMeta filter, LogStore store, Router router, DeliveryMetrics metrics,
      LongSupplier clock, boolean sendControlMessage) {
    this.tenant = tenant;
    this.filter = filter;
    this.matcher = EventFilters.compile(filter.filterPattern());
    this.store = store;
    this.router = router;
    this.metrics = metrics;
    this.clock = clock;
    this.cursorScope = SubscriptionFilterMeta.cursorScope(tenant, filter.groupId(), filter.filterName());
    this.controlOwed = sendControlMessage;
  }

  SubscriptionFilterMeta filter() {
    return filter;
  }

  /** Loads cursors, marks streams with owed events for a rescan, and starts the delivery thread. */
  void start(List<LogStreamMeta> streams) {
    new Catalog(store).forEachDocument(cursorScope, this::loadCursor);
    synchronized (this) {
      for (LogStreamMeta stream : streams) {
        if (stream.lastSequence() > cursor(stream.id())) {
          work(stream).rescan = true;
        }
      }
    }
    thread = Thread.ofVirtual().name("cwlogs-subscription-" + filter.filterName()).start(this);
  }

  private void loadCursor(StoredDocument doc) {
    cursors.put(Long.parseUnsignedLong(doc.id(), 36), DocumentCodec.decode(doc.value(), Cursor.class).sequence());
  }

  /** Called on the ingesting thread, in append order per stream: queue the events and return. */
  synchronized void offer(LogStreamMeta stream, List<StoredEvent> events) {
    Work work = work(stream);
    if (work.rescan) {
      return;
    }
    if (pendingEvents + events.size() > MAX_PENDING_EVENTS) {
      pendingEvents -= work.events.size();
      work.events.clear();
      work.rescan = true;
    } else {
      work.events.addAll(events);
      pendingEvents += events.size();
    }
    notifyAll();
  }

  synchronized int pendingEvents() {
    return pendingEvents;
  }

  private Work work(LogStreamMeta stream) {
    Work work = pending.computeIfAbsent(stream.id(), id -> new Work());
    work.stream = stream;
    return work;
  }

  private synchronized Work take() throws InterruptedException {
    while (pending.isEmpty() && running) {
      wait();
    }
    if (!running) {
      return null;
    }
    Iterator<Work> it = pending.values().iterator();
    Work work = it.next();
    it.remove();
    pendingEvents -= work.events.size();
    return work;
  }

  void stop() {
    running = false;
    synchronized (this) {
      notifyAll();
    }
    if (thread != null) {
      thread.interrupt();
    }
  }

  /** Stops the pump and waits for its thread (tests, shutdown). */
  void stopAndWait() throws InterruptedException {
    stop();
    if (thread != null) {
      thread.join(10_000);
    }
  }

  @Override
  public void run() {
    try {
      if (controlOwed) {
        sendControlMessage();
      }
      while (running) {
        Work work = take();
        if (work == null) {
          return;
        }
        if (work.rescan) {
          rescan(work.stream);
        } else {
          deliver(work.stream, new ArrayList<>(work.events));
        }
      }
    } catch (InterruptedException e) {
      // stopped
    } catch (RuntimeException e) {
      LOG.error("subscription filter {} of {} stopped delivering", filter.filterName(), filter.logGroupName(), e);
    }
  }

  private long cursor(long streamId) {
    return cursors.getOrDefault(streamId, filter.startSequence() - 1);
  }

  private void advance(LogStreamMeta stream, long sequence) {
    if (sequence > cursor(stream.id())) {
      cursors.put(stream.id(), sequence);
      store.put(cursorScope, Long.toUnsignedString(stream.id(), 36), DocumentCodec.encode(new Cursor(sequence)));
    }
  }

  /** Reads the events owed for a stream back from the store, lowest sequences first, a bounded batch at a time. */
  private void rescan(LogStreamMeta stream) throws InterruptedException {
    while (running) {
      long cursor = cursor(stream.id());
      long from = (cursor >> 20) - RESCAN_MARGIN_MILLIS;
      PriorityQueue<StoredEvent> lowest =
          new PriorityQueue<>(Comparator.comparingLong(StoredEvent::sequence).reversed());
      try (EventScan scan = store.scan(stream.key(), ScanRange.forward(from, Long.MAX_VALUE))) {
        while (scan.hasNext()) {
          StoredEvent event = scan.next();
          if (event.sequence() > cursor) {
            lowest.add(event);
            if (lowest.size() > MAX_RESCAN_EVENTS) {
              lowest.poll();
            }
          }
        }
      }
      boolean full = lowest.size() >= MAX_RESCAN_EVENTS;
      List<StoredEvent> events = new ArrayList<>(lowest);
      events.sort(Comparator.comparingLong(StoredEvent::sequence));
      deliver(stream, events);
      if (!full) {
        return;
      }
    }
  }

  /** Delivers the matching events above the cursor, in chunks, advancing the cursor after each. */
  private void deliver(LogStreamMeta stream, List<StoredEvent> events) throws InterruptedException {
    long cursor = cursor(stream.id());
    List<StoredEvent> chunk = new ArrayList<>();
    int chunkBytes = 0;
    long last = cursor;
    for (StoredEvent event : events) {
      if (event.sequence() <= cursor) {
        continue;
      }
      last = Math.max(last, event.sequence());
      if (!matcher.matches(event.message())) {
        continue;
      }
      int size = event.message().length + DeliveryPayload.EVENT_OVERHEAD;
      if (!chunk.isEmpty() && chunkBytes + size > DeliveryPayload.MAX_EVENT_BYTES_PER_DELIVERY) {
        send(stream, chunk);
        advance(stream, chunk.get(chunk.size() - 1).sequence());
        chunk = new ArrayList<>();
        chunkBytes = 0;
      }
      chunk.add(event);
      chunkBytes += size;
    }
    if (!chunk.isEmpty()) {
      send(stream, chunk);
    }
    advance(stream, last);
  }

  private void send(LogStreamMeta stream, List<StoredEvent> events) throws InterruptedException {
    List<DeliveryPayload.Event> payloadEvents = new ArrayList<>(events.size());
    for (StoredEvent e : events) {
      payloadEvents.add(DeliveryPayload.Event.of(stream, e));
    }
    byte[] json =
        DeliveryPayload.dataMessage(tenant.account(), filter.logGroupName(), stream.name(), filter.filterName(), payloadEvents);
    String key = filter.distribution().equals("Random") ? UUID.randomUUID().toString() : stream.name();
    if (sendWithRetry(json, key)) {
      metrics.deliveredEvents.add(events.size());
      metrics.lastLagMillis.set(Math.max(0, clock.getAsLong() - events.get(0).ingestionTime()));
    } else {
      metrics.droppedEvents.add(events.size());
    }
  }

  private void sendControlMessage() throws InterruptedException {
    Optional<Route> route = router.route(filter);
    if (route.isPresent() && route.get().kind() != TargetKind.LAMBDA) {
      sendWithRetry(DeliveryPayload.controlMessage(clock.getAsLong(), route.get().kind()), "");
    }
  }

  /** True once a sink accepted the payload; false when it was given up on. */
  private boolean sendWithRetry(byte[] json, String partitionKey) throws InterruptedException {
    byte[] gzip = DeliveryPayload.gzip(json);
    long firstFailure = -1;
    long backoff = 200;
    while (running) {
      Optional<Route> route = router.route(filter);
      if (route.isEmpty()) {
        return false;
      }
      try {
        route.get().sink().deliver(new DeliveryRecord(route.get().kind(), route.get().arn(), partitionKey, json, gzip));
        metrics.deliveries.increment();
        return true;
      } catch (IOException | RuntimeException e) {
        metrics.failures.increment();
        long now = clock.getAsLong();
        firstFailure = firstFailure < 0 ? now : firstFailure;
        if (now - firstFailure > RETRY_GIVE_UP_MILLIS) {
          LOG.warn("subscription filter {}: giving up on a payload after 24 h of failures", filter.filterName());
          return false;
        }
        LOG.debug("subscription filter {}: delivery failed, retrying in {} ms: {}", filter.filterName(), backoff, e.toString());
        Thread.sleep(backoff);
        backoff = Math.min(backoff * 2, 30_000);
      }
    }
    throw new InterruptedException("stopped");
  }
}
