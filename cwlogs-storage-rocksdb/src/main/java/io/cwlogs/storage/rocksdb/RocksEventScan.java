package io.cwlogs.storage.rocksdb;

import io.cwlogs.core.spi.EventScan;
import io.cwlogs.core.spi.StoredEvent;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;

/**
 * A lazy scan over one key range of the events column family, forward or backward.
 *
 * <p>It owns a RocksDB iterator (an implicit snapshot), its read options and its bound slices, and
 * releases them when closed or exhausted. Its methods synchronize on the scan so that the store can
 * close a still-open scan at shutdown without racing the native iterator.
 */
final class RocksEventScan implements EventScan {

  private final ReadOptions readOptions;
  private final Slice lower;
  private final Slice upper;
  private final RocksIterator iterator;
  private final boolean descending;
  private final Consumer<RocksEventScan> onClose;
  private StoredEvent next;
  private boolean closed;
  private boolean storeClosed;

  RocksEventScan(
      ReadOptions readOptions,
      Slice lower,
      Slice upper,
      RocksIterator iterator,
      boolean descending,
      Consumer<RocksEventScan> onClose) {
    this.readOptions = readOptions;
    this.lower = lower;
    this.upper = upper;
    this.iterator = iterator;
    this.descending = descending;
    this.onClose = onClose;
    if (descending) {
      iterator.seekToLast();
    } else {
      iterator.seekToFirst();
    }
  }

  @Override
  public synchronized boolean hasNext() {
    if (next != null) {
      return true;
    }
    if (closed) {
      if (storeClosed) {
        throw new IllegalStateException("the store was closed while this scan was open");
      }
      return false;
    }
    if (!iterator.isValid()) {
      checkStatus();
      close();
      return false;
    }
    next = StoreCodec.decodeEvent(iterator.key(), iterator.value());
    if (descending) {
      iterator.prev();
    } else {
      iterator.next();
    }
    return true;
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

  private void checkStatus() {
    try {
      iterator.status();
    } catch (org.rocksdb.RocksDBException e) {
      close();
      throw RocksLogStore.failure("scan", e);
    }
  }

  /** Releases the scan because the store is closing; using it afterwards throws. */
  synchronized void closeWithStore() {
    storeClosed = !closed;
    close();
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    iterator.close();
    readOptions.close();
    lower.close();
    upper.close();
    onClose.accept(this);
  }
}
