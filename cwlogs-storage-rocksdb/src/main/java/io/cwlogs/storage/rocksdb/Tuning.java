package io.cwlogs.storage.rocksdb;

import java.util.ArrayList;
import java.util.List;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.Cache;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.InfoLogLevel;
import org.rocksdb.LRUCache;
import org.rocksdb.RocksObject;
import org.rocksdb.WriteOptions;

/**
 * Every RocksDB option the store sets, and why; the native objects it creates are closed with it.
 *
 * <p>Events are written once, read in sequential runs, and dropped by range: large blocks (64 KiB)
 * compress log text well and suit scans. Every level uses ZSTD (default level 3), not LZ4: a stream's
 * keys arrive in time order, so its SST files rarely overlap and RocksDB often <em>moves</em> them down
 * the levels without rewriting them, which would leave LZ4-compressed data (about 3.5x on logs) in
 * place for good. The bottommost level, where most data ends up, is rewritten with ZSTD level 6 and a
 * trained dictionary whenever a compaction does reach it. Events are never read by point lookup, so
 * their only filter is a prefix bloom on the 16-byte stream prefix, which lets a scan skip files that
 * do not hold its stream. docs/design-decisions-storage.md has the measurements.
 *
 * <p>Documents are small and read by key: 4 KiB blocks, LZ4, and a whole-key bloom filter.
 *
 * <p>Every append also updates its stream's document, so the small documents memtable holds entries from
 * every WAL file and would keep all of them alive until {@code max_total_wal_size} forces it to flush:
 * that limit is set just above one events memtable, so the WAL holds about one memtable of raw events
 * rather than four.
 *
 * <p>Start-up reads only the MANIFEST and replays the WAL, which {@code max_total_wal_size} and the
 * memtable size bound; table files open lazily (bounded {@code max_open_files}) and stats are not
 * recomputed from every file at open.
 */
final class Tuning implements AutoCloseable {

  private final List<RocksObject> owned = new ArrayList<>();
  private final Cache cache;
  final DBOptions db;
  final ColumnFamilyOptions defaults;
  final ColumnFamilyOptions documents;
  final ColumnFamilyOptions events;
  final WriteOptions write;

  Tuning(RocksStoreOptions options) {
    cache = own(new LRUCache(options.blockCacheBytes()));
    db =
        own(new DBOptions())
            .setCreateIfMissing(true)
            .setCreateMissingColumnFamilies(true)
            .setMaxOpenFiles(options.maxOpenFiles())
            .setSkipStatsUpdateOnDbOpen(true)
            .setMaxTotalWalSize(options.writeBufferBytes() + options.writeBufferBytes() / 2)
            .setWalBytesPerSync(1 << 20)
            .setBytesPerSync(1 << 20)
            .setMaxBackgroundJobs(Math.max(2, Runtime.getRuntime().availableProcessors() / 2))
            .setInfoLogLevel(InfoLogLevel.WARN_LEVEL)
            .setKeepLogFileNum(5)
            .setMaxLogFileSize(16 << 20);
    defaults = own(new ColumnFamilyOptions());
    documents = documentOptions();
    events = eventOptions(options.writeBufferBytes());
    write = own(new WriteOptions());
    write.setSync(options.durability() == RocksStoreOptions.Durability.POWER_LOSS);
    write.setDisableWAL(false);
  }

  private ColumnFamilyOptions documentOptions() {
    BlockBasedTableConfig table =
        new BlockBasedTableConfig()
            .setBlockCache(cache)
            .setBlockSize(4 << 10)
            .setFilterPolicy(own(new BloomFilter(10)))
            .setWholeKeyFiltering(true)
            .setCacheIndexAndFilterBlocks(true)
            .setPinL0FilterAndIndexBlocksInCache(true)
            .setFormatVersion(5);
    return own(new ColumnFamilyOptions())
        .setCompressionType(CompressionType.LZ4_COMPRESSION)
        .setWriteBufferSize(16 << 20)
        .setLevelCompactionDynamicLevelBytes(true)
        .setTableFormatConfig(table);
  }

  private ColumnFamilyOptions eventOptions(long writeBufferBytes) {
    BlockBasedTableConfig table =
        new BlockBasedTableConfig()
            .setBlockCache(cache)
            .setBlockSize(64 << 10)
            .setFilterPolicy(own(new BloomFilter(10)))
            .setWholeKeyFiltering(false)
            .setCacheIndexAndFilterBlocks(true)
            .setPinL0FilterAndIndexBlocksInCache(true)
            .setFormatVersion(5);
    CompressionOptions zstd =
        own(new CompressionOptions())
            .setEnabled(true)
            .setLevel(6)
            .setMaxDictBytes(64 << 10)
            .setZStdMaxTrainBytes(64 << 10 << 6);
    List<CompressionType> perLevel = new ArrayList<>();
    for (int level = 0; level < 7; level++) {
      perLevel.add(CompressionType.ZSTD_COMPRESSION);
    }
    ColumnFamilyOptions cf =
        own(new ColumnFamilyOptions())
            .useFixedLengthPrefixExtractor(StoreCodec.STREAM_PREFIX_LENGTH)
            .setMemtablePrefixBloomSizeRatio(0.05)
            .setWriteBufferSize(writeBufferBytes)
            .setMaxWriteBufferNumber(3)
            .setLevelCompactionDynamicLevelBytes(true)
            .setCompressionPerLevel(perLevel)
            .setBottommostCompressionType(CompressionType.ZSTD_COMPRESSION)
            .setBottommostCompressionOptions(zstd)
            .setTableFormatConfig(table);
    return cf;
  }

  private <T extends RocksObject> T own(T object) {
    owned.add(object);
    return object;
  }

  @Override
  public void close() {
    for (int i = owned.size() - 1; i >= 0; i--) {
      owned.get(i).close();
    }
  }
}
