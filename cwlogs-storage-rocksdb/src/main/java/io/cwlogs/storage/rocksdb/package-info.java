/**
 * The embedded storage backend: {@link io.cwlogs.core.spi.LogStore} on one RocksDB database in a local
 * data directory. It is the default store, needs no setup, and an acknowledged write survives kill -9.
 *
 * <p>{@link io.cwlogs.storage.rocksdb.RocksLogStore} is the only entry point: the server opens it once
 * with a data directory and {@link io.cwlogs.storage.rocksdb.RocksStoreOptions} and closes it at
 * shutdown. Inside, two column families do the work. <em>documents</em> holds the service's metadata
 * under "scope NUL id" keys, so listing a scope is one bytewise-ordered prefix scan. <em>events</em>
 * holds one key per log event, (groupId, streamId, timestamp, sequence) as fixed-width, sign-flipped
 * big-endian numbers: a stream is one contiguous key range, read forward or backward with iterator
 * bounds, and retention or deletion of a stream or a group is one range tombstone.
 *
 * <p>{@link io.cwlogs.storage.rocksdb.StoreCodec} is the single description of every byte on disk;
 * {@link io.cwlogs.storage.rocksdb.Tuning} holds every RocksDB option with its reason (block sizes,
 * ZSTD on every level and a dictionary at the bottom, bloom filters, one bounded block cache, WAL and
 * fsync policy). {@link io.cwlogs.storage.rocksdb.RocksEventScan} is the lazy scan handed to callers.
 *
 * <p>Concurrency: RocksDB is thread-safe; the store adds striped locks only where a read-then-write must
 * be atomic (putIfAbsent, counting before a range delete) and a read-write lock that keeps close() from
 * freeing native memory under a running call. See docs/storage.md for the design in prose.
 */
package io.cwlogs.storage.rocksdb;
