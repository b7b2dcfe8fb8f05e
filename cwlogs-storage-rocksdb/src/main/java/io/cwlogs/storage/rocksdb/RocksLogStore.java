package io.cwlogs.storage.rocksdb;

import io.cwlogs.core.spi.EventPosition;
import io.cwlogs.core.spi.EventScan;
import io.cwlogs.core.spi.LogStore;
import io.cwlogs.core.spi.PurgeResult;
import io.cwlogs.core.spi.ScanRange;
import io.cwlogs.core.spi.StoredDocument;
import io.cwlogs.core.spi.StoredEvent;
import io.cwlogs.core.spi.StreamKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.CompactRangeOptions;
import org.rocksdb.FlushOptions;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;
import org.rocksdb.WriteBatch;

/**
 * The embedded {@link LogStore}: one RocksDB database in a data directory, with a column family for
 * documents and one for events (layout in {@link StoreCodec}).
 *
 * <p>Open it once per process with {@link #open(Path)} and close it at shutdown; closing also releases
 * any scan still open. RocksDB's own lock file stops a second process from opening the same directory.
 * Storage failures surface as {@link UncheckedIOException}.
 */
public final class RocksLogStore implements LogStore {

  static {
    RocksDB.loadLibrary();
  }

  private static final String DOCUMENTS = "documents";
  private static final String EVENTS = "events";

  private final Tuning tuning;
  private final RocksDB db;
  private final List<ColumnFamilyHandle> handles;
  private final ColumnFamilyHandle documents;
  private final ColumnFamilyHandle events;
  private final StripedLocks streamLocks = new StripedLocks(64);
  private final StripedLocks documentLocks = new StripedLocks(64);
  private final Set<RocksEventScan> openScans = ConcurrentHashMap.newKeySet();
  private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
  private boolean closed;

  private RocksLogStore(Tuning tuning, RocksDB db, List<ColumnFamilyHandle> handles) {
    this.tuning = tuning;
    this.db = db;
    this.handles = handles;
    this.documents = handles.get(1);
    this.events = handles.get(2);
  }

  /** Opens (creating if needed) the store in {@code dataDir} with {@link RocksStoreOptions#defaults()}. */
  public static RocksLogStore open(Path dataDir) {
    return open(dataDir, RocksStoreOptions.defaults());
  }

