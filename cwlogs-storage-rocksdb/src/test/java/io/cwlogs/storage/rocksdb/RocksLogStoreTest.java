package io.cwlogs.storage.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cwlogs.core.spi.EventScan;
import io.cwlogs.core.spi.LogStore;
import io.cwlogs.core.spi.LogStoreContractTest;
import io.cwlogs.core.spi.ScanRange;
import io.cwlogs.core.spi.StreamKey;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The storage contract, run against RocksDB in a temporary directory, plus RocksDB-only behaviour. */
class RocksLogStoreTest extends LogStoreContractTest {

  @Override
  protected LogStore newStore(Path dir) {
    return RocksLogStore.open(dir, RocksStoreOptions.defaults().withBlockCacheBytes(8 << 20));
  }

  @Test
  void closingTheStoreReleasesOpenScansAndRejectsLaterCalls() {
    StreamKey stream = new StreamKey(3, 4);
    store.append(stream, List.of(event(1, 1, "a"), event(2, 2, "b")), "d", "s", bytes("x"));
    EventScan scan = store.scan(stream, ScanRange.all());
    assertThat(scan.next().timestamp()).isEqualTo(1);
    store.close();
    assertThatThrownBy(scan::hasNext).isInstanceOf(IllegalStateException.class);
    scan.close();
    assertThatThrownBy(() -> store.get("d", "s")).isInstanceOf(IllegalStateException.class);
    store.close(); // idempotent
  }

  @Test
  void aSecondOpenOfTheSameDirectoryFails() {
    assertThatThrownBy(() -> RocksLogStore.open(dir)).isInstanceOf(UncheckedIOException.class);
  }
}
