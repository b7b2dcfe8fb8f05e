package io.cwlogs.storage.rocksdb;

import io.cwlogs.core.spi.LogStore;
import io.cwlogs.core.spi.LogStoreContractTest;
import java.nio.file.Path;

/** The storage contract, run against RocksDB in a temporary directory. */
class RocksLogStoreTest extends LogStoreContractTest {

  @Override
  protected LogStore newStore(Path dir) {
    return RocksLogStore.open(dir, RocksStoreOptions.defaults().withBlockCacheBytes(8 << 20));
  }
}
