package io.cwlogs.storage.rocksdb;

import io.cwlogs.core.spi.EventPosition;
import io.cwlogs.core.spi.EventScan;
import io.cwlogs.core.spi.MessageFilter;
import io.cwlogs.core.spi.StoredEvent;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Consumer;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;

/**
 * A lazy scan over one key range of the events column family, forward or backward, optionally keeping
 * only the events whose message passes a {@link MessageFilter}.
 *
 * <p>Implementation notes. This is the inner loop of FilterLogEvents, Insights and GetLogEvents, so per
 * stored event it does as little as it can:
 *
 * <ul>
 *   <li>The value is copied into one array the scan reuses ({@code RocksIterator.value(byte[])}); that
 *       call returns the full length, so a value larger than the array grows it and is read again. No
 *       {@code byte[]} per key or value, unlike {@code key()} and {@code value()}.
 *   <li>The filter tests the message where it lies in that array, after the value's varint header.
 *       Only an event that passes has its key read (into a second reused array) and is decoded into a
 *       {@link StoredEvent}, which copies its message once. So an event that fails costs three JNI
 *       calls ({@code isValid}, {@code value}, {@code next}/{@code prev}) and no allocation; one that
 *       passes costs one more call and the event. A scan without a filter calls nothing and returns
 *       every event.
 *   <li>{@link #advance} stops after a budget of examined events and reads the key of the last one, so a
 *       merge learns how far this stream has been looked at without the scan reading every key.
 * </ul>
 *
 * <p>It owns a RocksDB iterator (an implicit snapshot), its read options and its bound slices, and
 * releases them when closed or exhausted. Calls synchronize on the scan, so the store (closing at
 * shutdown) and a merge (closing from another thread once its page is full) never race the native
 * iterator. Because one call may examine a great many events (a rare term over a long range), closing
 * first raises a volatile flag that the loop reads per event: the running call ends at the next event
 * instead of at the end of the range, and the close then takes the lock and releases everything.
 */
final class RocksEventScan implements EventScan {

  /** Room for typical messages; a longer value grows the array once for the rest of the scan. */
  private static final int INITIAL_VALUE_BUFFER = 1 << 10;

  private final ReadOptions readOptions;
  private final Slice lower;
  private final Slice upper;
  private final RocksIterator iterator;
  private final boolean descending;
  private final MessageFilter filter;
  private final Consumer<RocksEventScan> onClose;
  private final byte[] key = new byte[StoreCodec.EVENT_KEY_LENGTH];
  private byte[] value = new byte[INITIAL_VALUE_BUFFER];
  private StoredEvent next;
  private boolean examined;
  private long examinedTimestamp;
  private long examinedSequence;
  private boolean closed;
  private boolean storeClosed;
  private volatile boolean stopping;
  private volatile boolean storeClosing;

  /**
   * Takes ownership of the iterator, its read options and slices.
   *
   * @param filter the message filter, or null for every event (internal: the SPI says Optional)
   */
  RocksEventScan(
      ReadOptions readOptions,
      Slice lower,
      Slice upper,
      RocksIterator iterator,
      boolean descending,
      MessageFilter filter,
      Consumer<RocksEventScan> onClose) {
    this.readOptions = readOptions;
    this.lower = lower;
    this.upper = upper;
    this.iterator = iterator;
    this.descending = descending;
    this.filter = filter;
    this.onClose = onClose;
    if (descending) {
      iterator.seekToLast();
    } else {
      iterator.seekToFirst();
    }
  }

  @Override
  public synchronized Step advance(int maxExamined) {
    if (maxExamined < 1) {
      throw new IllegalArgumentException("maxExamined must be >= 1: " + maxExamined);
    }
    if (next != null) {
      return Step.READY;
    }
    if (closed) {
      if (storeClosed) {
        throw new IllegalStateException("the store was closed while this scan was open");
      }
      return Step.DONE;
    }
    byte[] buffer = value;
    for (int budget = maxExamined; ; ) {
      if (stopping) {
        return stop();
      }
      if (!iterator.isValid()) {
        checkStatus();
        release();
        return Step.DONE;
      }
      int length = iterator.value(buffer);
      if (length > buffer.length) {
        buffer = value = new byte[Math.max(length, 2 * buffer.length)];
        iterator.value(buffer);
      }
      int offset = StoreCodec.messageOffset(buffer);
      boolean passes = filter == null || filter.test(buffer, offset, length - offset);
      budget--;
      if (passes || budget == 0) {
        iterator.key(key);
        examined = true;
        examinedTimestamp = StoreCodec.getLong(key, 16);
        examinedSequence = StoreCodec.getLong(key, 24);
      }
      if (passes) {
        next = StoreCodec.decodeEvent(key, buffer, length);
      }
      step();
      if (passes) {
        return Step.READY;
      }
      if (budget == 0) {
        return Step.PAUSED;
      }
    }
  }

  private void step() {
    if (descending) {
      iterator.prev();
    } else {
      iterator.next();
    }
  }


  @Override
  public synchronized StoredEvent next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    StoredEvent event = next;
    next = null;
    return event;
  }

  @Override
  public synchronized Optional<EventPosition> examined() {
    return examined ? Optional.of(new EventPosition(examinedTimestamp, examinedSequence)) : Optional.empty();
  }

  /** Ends a call that saw the close flag: releases the scan now, on the thread that holds it. */
  private Step stop() {
    if (storeClosing) {
      storeClosed = true;
      release();
      throw new IllegalStateException("the store was closed while this scan was open");
    }
    release();
    return Step.DONE;
  }

  private void checkStatus() {
    try {
      iterator.status();
    } catch (org.rocksdb.RocksDBException e) {
      release();
      throw RocksLogStore.failure("scan", e);
    }
  }

  /** Releases the scan because the store is closing; using it afterwards throws. */
  void closeWithStore() {
    storeClosing = true;
    stopping = true;
    synchronized (this) {
      if (!closed) {
        storeClosed = true;
        release();
      }
    }
  }

  @Override
  public void close() {
    stopping = true;
    synchronized (this) {
      release();
    }
  }

  private void release() {
    if (closed) {
      return;
    }
    closed = true;
    next = null;
    iterator.close();
    readOptions.close();
    lower.close();
    upper.close();
    onClose.accept(this);
  }
}
