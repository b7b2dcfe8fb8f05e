package io.cwlogs.core.spi;

import java.util.List;
import java.util.Optional;

/**
 * Where cwlogs keeps everything: small documents (metadata) and per-stream events.
 *
 * <p><b>Documents</b> live under a {@code scope} (for example {@code "000000000000/us-east-1/group"}) and an
 * {@code id} within it. Listing a scope returns ids in ascending UTF-8 byte order. The service encodes the
 * values; a store treats them as opaque bytes.
 *
 * <p><b>Events</b> are appended to one stream at a time. {@link #append} writes the events and the stream's
 * updated document in one atomic, durable step: once it returns, a kill -9 loses neither. The service
 * serialises appends to a stream, so a store need not.
 *
 * <p>Implementations must be safe for concurrent use by many threads.
 */
public interface LogStore extends AutoCloseable {

  // ---- documents ----

  Optional<byte[]> get(String scope, String id);

  void put(String scope, String id, byte[] value);

  /** Stores the value only if the id is absent; returns whether it did. Atomic against other callers. */
  boolean putIfAbsent(String scope, String id, byte[] value);

  void delete(String scope, String id);

  /** Up to {@code limit} documents of the scope whose id is {@code >= fromId}, ascending by id. */
  List<StoredDocument> list(String scope, String fromId, int limit);

  // ---- events ----

  /**
   * Appends events to a stream and replaces the stream's document, atomically and durably.
   *
   * @param events in any order; each (timestamp, sequence) is new to the stream
   */
  void append(StreamKey stream, List<StoredEvent> events, String docScope, String docId, byte[] doc);

  /**
   * Opens a scan over one stream's events: those of the range, in its direction, after its position and
   * passing its message filter, if it has them. The scan reads lazily; nothing is read before the first
   * call on it.
   */
  EventScan scan(StreamKey stream, ScanRange range);

  /** Deletes the stream's events whose timestamp is before {@code cutoffTimestamp}. */
  PurgeResult deleteBefore(StreamKey stream, long cutoffTimestamp);

  /** Deletes every event of the stream. */
  void deleteStreamEvents(StreamKey stream);

  /** Deletes every event of every stream of the group. */
  void deleteGroupEvents(long groupId);

  @Override
  void close();
}