  /** Opens (creating if needed) the store in {@code dataDir}. */
  public static RocksLogStore open(Path dataDir, RocksStoreOptions options) {
    Tuning tuning = new Tuning(options);
    List<ColumnFamilyDescriptor> descriptors =
        List.of(
            new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, tuning.defaults),
            new ColumnFamilyDescriptor(DOCUMENTS.getBytes(StandardCharsets.US_ASCII), tuning.documents),
            new ColumnFamilyDescriptor(EVENTS.getBytes(StandardCharsets.US_ASCII), tuning.events));
    List<ColumnFamilyHandle> handles = new ArrayList<>();
    RocksDB db = null;
    try {
      Files.createDirectories(dataDir);
      db = RocksDB.open(tuning.db, dataDir.toString(), descriptors, handles);
      checkFormat(db);
      return new RocksLogStore(tuning, db, List.copyOf(handles));
    } catch (IOException | RocksDBException | RuntimeException e) {
      handles.forEach(ColumnFamilyHandle::close);
      if (db != null) {
        db.close();
      }
      tuning.close();
      if (e instanceof RocksDBException rocks) {
        throw failure("open " + dataDir, rocks);
      }
      if (e instanceof IOException io) {
        throw new UncheckedIOException(io);
      }
      throw (RuntimeException) e;
    }
  }

  private static void checkFormat(RocksDB db) throws RocksDBException {
    byte[] stored = db.get(StoreCodec.FORMAT_KEY);
    if (stored == null) {
      db.put(StoreCodec.FORMAT_KEY, StoreCodec.intBytes(StoreCodec.FORMAT_VERSION));
    } else if (stored.length != 4 || StoreCodec.readInt(stored) != StoreCodec.FORMAT_VERSION) {
      throw new UncheckedIOException(
          new IOException("unsupported on-disk format " + Arrays.toString(stored)));
    }
  }

  static UncheckedIOException failure(String what, RocksDBException e) {
    return new UncheckedIOException(new IOException("rocksdb: " + what + " failed", e));
  }

  // ---- documents ----

  @Override
  public Optional<byte[]> get(String scope, String id) {
    byte[] key = StoreCodec.documentKey(scope, id);
    Lock open = enter();
    try {
      return Optional.ofNullable(db.get(documents, key));
    } catch (RocksDBException e) {
      throw failure("get", e);
    } finally {
      open.unlock();
    }
  }

  @Override
  public void put(String scope, String id, byte[] value) {
    byte[] key = StoreCodec.documentKey(scope, id);
    Lock open = enter();
    Lock keyLock = documentLock(scope, id);
    keyLock.lock();
    try {
      db.put(documents, tuning.write, key, value);
    } catch (RocksDBException e) {
      throw failure("put", e);
    } finally {
      keyLock.unlock();
      open.unlock();
    }
  }

  @Override
  public boolean putIfAbsent(String scope, String id, byte[] value) {
    byte[] key = StoreCodec.documentKey(scope, id);
    Lock open = enter();
    Lock keyLock = documentLock(scope, id);
    keyLock.lock();
    try {
      if (db.get(documents, key) != null) {
        return false;
      }
      db.put(documents, tuning.write, key, value);
      return true;
    } catch (RocksDBException e) {
      throw failure("putIfAbsent", e);
    } finally {
      keyLock.unlock();
      open.unlock();
    }
  }

  @Override
  public void delete(String scope, String id) {
    byte[] key = StoreCodec.documentKey(scope, id);
    Lock open = enter();
    Lock keyLock = documentLock(scope, id);
    keyLock.lock();
    try {
      db.delete(documents, tuning.write, key);
    } catch (RocksDBException e) {
      throw failure("delete", e);
    } finally {
      keyLock.unlock();
      open.unlock();
    }
  }

  @Override
  public List<StoredDocument> list(String scope, String fromId, int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be >= 0: " + limit);
    }
    byte[] prefix = StoreCodec.scopePrefix(scope);
    List<StoredDocument> result = new ArrayList<>();
    if (limit == 0) {
      return result;
    }
    Lock open = enter();
    try (Slice upper = new Slice(StoreCodec.endOfScope(prefix));
        ReadOptions read = new ReadOptions().setIterateUpperBound(upper);
        RocksIterator it = db.newIterator(documents, read)) {
      for (it.seek(StoreCodec.documentKey(scope, fromId));
          it.isValid() && result.size() < limit;
          it.next()) {
        result.add(new StoredDocument(StoreCodec.documentId(it.key(), prefix.length), it.value()));
      }
      it.status();
      return result;
    } catch (RocksDBException e) {
      throw failure("list", e);
    } finally {
      open.unlock();
    }
  }

  // ---- events ----

  @Override
  public void append(
      StreamKey stream, List<StoredEvent> newEvents, String docScope, String docId, byte[] doc) {
    byte[] docKey = StoreCodec.documentKey(docScope, docId);
    Lock open = enter();
    Lock streamLock = streamLocks.forHash(stream.hashCode());
    Lock docLock = documentLock(docScope, docId);
    streamLock.lock();
    docLock.lock();
    try (WriteBatch batch = new WriteBatch()) {
      for (StoredEvent event : newEvents) {
        batch.put(
            events,
            StoreCodec.eventKey(stream, event.timestamp(), event.sequence()),
            StoreCodec.eventValue(event));
      }
      batch.put(documents, docKey, doc);
      db.write(tuning.write, batch);
    } catch (RocksDBException e) {
      throw failure("append", e);
    } finally {
      docLock.unlock();
      streamLock.unlock();
      open.unlock();
    }
  }

  @Override
  public EventScan scan(StreamKey stream, ScanRange range) {
    byte[] lower = StoreCodec.eventKeyAtTime(stream, range.fromTimestamp());
    byte[] upper = StoreCodec.eventKeyAtTime(stream, range.toTimestamp());
    if (range.after().isPresent()) {
      EventPosition p = range.after().get();
      byte[] at = StoreCodec.eventKey(stream, p.timestamp(), p.sequence());
      if (range.descending()) {
        upper = min(upper, at);
      } else {
        lower = max(lower, StoreCodec.justAfter(at));
      }
    }
    upper = max(lower, upper);
    Lock open = enter();
    try {
      Slice lowerSlice = new Slice(lower);
      Slice upperSlice = new Slice(upper);
      ReadOptions read =
          // Auto prefix mode: SeekToFirst/SeekToLast are undefined in RocksDB's plain prefix-seek mode
          // (the events family has a prefix extractor); this keeps total-order results and still
          // uses the prefix bloom where the bounds share the stream prefix.
          new ReadOptions()
              .setAutoPrefixMode(true)
              .setIterateLowerBound(lowerSlice)
              .setIterateUpperBound(upperSlice);
      RocksEventScan scan =
          new RocksEventScan(
              read,
              lowerSlice,
              upperSlice,
              db.newIterator(events, read),
              range.descending(),
              range.filter().orElse(null),
              openScans::remove);
      openScans.add(scan);
      return scan;
    } finally {
      open.unlock();
    }
  }

  @Override
  public PurgeResult deleteBefore(StreamKey stream, long cutoffTimestamp) {
    byte[] lower = StoreCodec.eventKeyAtTime(stream, Long.MIN_VALUE);
    byte[] upper = StoreCodec.eventKeyAtTime(stream, cutoffTimestamp);
    Lock open = enter();
    Lock streamLock = streamLocks.forHash(stream.hashCode());
    streamLock.lock();
    try {
      PurgeResult doomed = count(lower, upper);
      if (doomed.events() > 0) {
        deleteRange(lower, upper);
      }
      return doomed;
    } catch (RocksDBException e) {
      throw failure("deleteBefore", e);
    } finally {
      streamLock.unlock();
      open.unlock();
    }
  }

  @Override
  public void deleteStreamEvents(StreamKey stream) {
    byte[] prefix = StoreCodec.streamPrefix(stream);
    deleteRangeGuarded("deleteStreamEvents", prefix, StoreCodec.endOfPrefix(prefix));
  }

  @Override
  public void deleteGroupEvents(long groupId) {
    byte[] prefix = StoreCodec.groupPrefix(groupId);
    deleteRangeGuarded("deleteGroupEvents", prefix, StoreCodec.endOfPrefix(prefix));
  }

  /** Counts the events and message bytes in [lower, upper), reading only each value's header. */
  private PurgeResult count(byte[] lower, byte[] upper) throws RocksDBException {
    long count = 0;
    long bytes = 0;
    byte[] head = new byte[StoreCodec.MAX_HEADER_LENGTH];
    try (Slice lowerSlice = new Slice(lower);
        Slice upperSlice = new Slice(upper);
        ReadOptions read =
            new ReadOptions()
                .setAutoPrefixMode(true)
                .setIterateLowerBound(lowerSlice)
                .setIterateUpperBound(upperSlice)
                .setFillCache(false);
        RocksIterator it = db.newIterator(events, read)) {
      for (it.seekToFirst(); it.isValid(); it.next()) {
        int length = it.value(head);
        bytes += StoreCodec.messageLength(head, length);
        count++;
      }
      it.status();
    }
    return count == 0 ? PurgeResult.NONE : new PurgeResult(count, bytes);
  }

  private void deleteRangeGuarded(String what, byte[] lower, byte[] upper) {
    Lock open = enter();
    try {
      deleteRange(lower, upper);
    } catch (RocksDBException e) {
      throw failure(what, e);
    } finally {
      open.unlock();
    }
  }

  /**
   * Writes a range tombstone, then drops the SST files wholly inside the range so that the space comes
   * back now rather than at the next compaction of those files.
   */
  private void deleteRange(byte[] lower, byte[] upper) throws RocksDBException {
    db.deleteRange(events, tuning.write, lower, upper);
    db.deleteFilesInRanges(events, List.of(lower, upper), false);
  }

  // ---- measurement (tests and tools) ----

  /**
   * Flushes the events memtables and, if {@code fully}, compacts the events column family down to its
   * bottommost level, where a long-lived store keeps most of its data (size tests and scan benchmarks).
   */
  public void compactEvents(boolean fully) {
    Lock open = enter();
    try (FlushOptions flush = new FlushOptions().setWaitForFlush(true)) {
      db.flush(flush, events);
      if (fully) {
        try (CompactRangeOptions force =
            new CompactRangeOptions()
                .setBottommostLevelCompaction(
                    CompactRangeOptions.BottommostLevelCompaction.kForceOptimized)) {
          db.compactRange(events, null, null, force);
        }
      }
    } catch (RocksDBException e) {
      throw failure("compact", e);
    } finally {
      open.unlock();
    }
  }

  /** Bytes of SST files the events column family occupies on disk now. */
  long eventsDiskBytes() {
    Lock open = enter();
    try {
      return db.getLiveFilesMetaData().stream()
          .filter(f -> Arrays.equals(f.columnFamilyName(), EVENTS.getBytes(StandardCharsets.US_ASCII)))
          .mapToLong(f -> f.size())
          .sum();
    } finally {
      open.unlock();
    }
  }

  // ---- lifecycle ----

  private Lock enter() {
    Lock lock = lifecycle.readLock();
    lock.lock();
    if (closed) {
      lock.unlock();
      throw new IllegalStateException("the store is closed");
    }
    return lock;
  }

  private Lock documentLock(String scope, String id) {
    return documentLocks.forHash(31 * scope.hashCode() + id.hashCode());
  }

  @Override
  public void close() {
    lifecycle.writeLock().lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      openScans.forEach(RocksEventScan::closeWithStore);
      handles.forEach(ColumnFamilyHandle::close);
      try {
        db.closeE();
      } catch (RocksDBException e) {
        throw failure("close", e);
      } finally {
        tuning.close();
      }
    } finally {
      lifecycle.writeLock().unlock();
    }
  }

  private static byte[] min(byte[] a, byte[] b) {
    return Arrays.compareUnsigned(a, b) <= 0 ? a : b;
  }

  private static byte[] max(byte[] a, byte[] b) {
    return Arrays.compareUnsigned(a, b) >= 0 ? a : b;
  }
}
