package io.cwlogs.core.spi;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link LogStore} in memory, for the service's unit tests: the obvious implementation of the contract
 * ({@link MemoryLogStoreTest} holds it to {@link LogStoreContractTest}), nothing persisted.
 *
 * <p>A scan works on a copy of its range taken when it opens, as a RocksDB iterator's implicit snapshot
 * does; it honours the message filter and pauses after the budget {@link EventScan#advance} gives it.
 * {@link #openScans()} counts scans not yet closed, so tests can check that callers release them.
 */
public final class MemoryLogStore implements LogStore {

  private final Map<String, TreeMap<String, byte[]>> documents = new HashMap<>();
  private final Map<StreamKey, TreeMap<EventPosition, StoredEvent>> events = new HashMap<>();
  private final AtomicInteger openScans = new AtomicInteger();

  /** Scans opened and not yet closed (a scan that ran to its end counts as closed). */
  public int openScans() {
    return openScans.get();
  }

  @Override
  public synchronized Optional<byte[]> get(String scope, String id) {
    return Optional.ofNullable(scope(scope).get(id)).map(byte[]::clone);
  }

  @Override
  public synchronized void put(String scope, String id, byte[] value) {
    scope(scope).put(id, value.clone());
  }

  @Override
  public synchronized boolean putIfAbsent(String scope, String id, byte[] value) {
    return scope(scope).putIfAbsent(id, value.clone()) == null;
  }

  @Override
  public synchronized void delete(String scope, String id) {
    scope(scope).remove(id);
  }

  @Override
  public synchronized List<StoredDocument> list(String scope, String fromId, int limit) {
    List<StoredDocument> result = new ArrayList<>();
    for (Map.Entry<String, byte[]> e : scope(scope).tailMap(fromId, true).entrySet()) {
      if (result.size() >= limit) {
        break;
      }
      result.add(new StoredDocument(e.getKey(), e.getValue().clone()));
    }
    return result;
  }

  private TreeMap<String, byte[]> scope(String scope) {
    return documents.computeIfAbsent(
        scope,
        s ->
            new TreeMap<>(
                (a, b) ->
                    Arrays.compareUnsigned(
                        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8))));
  }

  @Override
  public synchronized void append(
      StreamKey stream, List<StoredEvent> newEvents, String docScope, String docId, byte[] doc) {
    TreeMap<EventPosition, StoredEvent> target = events.computeIfAbsent(stream, s -> new TreeMap<>());
    for (StoredEvent e : newEvents) {
      target.put(e.position(), new StoredEvent(e.timestamp(), e.sequence(), e.ingestionTime(), e.message().clone()));
    }
    put(docScope, docId, doc);
  }

  @Override
  public synchronized EventScan scan(StreamKey stream, ScanRange range) {
    List<StoredEvent> copy = new ArrayList<>();
    NavigableMap<EventPosition, StoredEvent> all = events.getOrDefault(stream, new TreeMap<>());
    for (StoredEvent e : all.values()) {
      boolean inRange = e.timestamp() >= range.fromTimestamp() && e.timestamp() < range.toTimestamp();
      boolean beyond =
          range.after().isEmpty()
              || (range.descending()
                  ? e.position().compareTo(range.after().get()) < 0
                  : e.position().compareTo(range.after().get()) > 0);
      if (inRange && beyond) {
        copy.add(e);
      }
    }
    if (range.descending()) {
      Collections.reverse(copy);
    }
    openScans.incrementAndGet();
    return new Scan(copy, range.filter().orElse(null));
  }

  @Override
  public synchronized PurgeResult deleteBefore(StreamKey stream, long cutoffTimestamp) {
    var doomed =
        events.getOrDefault(stream, new TreeMap<>()).headMap(new EventPosition(cutoffTimestamp, Long.MIN_VALUE), false);
    long count = doomed.size();
    long bytes = doomed.values().stream().mapToLong(e -> e.message().length).sum();
    doomed.clear();
    return count == 0 ? PurgeResult.NONE : new PurgeResult(count, bytes);
  }

  @Override
  public synchronized void deleteStreamEvents(StreamKey stream) {
    events.remove(stream);
  }

  @Override
  public synchronized void deleteGroupEvents(long groupId) {
    events.keySet().removeIf(s -> s.groupId() == groupId);
  }

  @Override
  public void close() {}

  private final class Scan implements EventScan {
    private final List<StoredEvent> events;
    private final MessageFilter filter;
    private int index;
    private StoredEvent next;
    private EventPosition examined;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    Scan(List<StoredEvent> events, MessageFilter filter) {
      this.events = events;
      this.filter = filter;
    }

    @Override
    public synchronized Step advance(int maxExamined) {
      if (next != null) {
        return Step.READY;
      }
      for (int budget = maxExamined; budget > 0; budget--) {
        if (closed.get() || index == events.size()) {
          close();
          return Step.DONE;
        }
        StoredEvent e = events.get(index++);
        examined = e.position();
        if (filter == null || filter.test(e.message(), 0, e.message().length)) {
          next = e;
          return Step.READY;
        }
      }
      return Step.PAUSED;
    }


    @Override
    public synchronized StoredEvent next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      StoredEvent e = next;
      next = null;
      return e;
    }

    @Override
    public synchronized Optional<EventPosition> examined() {
      return Optional.ofNullable(examined);
    }

    @Override
    public void close() {
      if (closed.compareAndSet(false, true)) {
        openScans.decrementAndGet();
      }
    }
  }
}
