package io.cwlogs.storage.rocksdb;

/**
 * How a {@link RocksLogStore} is opened: durability, and the memory and file handles it may use.
 *
 * @param durability what an acknowledged write survives
 * @param blockCacheBytes the one block cache shared by all column families (uncompressed blocks, index
 *     and filter blocks); bounds read memory
 * @param writeBufferBytes the memtable size of the events column family; bounds WAL replay at start-up
 * @param maxOpenFiles SST files kept open; bounded so that start-up does not open every file
 */
public record RocksStoreOptions(
    Durability durability, long blockCacheBytes, long writeBufferBytes, int maxOpenFiles) {

  /** What an acknowledged write survives. */
  public enum Durability {
    /**
     * Written to the write-ahead log in the OS page cache before the call returns: survives kill -9 and
     * JVM crashes, but a power loss or kernel panic may lose the last moments of writes. The default.
     */
    PROCESS_CRASH,
    /** As above, and the WAL is fsync'ed before the call returns: survives power loss too. Slower. */
    POWER_LOSS
  }

  public RocksStoreOptions {
    if (blockCacheBytes < 0 || writeBufferBytes < (1 << 20) || maxOpenFiles < 16) {
      throw new IllegalArgumentException(
          "need blockCacheBytes >= 0, writeBufferBytes >= 1 MiB and maxOpenFiles >= 16");
    }
  }

  /** Process-crash durability, a 64 MiB block cache, 64 MiB memtables, 1000 open files. */
  public static RocksStoreOptions defaults() {
    return new RocksStoreOptions(Durability.PROCESS_CRASH, 64L << 20, 64L << 20, 1000);
  }

  public RocksStoreOptions withDurability(Durability value) {
    return new RocksStoreOptions(value, blockCacheBytes, writeBufferBytes, maxOpenFiles);
  }

  public RocksStoreOptions withBlockCacheBytes(long value) {
    return new RocksStoreOptions(durability, value, writeBufferBytes, maxOpenFiles);
  }

  public RocksStoreOptions withWriteBufferBytes(long value) {
    return new RocksStoreOptions(durability, blockCacheBytes, value, maxOpenFiles);
  }
}
